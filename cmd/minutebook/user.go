package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// userOptions are the flags of user add and user reset-password.
type userOptions struct {
	db        dbFlags
	email     string
	name      string
	org       string
	admin     bool
	fromStdin bool
}

func newUserCommand(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	sub := func(action, short, long string, add bool) *cobra.Command {
		var opts userOptions
		cmd := &cobra.Command{
			Use:   action,
			Short: short,
			Long:  "minutebook user " + action + ": " + long,
			Args:  positional(cobra.NoArgs),
			RunE: func(cmd *cobra.Command, _ []string) error {
				if opts.email == "" || (add && strings.TrimSpace(opts.name) == "") {
					return usageErrorf("give --email, and --name for a new user")
				}
				return runUser(cmd.Context(), action, opts, stdin, stdout, stderr)
			},
		}
		fs := cmd.Flags()
		opts.db.register(fs)
		fs.StringVar(&opts.email, "email", "", "the user's email address, with which they sign in")
		if add {
			fs.StringVar(&opts.name, "name", "", "the user's name")
			fs.StringVar(&opts.org, "organisation", "", "the user's organisation, created when new")
			fs.BoolVar(&opts.admin, "admin", false, "make the user an administrator")
		}
		fs.BoolVar(&opts.fromStdin, "password-stdin", false, "read the password from the first line of standard input")
		return cmd
	}
	return group("user", "Create users and reset passwords", "add or reset-password",
		sub("add", "Create a user", "create a user. The password is asked for at the terminal, read from standard input with --password-stdin, or generated and printed.", true),
		sub("reset-password", "Give a user a new password", "give a user a new password, read from standard input with --password-stdin or generated and printed.", false),
	)
}

// runUser creates a user, or gives one a new password.
func runUser(ctx context.Context, action string, opts userOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	pw, generated := "", false
	if opts.fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read the password: %w", err)
		}
		pw = strings.TrimRight(line, "\r\n")
		if err := mb.ValidatePassword(pw); err != nil {
			return errors.New(mb.ErrorMessage(err))
		}
	} else if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var err error
		if pw, err = promptPassword(f, stdout); err != nil {
			return err
		}
		generated = pw == ""
		if generated {
			pw = password.Generate()
		}
	} else {
		pw, generated = password.Generate(), true
	}
	params, err := passwordParams()
	if err != nil {
		return err
	}
	hash, err := password.Hash(pw, params)
	if err != nil {
		return err
	}
	o, err := openStore(ctx, opts.db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, besideServer, true)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store

	if action == "reset-password" {
		u, _, err := store.UserByEmail(ctx, opts.email)
		if err != nil {
			return errors.New(mb.ErrorMessage(err))
		}
		if _, err := store.SetPassword(ctx, u.ID, hash, "Password reset from the command line"); err != nil {
			return err
		}
		if err := store.ClearSignInFailures(ctx, u.Email); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "New password set for %s.\n", u.Email)
	} else {
		nu := postgres.NewUser{Email: opts.email, Name: opts.name, Admin: opts.admin, PasswordHash: hash}
		if opts.org != "" {
			o, err := store.EnsureOrganisation(ctx, opts.org)
			if err != nil {
				return errors.New(mb.ErrorMessage(err))
			}
			nu.OrganisationID = &o.ID
		}
		u, err := store.CreateUser(ctx, nu)
		if err != nil {
			if mb.ErrorCode(err) == mb.EINTERNAL {
				return err
			}
			return errors.New(mb.ErrorMessage(err))
		}
		fmt.Fprintf(stdout, "Created %s <%s>.\n", u.Name, u.Email)
	}
	if generated {
		fmt.Fprintf(stdout, "Password: %s\n(shown once: pass it on securely)\n", pw)
	}
	return nil
}

// promptPassword asks for a password twice on the terminal without echoing
// it; an empty answer asks for a generated one.
func promptPassword(tty *os.File, stdout io.Writer) (string, error) {
	fmt.Fprint(stdout, "Password (empty to generate one): ")
	first, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(stdout)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	if len(first) == 0 {
		return "", nil
	}
	if err := mb.ValidatePassword(string(first)); err != nil {
		return "", errors.New(mb.ErrorMessage(err))
	}
	fmt.Fprint(stdout, "Password again: ")
	second, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(stdout)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	if string(first) != string(second) {
		return "", errors.New("the two passwords are not the same")
	}
	return string(first), nil
}
