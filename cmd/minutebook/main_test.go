package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

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
	t.Setenv("MINUTEBOOK_ARGON2_MEMORY_KIB", "64")
	t.Setenv("MINUTEBOOK_ARGON2_ITERATIONS", "1")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), pw, io.Discard)
		pw.Close()
	}()
	var printed strings.Builder
	addr := ""
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		printed.WriteString(sc.Text() + "\n")
		if m := regexp.MustCompile(`serving at (http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			addr = m[1]
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if addr == "" {
		t.Fatalf("no address printed:\n%s\n%v", printed.String(), <-done)
	}
	if !strings.Contains(printed.String(), "chief@example.org  (password from MINUTEBOOK_ADMIN_PASSWORD)") {
		t.Errorf("first start did not report the administrator:\n%s", printed.String())
	}
	res, err := http.Get(addr + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/healthz: %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve ended with %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
}
