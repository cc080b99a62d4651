package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageError is a mistake in the command line: run prints the command's
// usage after it.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf returns a usageError with the message.
func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// positional wraps a cobra argument check so that its complaint is a
// usage error.
func positional(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err}
		}
		return nil
	}
}

// group returns a command that only holds subcommands: named alone, or
// with a word that is none of them, it is a usage error.
func group(use, short, needs string, subs ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  positional(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageErrorf("%s needs %s", strings.TrimPrefix(cmd.CommandPath(), "minutebook "), needs)
		},
	}
	cmd.AddCommand(subs...)
	return cmd
}

// commandWordsFirst moves the words that name the command ("migrate",
// "version") before everything else, so that flags may stand before,
// between or after them. pflag takes flags anywhere among the arguments,
// but cobra tells command words from flag values knowing only the flags of
// the commands it has found so far: "minutebook --committee OPSG import"
// would be read as the command OPSG. Here a flag's value is recognised by
// the flag's name among every command's flags (TestFlagsAgreeAcrossCommands
// keeps each name one kind). The first argument that is no subcommand ends
// the command's words; "--" ends the flags.
func commandWordsFirst(root *cobra.Command, args []string) []string {
	takesValue := map[string]bool{}
	walkFlags(root, func(f *pflag.Flag) {
		takesValue[f.Name] = f.NoOptDefVal == ""
		if f.Shorthand != "" {
			takesValue[f.Shorthand] = f.NoOptDefVal == ""
		}
	})
	var words, rest []string
	cmd, inWords := root, true
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(append(words, rest...), args[i:]...)
		case len(a) > 1 && a[0] == '-':
			rest = append(rest, a)
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && takesValue[name] && i+1 < len(args) {
				i++
				rest = append(rest, args[i])
			}
		case inWords && subcommand(cmd, a) != nil:
			cmd = subcommand(cmd, a)
			words = append(words, a)
		default:
			inWords = false
			rest = append(rest, a)
		}
	}
	return append(words, rest...)
}

func subcommand(cmd *cobra.Command, name string) *cobra.Command {
	for _, c := range cmd.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}

// walkFlags calls fn for every flag of cmd and its subcommands.
func walkFlags(cmd *cobra.Command, fn func(*pflag.Flag)) {
	cmd.Flags().VisitAll(fn)
	cmd.PersistentFlags().VisitAll(fn)
	for _, c := range cmd.Commands() {
		walkFlags(c, fn)
	}
}

// envOr returns the environment variable's value, or def when it is unset.
func envOr(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}
