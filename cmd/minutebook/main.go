// Command minutebook serves the minutebook web application and manages its
// database: the schema, demo data, user accounts and imported minutes.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `minutebook: a governance meeting tracker.

Usage:
  minutebook [serve] [flags]        serve the web application (the default)
  minutebook migrate up|down N|version
                                    manage the database schema by hand
  minutebook demo [--scale large|small] [flags]
                                    load the demo data, or a generated data set
  minutebook import [flags] FILE…   save minutes documents (.txt, .docx) as draft meetings
  minutebook import --dry-run [--json] FILE…
                                    say what a document holds, changing nothing
  minutebook user add --email E --name N [--admin] [--password-stdin]
                                    create a user
  minutebook user reset-password --email E [--password-stdin]
                                    give a user a new password

Every command uses DATABASE_URL when it is set, and otherwise the private
PostgreSQL kept in the data directory (--data-dir, MINUTEBOOK_DATA_DIR).
Run "minutebook COMMAND --help" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "minutebook:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand; serve when none is named.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, args, stdout, stderr)
	case "demo":
		return runDemo(ctx, args, stdout, stderr)
	case "import":
		return runImport(ctx, args, stdout, stderr)
	case "user":
		return runUser(ctx, args, stdin, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

// envOr returns the environment variable's value, or def when it is unset.
func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// newFlagSet returns a flag set whose -help prints the command's usage.
func newFlagSet(name, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags:\n", summary)
		fs.PrintDefaults()
	}
	return fs
}
