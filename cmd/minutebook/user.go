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

	"golang.org/x/term"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// runUser serves "minutebook user add|reset-password".
func runUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "reset-password") {
		fmt.Fprint(stderr, "minutebook user add --email E --name N [--organisation O] [--admin] [--password-stdin]\nminutebook user reset-password --email E [--password-stdin]\n")
		return errors.New("user needs add or reset-password")
	}
	action := args[0]
	fs := newFlagSet("user "+action, "minutebook user "+action+": "+map[string]string{
		"add":            "create a user. The password is asked for at the terminal, read from standard input with --password-stdin, or generated and printed.",
		"reset-password": "give a user a new password, read from standard input with --password-stdin or generated and printed.",
	}[action], stderr)
	var db dbFlags
	db.register(fs)
	email := fs.String("email", "", "the user's email address, with which they sign in")
	name := fs.String("name", "", "the user's name (add)")
	org := fs.String("organisation", "", "the user's organisation, created when new (add)")
	admin := fs.Bool("admin", false, "make the user an administrator (add)")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *email == "" || (action == "add" && strings.TrimSpace(*name) == "") {
		fs.Usage()
		return errors.New("give --email, and --name for a new user")
	}
	pw, generated := "", false
	if *fromStdin {
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
	o, err := openStore(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, true)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store

	if action == "reset-password" {
		u, _, err := store.UserByEmail(ctx, *email)
		if err != nil {
			return errors.New(mb.ErrorMessage(err))
		}
		if err := store.SetPassword(ctx, u.ID, hash, "Password reset from the command line"); err != nil {
			return err
		}
		if err := store.ClearSignInFailures(ctx, u.Email); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "New password set for %s.\n", u.Email)
	} else {
		nu := postgres.NewUser{Email: *email, Name: *name, Admin: *admin, PasswordHash: hash}
		if *org != "" {
			o, err := store.EnsureOrganisation(ctx, *org)
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
