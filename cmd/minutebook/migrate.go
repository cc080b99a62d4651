package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/internal/postgres"
)

// newMigrateCommand is "minutebook migrate up | down N | version".
func newMigrateCommand(stdout, stderr io.Writer) *cobra.Command {
	var db dbFlags
	migrate := func(use, short string, args cobra.PositionalArgs, change func(url string, args []string) error) *cobra.Command {
		cmd := &cobra.Command{
			Use:   use,
			Short: short,
			Args:  positional(args),
			RunE: func(cmd *cobra.Command, args []string) error {
				return runMigrate(cmd.Context(), db, stdout, stderr, func(url string) error { return change(url, args) })
			},
		}
		db.register(cmd.Flags())
		return cmd
	}
	count := func(_ *cobra.Command, args []string) error {
		if n, err := strconv.Atoi(args[0]); err != nil || n < 1 {
			return fmt.Errorf("migrate down needs a count of at least 1, not %q", args[0])
		}
		return nil
	}
	down := func(url string, args []string) error {
		n, _ := strconv.Atoi(args[0])
		return postgres.MigrateDown(url, n)
	}
	return group("migrate", "Manage the database schema by hand", "up, down N or version",
		migrate("up", "Apply every pending migration", cobra.NoArgs, func(url string, _ []string) error { return postgres.Migrate(url) }),
		migrate("down N", "Revert the newest N migrations", cobra.MatchAll(cobra.ExactArgs(1), count), down),
		migrate("version", "Print the schema version", cobra.NoArgs, func(string, []string) error { return nil }),
	)
}

// runMigrate applies change to the database, then prints the schema version.
func runMigrate(ctx context.Context, db dbFlags, stdout, stderr io.Writer, change func(url string) error) error {
	d, err := openDatabase(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, besideServer)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := change(d.URL); err != nil {
		return err
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
