package postgres_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
)

// PostgreSQL killed (kill -9) in the middle of importing a meeting's minutes,
// a save of hundreds of rows in one transaction: the import fails as the
// database being unavailable, and once the server is back (restarted by
// pgembed's supervisor, with crash recovery) none of its rows is there,
// and the same import then succeeds.
func TestKilledMidSaveLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL of its own to kill")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "mb-fault-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// Durable, as in production: the test is about what a crash keeps.
	cluster, err := pgembed.Start(ctx, pgembed.Options{DataDir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cluster.Stop() })
	url := cluster.URL("postgres")
	if err := postgres.Migrate(url); err != nil {
		t.Fatal(err)
	}
	store, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	secas, err := store.EnsureOrganisation(ctx, "SECAS")
	if err != nil {
		t.Fatal(err)
	}
	opsg := &mb.Committee{Code: "OPSG", Name: "Operations Group", SecretariatID: &secas.ID, EscalationThreshold: 15,
		Categories: []string{"Operations Group Chair", "Network Parties", "Large Suppliers", "Small Suppliers", "Other SEC Parties"}}
	if err := store.CreateCommittee(ctx, opsg); err != nil {
		t.Fatal(err)
	}
	in := read(t, "opsg-105-final-minutes.txt")

	// The import writes the meeting, its attendance, items, decisions and
	// actions, then the risk reviews: holding risk_reviews stops it there,
	// with the rest written in its transaction.
	blocker, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	// Closed before the store, whose import it would otherwise hold up.
	t.Cleanup(func() { blocker.Close(context.Background()) })
	tx, err := blocker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE risk_reviews IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := store.ImportMinutes(ctx, in, postgres.ImportOptions{})
		done <- err
	}()
	var importer int
	for deadline := time.Now().Add(30 * time.Second); ; {
		err := tx.QueryRow(ctx, `SELECT pid FROM pg_locks WHERE relation = 'risk_reviews'::regclass AND NOT granted`).Scan(&importer)
		if err == nil {
			break
		}
		if err != pgx.ErrNoRows {
			t.Fatal(err)
		}
		select {
		case err := <-done:
			t.Fatalf("the import finished (%v) before it reached risk_reviews", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the import never reached risk_reviews")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A row written takes its table's RowExclusiveLock until the end of
	// the transaction: the import has written to all of these.
	var wrote []string
	if err := tx.QueryRow(ctx, `SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
		WHERE l.pid = $1 AND l.mode = 'RowExclusiveLock' AND c.relname IN ('actions', 'agenda_items', 'attendance', 'decisions', 'meetings')`,
		importer).Scan(&wrote); err != nil {
		t.Fatal(err)
	}
	if len(wrote) != 5 {
		t.Fatalf("before the kill the import had written to %v only", wrote)
	}
	if err := syscall.Kill(cluster.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil || !postgres.Unavailable(err) {
			t.Fatalf("the import killed mid-way returned %v, want an error of an unavailable database", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the import did not return after the kill")
	}
	blocker.Close(context.Background())

	// Back within 5 s: nothing of the import is there.
	var meetings, items, attendance, actions, decisions int
	back := time.Now()
	for {
		err := store.Pool().QueryRow(ctx, `SELECT (SELECT count(*) FROM meetings), (SELECT count(*) FROM agenda_items),
			(SELECT count(*) FROM attendance), (SELECT count(*) FROM actions), (SELECT count(*) FROM decisions)`).
			Scan(&meetings, &items, &attendance, &actions, &decisions)
		if err == nil {
			break
		}
		if time.Since(back) > 5*time.Second {
			t.Fatalf("the database is not back 5 s after the kill: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if meetings+items+attendance+actions+decisions != 0 {
		t.Errorf("after the crash: %d meetings, %d items, %d attendance rows, %d actions, %d decisions; want none",
			meetings, items, attendance, actions, decisions)
	}
	rep, err := store.ImportMinutes(ctx, in, postgres.ImportOptions{})
	if err != nil {
		t.Fatalf("the same import after the restart: %v", err)
	}
	if rep.Items != 15 {
		t.Errorf("imported %d items, want 15", rep.Items)
	}
}
