// Package dbtest gives tests a PostgreSQL database of their own, migrated
// to the current schema.
//
// A package opts in with
//
//	func TestMain(m *testing.M) { dbtest.Main(m) }
//
// and each test then calls URL or Pool. Main migrates a template database
// once per package; every test gets a clone of it, which is much faster
// than migrating per test and keeps tests independent.
//
// The server is TEST_DATABASE_URL when set: a postgres:// URL whose user
// may CREATE DATABASE, on PostgreSQL 13 or newer. Names are random, so
// several packages (go test ./...) can share one server. Without it, each
// package starts a private pgembed cluster from the local binaries.
package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
)

// These are set by Main before any test runs and only read afterwards.
var (
	adminURL string        // the maintenance database of the test server
	admin    *pgxpool.Pool // on adminURL; creates and drops databases
	template string        // name of the migrated template database
)

// Main runs a package's tests with a PostgreSQL server (see the package
// documentation), a freshly migrated template database, and exits with
// the tests' status. Call it from TestMain.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	serverURL, stop, err := server(ctx)
	if errors.Is(err, pgembed.ErrNoBinaries) {
		fmt.Fprintf(os.Stderr, "dbtest: these tests need PostgreSQL: %v\n(TEST_DATABASE_URL may name a server where the user can CREATE DATABASE)\n", err)
		return 1
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "dbtest: %v\n", err)
		return 1
	}
	defer stop()
	adminURL = serverURL
	if admin, err = pgxpool.New(ctx, adminURL); err != nil {
		fmt.Fprintf(os.Stderr, "dbtest: connect to %s: %v\n", redact(adminURL), err)
		return 1
	}
	defer admin.Close()
	template = "mbtpl_" + randomHex()
	if err := makeTemplate(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "dbtest: %v\n", err)
		dropDatabase(template)
		return 1
	}
	defer dropDatabase(template)
	return m.Run()
}

// server returns the URL of the maintenance database and a function that
// releases the server.
func server(ctx context.Context) (string, func(), error) {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "mb-test-")
	if err != nil {
		return "", nil, fmt.Errorf("data directory: %w", err)
	}
	// Only warnings: a line per cluster start would drown test output.
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	c, err := pgembed.Start(ctx, pgembed.Options{DataDir: dir, Ephemeral: true, Logger: quiet})
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	stop := func() {
		if err := c.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "dbtest: %v\n", err)
		}
		os.RemoveAll(dir)
	}
	return c.URL("postgres"), stop, nil
}

// makeTemplate creates and migrates the template database, then forbids
// connections to it: CREATE DATABASE … TEMPLATE fails while anyone is
// connected, and the migrator has closed its connections by now.
func makeTemplate(ctx context.Context) error {
	name := pgx.Identifier{template}.Sanitize()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return fmt.Errorf("create template database: %w", err)
	}
	tplURL, err := withDatabase(adminURL, template)
	if err != nil {
		return err
	}
	if err := postgres.Migrate(tplURL); err != nil {
		return fmt.Errorf("migrate template database: %w", err)
	}
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+name+" ALLOW_CONNECTIONS false"); err != nil {
		return fmt.Errorf("lock template database: %w", err)
	}
	return nil
}

// URL creates a database for this test, cloned from the migrated template,
// drops it when the test ends, and returns its URL.
func URL(tb testing.TB) string {
	tb.Helper()
	return createDatabase(tb, " TEMPLATE "+pgx.Identifier{template}.Sanitize())
}

// EmptyURL creates an empty database for this test, with no migration
// applied, drops it when the test ends, and returns its URL: for tests of
// what happens to a database from nothing (migrations, restores).
func EmptyURL(tb testing.TB) string {
	tb.Helper()
	return createDatabase(tb, "")
}

// createDatabase creates a database with the options, dropped at the end
// of the test, and returns its URL.
func createDatabase(tb testing.TB, options string) string {
	tb.Helper()
	if admin == nil {
		tb.Fatal("dbtest: no database server; call dbtest.Main(m) from TestMain")
	}
	name := "mbtest_" + randomHex()
	u, err := withDatabase(adminURL, name)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+options); err != nil {
		tb.Fatalf("dbtest: create test database: %v", err)
	}
	tb.Cleanup(func() {
		if err := dropDatabase(name); err != nil {
			tb.Error(err)
		}
	})
	return u
}

// Pool returns a connection pool on a fresh database (see URL), closed
// when the test ends.
func Pool(tb testing.TB) *pgxpool.Pool {
	tb.Helper()
	u := URL(tb)
	pool, err := pgxpool.New(context.Background(), u)
	if err != nil {
		tb.Fatalf("dbtest: connect to test database: %v", err)
	}
	// Registered after URL's cleanup, so it runs before the drop.
	tb.Cleanup(pool.Close)
	return pool
}

// AdminURL returns the URL of the test server's maintenance database, for
// tests that create databases themselves. It is "" unless Main is running.
func AdminURL() string {
	return adminURL
}

// dropDatabase drops name. FORCE ends sessions a test forgot to close, so
// one leak does not fail the cleanup (it needs PostgreSQL 13).
func dropDatabase(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("dbtest: drop database %s: %w", name, err)
	}
	return nil
}

// withDatabase returns base with its database name replaced by name.
func withDatabase(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		return "", fmt.Errorf("dbtest: %s is not a postgres:// URL", redact(base))
	}
	u.Path = "/" + name
	u.RawPath = ""
	return u.String(), nil
}

// redact hides a password in u for error messages.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "the database URL"
	}
	return p.Redacted()
}

// randomHex returns 16 random hex digits: database names must not collide
// across packages tested in parallel against one server.
func randomHex() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b)
}
