package postgres_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/golang-migrate/migrate/v4/database"
	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Two servers starting at once against a new database: golang-migrate's
// pgx/v5 driver takes an advisory lock (keyed by the database, schema and
// migrations table) for the whole of an up, so while one migrates the
// other waits, then finds nothing to do. Here the test holds that lock:
// both migrations wait on it, and once it is let go both succeed, and the
// schema (River's tables too) is whole and clean.
func TestMigrationsWaitForTheLock(t *testing.T) {
	ctx := context.Background()
	dbURL := dbtest.EmptyURL(t)
	u, _ := url.Parse(dbURL)
	// The driver names the database by the URL's path, slash and all.
	key, err := database.GenerateAdvisoryLockId(u.Path, "public", "schema_migrations")
	if err != nil {
		t.Fatal(err)
	}
	holder, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(ctx)
	if _, err := holder.Exec(ctx, `SELECT pg_advisory_lock($1::bigint)`, key); err != nil {
		t.Fatal(err)
	}

	done := make(chan error, 2)
	for range 2 {
		go func() { done <- postgres.Migrate(dbURL) }()
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		var waiting int
		if err := holder.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting == 2 {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("a migration finished (%v) while the lock was held", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d migrations wait on the advisory lock, want 2", waiting)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if _, err := holder.Exec(ctx, `SELECT pg_advisory_unlock($1::bigint)`, key); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Errorf("a migration failed: %v", err)
		}
	}
	v, dirty, err := postgres.MigrationVersion(dbURL)
	if err != nil || dirty || v < 17 {
		t.Errorf("schema version %d (dirty %v, %v), want 17 or more and clean", v, dirty, err)
	}
	var jobs bool
	if err := holder.QueryRow(ctx, `SELECT to_regclass('river_job') IS NOT NULL`).Scan(&jobs); err != nil || !jobs {
		t.Errorf("no river_job table: %v", err)
	}
}
