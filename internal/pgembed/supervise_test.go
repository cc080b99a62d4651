package pgembed

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/logbuf"
)

// kill -9 of the postmaster: the supervisor says so, restarts it on the same
// socket, and what was committed is there again within 5 s.
func TestSupervisorRestartsAKilledServer(t *testing.T) {
	requireBinaries(t)
	var logs logbuf.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// Durable: with synchronous_commit off, the crash could lose the commit.
	c, err := Start(ctx, Options{DataDir: tempDataDir(t), Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Stop() })
	conn := connect(t, c)
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('committed')"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)

	old := c.Pid()
	if err := syscall.Kill(old, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	var v string
	for {
		conn, err := pgx.Connect(ctx, c.URL("postgres"))
		if err == nil {
			err = conn.QueryRow(ctx, "SELECT v FROM kept").Scan(&v)
			conn.Close(ctx)
		}
		if err == nil && c.Pid() != old {
			break
		}
		if time.Since(killed) > 5*time.Second {
			t.Fatalf("not serving 5 s after kill -9: %v\n%s", err, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("serving again %v after kill -9", time.Since(killed).Round(time.Millisecond))
	if v != "committed" {
		t.Errorf("after the restart: %q", v)
	}
	for _, want := range []string{"PostgreSQL exited unexpectedly; restarting it", "PostgreSQL restarted"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	if err := c.Stop(); err != nil {
		t.Fatalf("Stop after a restart: %v", err)
	}
	if alive(c.Pid()) {
		t.Error("the restarted server survived Stop")
	}
}

// A command beside a running server finds it through postmaster.pid, and
// leaves it running when done.
func TestRunning(t *testing.T) {
	requireBinaries(t)
	dir := tempDataDir(t)
	if _, err := Running(dir); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Running on an empty directory: %v", err)
	}
	c := start(t, dir)
	found, err := Running(dir)
	if err != nil {
		t.Fatal(err)
	}
	if found.URL("postgres") != c.URL("postgres") {
		t.Errorf("Running's URL %s, Start's %s", found.URL("postgres"), c.URL("postgres"))
	}
	if err := found.Stop(); err != nil {
		t.Fatal(err)
	}
	var one int
	if err := connect(t, found).QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil {
		t.Fatalf("after the found cluster's Stop: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := Running(dir); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Running after Stop: %v", err)
	}
}
