package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/internal/pgembed"
	"github.com/minutebook/minutebook/internal/postgres"
)

func newBackupCommand(stdout, stderr io.Writer) *cobra.Command {
	var db dbFlags
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent backup of the database to FILE (pg_dump's custom format)",
		Long: `minutebook backup FILE: write a backup of the whole database to FILE, with
PostgreSQL's pg_dump in its custom format. The backup is consistent (one
snapshot) and may be taken while minutebook serves. Restore it with
"minutebook restore FILE", or with pg_restore.`,
		Args: positional(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBackup(cmd.Context(), db, args[0], stdout, stderr)
		},
	}
	db.register(cmd.Flags())
	return cmd
}

func newRestoreCommand(stdout, stderr io.Writer) *cobra.Command {
	var db dbFlags
	var force bool
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Restore a backup made by minutebook backup into an empty database",
		Long: `minutebook restore FILE: restore a backup written by "minutebook backup" (or by
pg_dump --format=custom) into the database, in one transaction: all of it or
nothing. The database must be empty; with --force, everything in it is
dropped first. Stop every minutebook server using the database before a
restore with --force.`,
		Args: positional(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRestore(cmd.Context(), db, args[0], force, stdout, stderr)
		},
	}
	db.register(cmd.Flags())
	cmd.Flags().BoolVar(&force, "force", false, "replace whatever the database holds (everything in it is dropped)")
	return cmd
}

// runBackup writes the backup beside file and renames it into place once
// pg_dump has finished, so that file is never half a backup.
func runBackup(ctx context.Context, db dbFlags, file string, stdout, stderr io.Writer) error {
	pgDump, err := pgembed.FindTool("pg_dump")
	if err != nil {
		return err
	}
	d, err := openDatabase(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, besideServer)
	if err != nil {
		return err
	}
	defer d.Close()
	tables, err := postgres.Tables(ctx, d.URL)
	if err != nil {
		return err
	}
	partial := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".partial")
	defer os.Remove(partial)
	p := newProgress(stdout, stderr, true)
	p.Stage("dumping", int64(len(tables)))
	err = runTool(ctx, p, "pg_dump: dumping contents of table ", pgDump,
		"--format=custom", "--verbose", "--file="+partial, "--dbname="+libpqURL(d.URL))
	p.Finish()
	if err != nil {
		return err
	}
	if err := os.Rename(partial, file); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fi, err := os.Stat(file)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(stdout, "Backed up %d tables to %s (%s).\n", len(tables), file, byteSize(fi.Size()))
	return nil
}

// runRestore restores file into an empty database (or, with force, one
// emptied first) in one transaction.
func runRestore(ctx context.Context, db dbFlags, file string, force bool, stdout, stderr io.Writer) error {
	pgRestore, err := pgembed.FindTool("pg_restore")
	if err != nil {
		return err
	}
	list, err := exec.CommandContext(ctx, pgRestore, "--list", file).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s is not a backup that pg_restore can read: %s", file, strings.TrimSpace(string(list)))
	}
	tables := strings.Count(string(list), " TABLE DATA ")
	d, err := openDatabase(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, besideServer)
	if err != nil {
		return err
	}
	defer d.Close()
	held, err := postgres.Tables(ctx, d.URL)
	if err != nil {
		return err
	}
	if len(held) > 0 {
		if !force {
			return fmt.Errorf("the database is not empty (it has %d tables, %s among them): restore into an empty database, or give --force to drop everything in it first", len(held), held[0])
		}
		if n, err := otherSessionsAfterClosing(ctx, d.URL); err != nil {
			return err
		} else if n > 0 {
			return fmt.Errorf("%d other connections are open to the database (a minutebook server?): stop them before replacing what it holds", n)
		}
		if err := postgres.DropEverything(ctx, d.URL); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Dropped the %d tables the database held.\n", len(held))
	}
	p := newProgress(stdout, stderr, true)
	p.Stage("restoring", int64(tables))
	// The archive's objects are owned by whoever made the backup: they
	// become the restoring user's (a managed database's user need not be
	// the one that took the backup). Triggers are created after the data,
	// so the immutable tables take their rows.
	err = runTool(ctx, p, "pg_restore: processing data for table ", pgRestore,
		"--verbose", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", "--dbname="+libpqURL(d.URL), file)
	p.Finish()
	if err != nil {
		return fmt.Errorf("%w\nNothing was restored: the restore runs in one transaction", err)
	}
	fmt.Fprintf(stdout, "Restored %d tables from %s. minutebook serve applies any newer migrations at its next start.\n", tables, file)
	return nil
}

// runTool runs a PostgreSQL client program, counting a step of p for each
// line of its verbose output that begins with stepPrefix, and returns its
// last lines in the error when it fails.
func runTool(ctx context.Context, p *progress, stepPrefix, path string, args ...string) error {
	cmd := exec.CommandContext(ctx, path, args...)
	out, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run %s: %w", filepath.Base(path), err)
	}
	var tail []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if name, ok := strings.CutPrefix(line, stepPrefix); ok {
			p.Step(strings.Trim(name, `"`))
			continue
		}
		if tail = append(tail, line); len(tail) > 20 {
			tail = tail[1:]
		}
	}
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("%s failed (%v):\n%s", filepath.Base(path), err, strings.Join(errorLines(tail), "\n"))
		}
		return fmt.Errorf("run %s: %w", filepath.Base(path), err)
	}
	return nil
}

// errorLines keeps what says why a tool failed, without its chatter.
func errorLines(lines []string) []string {
	var keep []string
	for _, l := range lines {
		if strings.Contains(l, "error") || strings.Contains(l, "ERROR") || strings.Contains(l, "FATAL") || strings.Contains(l, "DETAIL") ||
			strings.Contains(l, "HINT") || strings.Contains(l, "warning") || strings.Contains(l, "aborting") {
			keep = append(keep, l)
		}
	}
	if len(keep) == 0 {
		return lines
	}
	return keep
}

// libpqURL drops from a database URL the settings only pgx knows (the
// pool's), which libpq's programs refuse.
func libpqURL(databaseURL string) string {
	u, err := url.Parse(databaseURL)
	if err != nil || u.Scheme == "" {
		return databaseURL // a keyword/value string, as libpq takes it
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "pool_") || k == "statement_cache_capacity" || k == "description_cache_capacity" || k == "default_query_exec_mode" {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// byteSize says n bytes as a person would.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// otherSessionsAfterClosing counts the other connections to the database,
// giving ones that are closing a few seconds to go: a client that has just
// disconnected is still listed until its backend exits.
func otherSessionsAfterClosing(ctx context.Context, url string) (int, error) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := postgres.OtherSessions(ctx, url)
		if err != nil || n == 0 || time.Now().After(deadline) {
			return n, err
		}
		select {
		case <-ctx.Done():
			return n, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
