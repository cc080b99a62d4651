package main

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
)

// tableDigests returns each table's row count and a digest of its rows.
func tableDigests(t *testing.T, url string) map[string]string {
	t.Helper()
	ctx := context.Background()
	tables, err := postgres.Tables(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	digests := map[string]string{}
	for _, table := range tables {
		var n int
		var sum string
		if err := conn.QueryRow(ctx, fmt.Sprintf(`SELECT count(*), md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM %s t`, table)).Scan(&n, &sum); err != nil {
			t.Fatal(err)
		}
		digests[table] = fmt.Sprintf("%d rows, %s", n, sum)
	}
	return digests
}

// The backup of a database with the demo, restored into an empty one, has
// every table's rows, its identity sequences past their ids, and its
// triggers still refusing changes to approved minutes and to the audit log;
// a database that holds data is restored into only with --force.
func TestBackupRoundTrip(t *testing.T) {
	if _, err := pgembed.FindTool("pg_dump"); err != nil {
		t.Skip(err)
	}
	ctx := context.Background()
	src := dbtest.URL(t)
	store, err := postgres.Open(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	store.Close()
	file := filepath.Join(t.TempDir(), "minutebook.dump")

	t.Setenv("DATABASE_URL", src)
	out, err := runCmd(t, "", "backup", file)
	if err != nil {
		t.Fatal(err, out)
	}
	want := tableDigests(t, src)
	if !strings.Contains(out, fmt.Sprintf("Backed up %d tables to %s", len(want), file)) ||
		!regexp.MustCompile(`dumping: public\.actions \(\d+ of \d+\)`).MatchString(out) {
		t.Errorf("backup printed:\n%s", out)
	}

	dst := dbtest.EmptyURL(t)
	t.Setenv("DATABASE_URL", dst)
	out, err = runCmd(t, "", "restore", file)
	if err != nil {
		t.Fatal(err, out)
	}
	if !strings.Contains(out, "Restored") || !regexp.MustCompile(`restoring: public\.meetings \(\d+ of \d+\)`).MatchString(out) {
		t.Errorf("restore printed:\n%s", out)
	}
	checkRestored(t, dst, want)

	t.Run("RefusesADatabaseWithData", func(t *testing.T) {
		out, err := runCmd(t, "", "restore", file)
		if err == nil || !strings.Contains(err.Error(), "not empty") || !strings.Contains(err.Error(), "--force") {
			t.Errorf("restore over data: %v\n%s", err, out)
		}
		out, err = runCmd(t, "", "restore", "--force", file)
		if err != nil {
			t.Fatal(err, out)
		}
		checkRestored(t, dst, want)
	})
	t.Run("RefusesWhatIsNoBackup", func(t *testing.T) {
		if _, err := runCmd(t, "", "restore", "backup_test.go"); err == nil || !strings.Contains(err.Error(), "not a backup") {
			t.Errorf("restore of a Go file: %v", err)
		}
	})
}

// checkRestored compares the restored database with the digests of the
// original, and checks its sequences and triggers.
func checkRestored(t *testing.T, url string, want map[string]string) {
	t.Helper()
	got := tableDigests(t, url)
	if len(got) != len(want) {
		t.Errorf("restored %d tables, the original has %d", len(got), len(want))
	}
	for table, w := range want {
		if got[table] != w {
			t.Errorf("%s: restored %s, original %s", table, got[table], w)
		}
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	// Every identity column's sequence is past the largest id, so the next
	// row gets a new one.
	rows, err := conn.Query(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`)
	if err != nil {
		t.Fatal(err)
	}
	type col struct{ Table, Column string }
	cols, err := pgx.CollectRows(rows, pgx.RowToStructByPos[col])
	if err != nil {
		t.Fatal(err)
	}
	if len(cols) < 20 {
		t.Fatalf("only %d identity columns", len(cols))
	}
	for _, c := range cols {
		var seq string
		if err := conn.QueryRow(ctx, `SELECT pg_get_serial_sequence($1, $2)`, c.Table, c.Column).Scan(&seq); err != nil {
			t.Fatal(err)
		}
		var maxID, last int64
		var called bool
		if err := conn.QueryRow(ctx, fmt.Sprintf(`SELECT coalesce(max(%s), 0) FROM %s`, pgx.Identifier{c.Column}.Sanitize(), pgx.Identifier{c.Table}.Sanitize())).Scan(&maxID); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRow(ctx, `SELECT last_value, is_called FROM `+seq).Scan(&last, &called); err != nil {
			t.Fatal(err)
		}
		if maxID > 0 && (last < maxID || (last == maxID && !called)) {
			t.Errorf("%s.%s: sequence at %d (called %v), not past the largest id %d", c.Table, c.Column, last, called, maxID)
		}
	}

	// The triggers came back with the tables.
	for sql, refusal := range map[string]string{
		`UPDATE minutes_versions SET reason = 'rewritten' WHERE id = (SELECT min(id) FROM minutes_versions)`: "minutes versions are immutable",
		`DELETE FROM minutes_versions`: "minutes versions are immutable",
		`UPDATE audit_log SET summary = 'rewritten' WHERE id = (SELECT min(id) FROM audit_log)`: "the audit log is append-only",
		`DELETE FROM audit_log`: "the audit log is append-only",
		`TRUNCATE audit_log`:    "the audit log is append-only",
		`UPDATE agenda_items SET title = 'rewritten' WHERE meeting_id IN (SELECT id FROM meetings WHERE minutes_status = 'published')`: "are approved and cannot change",
	} {
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, sql); err == nil || !strings.Contains(err.Error(), refusal) {
			t.Errorf("%s after the restore: %v, want the trigger's %q", sql, err, refusal)
		}
		tx.Rollback(ctx)
	}
}
