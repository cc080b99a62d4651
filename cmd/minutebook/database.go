package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/pflag"

	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
)

// dbFlags are the flags every command shares to find the database.
type dbFlags struct {
	dataDir string
}

func (f *dbFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.dataDir, "data-dir", envOr("MINUTEBOOK_DATA_DIR", "minutebook-data"),
		"where the private PostgreSQL keeps its data when DATABASE_URL is unset (env MINUTEBOOK_DATA_DIR)")
}

// database is a database to use and how to let go of it.
type database struct {
	URL      string
	Embedded bool // the private cluster in the data directory
	stop     func()
}

// Close stops the private cluster, if there is one.
func (d *database) Close() {
	if d.stop != nil {
		d.stop()
	}
}

const embeddedDatabase = "minutebook"

// privateUse says whether a command may use the private PostgreSQL that
// another process (minutebook serve) runs on the data directory.
type privateUse int

const (
	startOwn     privateUse = iota // serve: start it, refusing a data directory in use
	besideServer                   // every other command: connect to it when it runs
)

// openDatabase returns DATABASE_URL when it is set, and otherwise the
// private PostgreSQL in the data directory: the one running there when
// use is besideServer and one is (connected to through its socket, and left
// running), or one started for this process, with the minutebook database
// created in it.
func openDatabase(ctx context.Context, f dbFlags, log *slog.Logger, stderr io.Writer, use privateUse) (*database, error) {
	if url := os.Getenv("DATABASE_URL"); url != "" {
		return &database{URL: url}, nil
	}
	dir, err := filepath.Abs(f.dataDir)
	if err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	if use == besideServer {
		running, err := pgembed.Running(dir)
		if err == nil {
			log.Info("using the PostgreSQL that minutebook serve runs", "dir", dir)
			return &database{URL: running.URL(embeddedDatabase), Embedded: true}, nil
		}
		if !errors.Is(err, pgembed.ErrNotRunning) {
			return nil, err
		}
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
func openStore(ctx context.Context, f dbFlags, log *slog.Logger, stderr io.Writer, use privateUse, migrate bool) (*opened, error) {
	d, err := openDatabase(ctx, f, log, stderr, use)
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
