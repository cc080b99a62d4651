package main

import (
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/migrations"
)

// serve with its private PostgreSQL: every command works beside it, through
// its socket, and when its PostgreSQL is killed it is restarted and the
// server serves again within 5 s.
func TestServeWithItsOwnPostgreSQL(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a private PostgreSQL")
	}
	t.Setenv("DATABASE_URL", "")
	t.Setenv("MINUTEBOOK_ADMIN_EMAIL", "chief@example.org")
	t.Setenv("MINUTEBOOK_ADMIN_PASSWORD", "the chief's password")
	cheapPasswords(t)
	dir := tempDir(t, "mb-serve-")
	s := startServe(t, "--no-demo", "--data-dir", dir)

	t.Run("CommandsBesideIt", func(t *testing.T) {
		out, err := runCmd(t, "a long enough password\n", "user", "add", "--email", "bea@example.org", "--name", "Bea Baker", "--password-stdin", "--data-dir", dir)
		if err != nil || !strings.Contains(out, "Created Bea Baker") {
			t.Fatalf("user add beside the server: %v\n%s", err, out)
		}
		if !strings.Contains(out, "using the PostgreSQL that minutebook serve runs") {
			t.Errorf("user add did not say it used the server's PostgreSQL:\n%s", out)
		}
		newBrowser(t).signIn(s.url, "bea@example.org", "a long enough password")

		out, err = runCmd(t, "", "migrate", "version", "--data-dir", dir)
		if want := "schema version " + strconv.Itoa(newestMigration(t)); err != nil || !strings.Contains(out, want) {
			t.Errorf("migrate version beside the server: %v\n%s", err, out)
		}
		file := filepath.Join(t.TempDir(), "beside.dump")
		if out, err := runCmd(t, "", "--data-dir", dir, "backup", file); err != nil {
			t.Errorf("backup beside the server: %v\n%s", err, out)
		}
		if status, _ := newBrowser(t).get(s.url, "/readyz"); status != http.StatusOK {
			t.Errorf("after the commands, /readyz %d: a command stopped the server's PostgreSQL", status)
		}
	})

	t.Run("RestartsItsPostgreSQLAfterKill9", func(t *testing.T) {
		postmaster := func() int {
			lock, _ := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
			pid, _ := strconv.Atoi(strings.SplitN(string(lock), "\n", 2)[0])
			return pid
		}
		old := postmaster()
		b := newBrowser(t)
		b.signIn(s.url, "chief@example.org", "the chief's password")
		if err := syscall.Kill(old, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		// The killed server's backends may answer for a moment: what counts
		// is a page served by the new one.
		took := waitFor(t, 30*time.Second, "serving again from a restarted PostgreSQL after kill -9", func() bool {
			if pid := postmaster(); pid == 0 || pid == old {
				return false
			}
			status, _ := b.get(s.url, "/committees")
			return status == http.StatusOK
		})
		t.Logf("serving again %v after kill -9", took.Round(time.Millisecond))
		if !strings.Contains(s.logs.String(), "PostgreSQL exited unexpectedly; restarting it") {
			t.Errorf("the log does not say PostgreSQL died:\n%s", s.logs.String())
		}
		waitFor(t, 10*time.Second, "the log saying PostgreSQL restarted", func() bool {
			return strings.Contains(s.logs.String(), "PostgreSQL restarted")
		})
	})
}

// serve with DATABASE_URL, its database going away and coming back: 503
// with the message while it is away, a posted form kept as typed, and
// serving again within 5 s of its return.
func TestServeThroughADatabaseOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL of its own to stop")
	}
	dir, sock := tempDir(t, "mb-outage-"), tempDir(t, "mb-sock-")
	opts := pgembed.Options{DataDir: dir, SocketDir: sock, Ephemeral: true, Logger: quietLog()}
	cluster, err := pgembed.Start(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cluster.Stop() })
	t.Setenv("DATABASE_URL", cluster.URL("postgres"))
	t.Setenv("MINUTEBOOK_ADMIN_EMAIL", "chief@example.org")
	t.Setenv("MINUTEBOOK_ADMIN_PASSWORD", "the chief's password")
	cheapPasswords(t)
	s := startServe(t)
	addr := strings.TrimSuffix(strings.TrimPrefix(s.url, "http://127.0.0.1"), "/") // ":PORT"
	b := newBrowser(t)
	b.signIn(s.url, "chief@example.org", "the chief's password")
	form := url.Values{"code": {"FINCO"}, "name": {"Finance Committee"}, "description": {"Keeps the accounts"}, "escalation_threshold": {"15"},
		"decision_vocabulary": {"NOTED\nAGREED"}, "bands": {"Low 1-11\nHigh 12-25"}}

	if err := cluster.Stop(); err != nil {
		t.Fatal(err)
	}
	status, body := b.get(s.url, "/committees")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "minutebook cannot reach its database; try again in a moment.") {
		t.Errorf("a page while the database is away: %d\n%s", status, body)
	}
	if status, _ := b.get(s.url, "/readyz"); status != http.StatusServiceUnavailable {
		t.Errorf("/readyz while the database is away: %d", status)
	}
	if _, err := runCmd(t, "", "healthcheck", "--addr", "0.0.0.0"+addr, "--timeout", "3s"); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("healthcheck while the database is away: %v", err)
	}
	status, body = b.post(s.url, "/committees/new", form)
	if status != http.StatusServiceUnavailable {
		t.Errorf("a form posted while the database is away: %d", status)
	}
	for _, want := range []string{`data-testid="retry-form"`, `action="/committees/new"`, `name="name"`, ">Finance Committee</textarea>", ">Keeps the accounts</textarea>"} {
		if !strings.Contains(body, want) {
			t.Errorf("the 503 page does not keep the form as typed: no %q\n%s", want, body)
		}
	}

	if cluster, err = pgembed.Start(t.Context(), opts); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cluster.Stop() })
	took := waitFor(t, 5*time.Second, "serving again after the database returned", func() bool {
		status, _ := b.get(s.url, "/committees")
		return status == http.StatusOK
	})
	t.Logf("serving again %v after the database returned", took.Round(time.Millisecond))
	if out, err := runCmd(t, "", "healthcheck", "--addr", "0.0.0.0"+addr); err != nil {
		t.Errorf("healthcheck after the database returned: %v\n%s", err, out)
	}
	// What the 503 page kept, sent again, saves.
	if status, body := b.post(s.url, "/committees/new", form); status != http.StatusSeeOther {
		t.Errorf("the form sent again: %d\n%s", status, body)
	}
	if status, body := b.get(s.url, "/committees/FINCO"); status != http.StatusOK || !strings.Contains(body, "Finance Committee") {
		t.Errorf("the committee saved after the outage: %d", status)
	}
	s.stop(t) // before the cleanup stops the database under it
}

// newestMigration is the number of the last migration the binary holds.
func newestMigration(t *testing.T) int {
	t.Helper()
	names, err := fs.Glob(migrations.FS, "*.up.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no migrations: %v", err)
	}
	slices.Sort(names)
	n, err := strconv.Atoi(strings.SplitN(names[len(names)-1], "_", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	return n
}
