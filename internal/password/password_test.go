package password

import (
	"strings"
	"testing"
)

func TestHashAndCheck(t *testing.T) {
	h, err := Hash("correct horse battery staple", Cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$") {
		t.Errorf("hash %q is not an argon2id hash", h)
	}
	for pw, want := range map[string]bool{"correct horse battery staple": true, "Correct horse battery staple": false, "": false} {
		got, err := Check(pw, h)
		if err != nil || got != want {
			t.Errorf("Check(%q) = %v, %v; want %v", pw, got, err, want)
		}
	}
	if _, err := Check("x", "not a hash"); err == nil {
		t.Error("a malformed hash should be an error, not a mismatch")
	}
	again, _ := Hash("correct horse battery staple", Cheap)
	if again == h {
		t.Error("two hashes of one password should differ by their salt")
	}
}

func TestGenerate(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 50; i++ {
		pw := Generate()
		if len(pw) != 20 || strings.ContainsAny(pw, "0O1lI") {
			t.Fatalf("Generate() = %q: want 20 characters without look-alikes", pw)
		}
		if seen[pw] {
			t.Fatalf("Generate() repeated %q", pw)
		}
		seen[pw] = true
	}
}

func TestToken(t *testing.T) {
	a, b := Token("mbk_", 32), Token("mbk_", 32)
	if a == b || !strings.HasPrefix(a, "mbk_") || len(a) != len("mbk_")+43 || strings.ContainsAny(a, "+/=") {
		t.Errorf("Token() = %q, %q: want two different URL-safe secrets of 32 bytes after the prefix", a, b)
	}
}
