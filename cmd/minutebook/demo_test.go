package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
)

func TestDemoScale(t *testing.T) {
	t.Setenv("DATABASE_URL", dbtest.URL(t))
	t.Setenv("MINUTEBOOK_ARGON2_MEMORY_KIB", "64")
	t.Setenv("MINUTEBOOK_ARGON2_ITERATIONS", "1")
	out, err := runCmd(t, "", "demo", "--scale", "small", "--seed", "3")
	if err != nil {
		t.Fatal(err, out)
	}
	for _, want := range []string{"Generating the small data set (seed 3", "agenda_items", "action_events", "kevin.donnelly@albion.example.org", "go run ./cmd/mbload --start"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`the password \S{20} \(shown once\)`).MatchString(out) {
		t.Errorf("output does not show the shared password:\n%s", out)
	}

	t.Run("RefusesADatabaseWithData", func(t *testing.T) {
		out, err := runCmd(t, "", "demo", "--scale", "small")
		if err == nil || !strings.Contains(err.Error(), "only into a fresh database") {
			t.Errorf("second load: %v\n%s", err, out)
		}
	})
	t.Run("RefusesAnUnknownScaleOrDate", func(t *testing.T) {
		if _, err := runCmd(t, "", "demo", "--scale", "huge"); err == nil || !strings.Contains(err.Error(), "large or small") {
			t.Errorf("--scale huge: %v", err)
		}
		if _, err := runCmd(t, "", "demo", "--scale", "small", "--today", "30/11/2026"); err == nil || !strings.Contains(err.Error(), "--today") {
			t.Errorf("--today 30/11/2026: %v", err)
		}
	})
}
