package minutebook

import "testing"

func TestCommonPassword(t *testing.T) {
	for pw, want := range map[string]bool{
		"password":                     true,
		"unbelievable":                 true,
		"UNBELIEVABLE":                 true,
		"Password2024!":                true,
		"dragon 123456":                true,
		"iloveyou!":                    true,
		"films+pic+galeries":           true,
		"correct horse battery staple": false,
		"a new long password":          false,
		"123456789012":                 false,
		"":                             false,
		"zq8-unlisted-words":           false,
	} {
		if got := CommonPassword(pw); got != want {
			t.Errorf("CommonPassword(%q) = %v, want %v", pw, got, want)
		}
	}
	if n := len(commonPasswords()); n != 10000 {
		t.Errorf("the list holds %d passwords, want 10,000", n)
	}
	if err := ValidatePassword("Unbelievable"); err == nil || ErrorCode(err) != EINVALID {
		t.Errorf("ValidatePassword of a common password = %v, want EINVALID", err)
	}
}
