package main

import (
	"bytes"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// runCmd runs the command line and returns what it printed.
func runCmd(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(t.Context(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String() + errOut.String(), err
}

// Every --help, and help, exits 0 and says what the command takes.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"help"}, {"serve", "--help"}, {"migrate", "--help"}, {"migrate", "version", "--help"}, {"migrate", "down", "-h"},
		{"demo", "--help"}, {"import", "--help"}, {"user", "--help"}, {"user", "add", "--help"}, {"help", "user", "reset-password"},
		{"backup", "--help"}, {"restore", "--help"}, {"healthcheck", "--help"},
		{"import", "--committee", "OPSG", "--help", "file.txt"},
	} {
		out, err := runCmd(t, "", args...)
		if err != nil {
			t.Errorf("%v: err = %v, want none (exit 0)", args, err)
		}
		want := "--data-dir"
		switch {
		case args[0] == "user" && len(args) == 2, args[0] == "migrate" && len(args) == 2 && args[1] == "--help":
			want = "Available Commands"
		case args[0] == "healthcheck":
			want = "--addr"
		}
		if !strings.Contains(out, "minutebook") || !strings.Contains(out, want) {
			t.Errorf("%v: help does not describe the command (no %q):\n%s", args, want, out)
		}
	}
	out, _ := runCmd(t, "", "--help")
	for _, cmd := range []string{"serve", "migrate", "demo", "import", "user", "backup", "restore", "healthcheck"} {
		if !regexp.MustCompile(`(?m)^  ` + cmd + ` `).MatchString(out) {
			t.Errorf("minutebook --help does not list %s:\n%s", cmd, out)
		}
	}
}

func TestMigrateRoundTrip(t *testing.T) {
	t.Setenv("DATABASE_URL", dbtest.URL(t))
	version := regexp.MustCompile(`schema version (\d+)`)
	out, err := runCmd(t, "", "migrate", "version")
	if err != nil {
		t.Fatal(err, out)
	}
	top := version.FindStringSubmatch(out)
	if top == nil || top[1] == "0" {
		t.Fatalf("version output %q", out)
	}
	out, err = runCmd(t, "", "migrate", "down", "1")
	if err != nil {
		t.Fatal(err, out)
	}
	if got := version.FindStringSubmatch(out); got == nil || got[1] == top[1] {
		t.Fatalf("after down 1: %q", out)
	}
	out, err = runCmd(t, "", "migrate", "up")
	if err != nil {
		t.Fatal(err, out)
	}
	if got := version.FindStringSubmatch(out); got == nil || got[1] != top[1] {
		t.Fatalf("after up: %q, want version %s", out, top[1])
	}
	if _, err := runCmd(t, "", "migrate", "down", "zero"); err == nil {
		t.Error("migrate down zero succeeded")
	}
}

func TestUserCommandsShareThePrivateDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a private PostgreSQL twice")
	}
	t.Setenv("DATABASE_URL", "")
	t.Setenv("MINUTEBOOK_ARGON2_MEMORY_KIB", "64")
	t.Setenv("MINUTEBOOK_ARGON2_ITERATIONS", "1")
	dir, err := os.MkdirTemp("", "mb-cmd-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })

	out, err := runCmd(t, "a long enough password\n", "user", "add", "--data-dir", dir, "--email", "Alice@Example.org",
		"--name", "Alice Archer", "--organisation", "SECAS", "--password-stdin")
	if err != nil {
		t.Fatal(err, out)
	}
	if !strings.Contains(out, "Created Alice Archer <alice@example.org>") {
		t.Fatalf("add printed %q", out)
	}
	// A second start of the same data directory finds what the first left.
	out, err = runCmd(t, "", "user", "reset-password", "--data-dir", dir, "--email", "alice@example.org")
	if err != nil {
		t.Fatal(err, out)
	}
	if !regexp.MustCompile(`Password: [A-Za-z0-9]{20}`).MatchString(out) {
		t.Fatalf("reset-password printed %q", out)
	}
	if out, err := runCmd(t, "short\n", "user", "add", "--data-dir", dir, "--email", "b@example.org", "--name", "B", "--password-stdin"); err == nil {
		t.Fatalf("a short password was accepted: %s", out)
	}
}

func TestServeFirstStart(t *testing.T) {
	t.Setenv("DATABASE_URL", dbtest.URL(t))
	t.Setenv("MINUTEBOOK_ADMIN_EMAIL", "chief@example.org")
	t.Setenv("MINUTEBOOK_ADMIN_PASSWORD", "the chief's password")
	t.Setenv("MINUTEBOOK_METRICS_TOKEN", "scrape-secret")
	cheapPasswords(t)
	s := startServe(t)
	// The token from the environment opens /metrics to a request that
	// does not come straight from the loopback.
	for token, want := range map[string]int{"scrape-secret": http.StatusOK, "wrong": http.StatusForbidden} {
		req, _ := http.NewRequest(http.MethodGet, s.url+"metrics", nil)
		req.Header.Set("X-Forwarded-For", "192.0.2.7")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("/metrics with the token %q: %d, want %d", token, res.StatusCode, want)
		}
	}
	if !strings.Contains(s.printed, "chief@example.org  (password from MINUTEBOOK_ADMIN_PASSWORD)") {
		t.Errorf("first start did not report the administrator:\n%s", s.printed)
	}
	if status, body := newBrowser(t).get(s.url, "/healthz"); status != http.StatusOK {
		t.Fatalf("/healthz: %d %s", status, body)
	}
	out, err := runCmd(t, "", "healthcheck", "--addr", strings.TrimSuffix(strings.TrimPrefix(s.url, "http://"), "/"))
	if err != nil || !strings.Contains(out, "healthy") {
		t.Errorf("healthcheck of a serving server: %v\n%s", err, out)
	}
	s.stop(t)
	if _, err := runCmd(t, "", "healthcheck", "--addr", strings.TrimSuffix(strings.TrimPrefix(s.url, "http://"), "/"), "--timeout", "1s"); err == nil ||
		!strings.Contains(err.Error(), "not healthy") {
		t.Errorf("healthcheck of a stopped server: %v", err)
	}
}

// Issue 13, point 9: the command line refuses the most common passwords as
// the account page does, before it touches a database.
func TestUserAddRefusesCommonPassword(t *testing.T) {
	dir := t.TempDir()
	for _, pw := range []string{"unbelievable", "Password2024!"} {
		out, err := runCmd(t, pw+"\n", "user", "add", "--data-dir", dir, "--email", "c@example.org", "--name", "C", "--password-stdin")
		if err == nil || !strings.Contains(out+err.Error(), "one of the most common passwords") {
			t.Errorf("%q: err %v, output %q; want a refusal as too common", pw, err, out)
		}
	}
}
