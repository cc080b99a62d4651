// Command minutebook serves the minutebook web application and manages its
// database: the schema, demo data, user accounts, imported minutes and
// backups.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

const summary = `minutebook: a governance meeting tracker.

Every command uses DATABASE_URL when it is set, and otherwise the private
PostgreSQL kept in the data directory (--data-dir, MINUTEBOOK_DATA_DIR):
the one "minutebook serve" runs when it is running, or one started for the
command. Flags may come before or after the command's words.`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.As(err, new(*usageError)) { // a usage error has been printed with the usage
			fmt.Fprintln(os.Stderr, "minutebook:", err)
		}
		os.Exit(1)
	}
}

// run runs the command that args name; serve when they name none. A wrong
// flag or argument prints the command's usage after the error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(commandWordsFirst(root, args))
	cmd, err := root.ExecuteContextC(ctx)
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "minutebook: %v\n\n%s", err, cmd.UsageString())
	}
	return err
}

// newRoot builds the command tree. The root command is serve, so that
// "minutebook" alone serves the application.
func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var serve serveOptions
	root := &cobra.Command{
		Use:   "minutebook",
		Short: "Serve minutebook, or manage its database",
		Long:  summary + "\n\nWith no command, minutebook serves the web application (minutebook serve).",
		Args:  positional(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), serve, stdout, stderr)
		},
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	serve.register(root.Flags())
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	root.AddCommand(
		newServeCommand(stdout, stderr),
		newMigrateCommand(stdout, stderr),
		newDemoCommand(stdout, stderr),
		newImportCommand(stdout, stderr),
		newUserCommand(stdin, stdout, stderr),
		newBackupCommand(stdout, stderr),
		newRestoreCommand(stdout, stderr),
		newHealthcheckCommand(stdout),
	)
	root.InitDefaultHelpCmd()
	return root
}
