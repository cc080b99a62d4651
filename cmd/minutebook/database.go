package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
)

// dbFlags are the flags every command shares to find the database.
type dbFlags struct {
	dataDir string
}

func (f *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dataDir, "data-dir", envOr("MINUTEBOOK_DATA_DIR", "minutebook-data"),
		"where the private PostgreSQL keeps its data when DATABASE_URL is unset (env MINUTEBOOK_DATA_DIR)")
}

// database is a database to use and how to let go of it.
type database struct {
	URL      string
	Embedded bool // a private cluster this process started
	stop     func()
}

// Close stops the private cluster, if there is one.
func (d *database) Close() {
	if d.stop != nil {
		d.stop()
	}
}

const embeddedDatabase = "minutebook"

// openDatabase returns DATABASE_URL when it is set, and otherwise starts the
// private PostgreSQL in dataDir, creating the minutebook database in it.
func openDatabase(ctx context.Context, f dbFlags, log *slog.Logger, stderr io.Writer) (*database, error) {
	if url := os.Getenv("DATABASE_URL"); url != "" {
		return &database{URL: url}, nil
	}
	dir, err := filepath.Abs(f.dataDir)
	if err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	cluster, err := pgembed.Start(ctx, pgembed.Options{DataDir: dir, Logger: log})
	if errors.Is(err, pgembed.ErrNoBinaries) {
		return nil, errors.New("no PostgreSQL found: install PostgreSQL (for example, apt-get install postgresql) so that minutebook can run its own, or set DATABASE_URL to use an existing server")
	}
	if err != nil {
		return nil, fmt.Errorf("start the private PostgreSQL in %s: %w", dir, err)
	}
	stop := func() {
		if err := cluster.Stop(); err != nil {
			fmt.Fprintln(stderr, "minutebook: stop PostgreSQL:", err)
		}
	}
	if err := ensureDatabase(ctx, cluster.URL("postgres"), embeddedDatabase); err != nil {
		stop()
		return nil, err
	}
	return &database{URL: cluster.URL(embeddedDatabase), Embedded: true, stop: stop}, nil
}

// ensureDatabase creates the named database on first start.
func ensureDatabase(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect to the private PostgreSQL: %w", err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("look for database %s: %w", name, err)
	}
	if !exists {
		if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
			return fmt.Errorf("create database %s: %w", name, err)
		}
	}
	return nil
}

// opened is a database with its store open.
type opened struct {
	*database
	Store *postgres.Store
}

// Close closes the store, then stops the private PostgreSQL if there is one.
func (o *opened) Close() {
	o.Store.Close()
	o.database.Close()
}

// openStore opens the database as openDatabase does, applies pending
// migrations unless told not to, and opens the store.
func openStore(ctx context.Context, f dbFlags, log *slog.Logger, stderr io.Writer, migrate bool) (*opened, error) {
	d, err := openDatabase(ctx, f, log, stderr)
	if err != nil {
		return nil, err
	}
	if migrate {
		if err := postgres.Migrate(d.URL); err != nil {
			d.Close()
			return nil, err
		}
	}
	store, err := postgres.Open(ctx, d.URL)
	if err != nil {
		d.Close()
		return nil, err
	}
	return &opened{database: d, Store: store}, nil
}
