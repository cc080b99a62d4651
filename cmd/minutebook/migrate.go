package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"github.com/minutebook/minutebook/internal/postgres"
)

// runMigrate serves "minutebook migrate up|down N|version".
func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("migrate", "minutebook migrate up | down N | version: apply every pending migration, revert the newest N, or print the schema version.", stderr)
	var db dbFlags
	db.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fs.Usage()
		return fmt.Errorf("migrate needs up, down N or version")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	d, err := openDatabase(ctx, db, log, stderr)
	if err != nil {
		return err
	}
	defer d.Close()
	switch rest[0] {
	case "up":
		if err := postgres.Migrate(d.URL); err != nil {
			return err
		}
	case "down":
		if len(rest) != 2 {
			return fmt.Errorf("migrate down needs a count, such as: migrate down 1")
		}
		n, err := strconv.Atoi(rest[1])
		if err != nil || n < 1 {
			return fmt.Errorf("migrate down needs a count of at least 1, not %q", rest[1])
		}
		if err := postgres.MigrateDown(d.URL, n); err != nil {
			return err
		}
	case "version":
	default:
		return fmt.Errorf("migrate: unknown action %q: use up, down N or version", rest[0])
	}
	v, dirty, err := postgres.MigrationVersion(d.URL)
	if err != nil {
		return err
	}
	state := ""
	if dirty {
		state = " (dirty: a migration failed part-way; fix it and force the version)"
	}
	fmt.Fprintf(stdout, "schema version %d%s\n", v, state)
	return nil
}
