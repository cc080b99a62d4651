package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/minutebook/minutebook/internal/demo"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
)

// runServe serves the web application until ctx is cancelled.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "minutebook serve: serve the web application.", stderr)
	var db dbFlags
	db.register(fs)
	addr := fs.String("addr", envOr("MINUTEBOOK_ADDR", "127.0.0.1:8080"), "address to listen on (env MINUTEBOOK_ADDR)")
	noMigrate := fs.Bool("no-migrate", envBool("MINUTEBOOK_NO_MIGRATE"), "do not apply pending migrations at start (env MINUTEBOOK_NO_MIGRATE=1)")
	noDemo := fs.Bool("no-demo", envBool("MINUTEBOOK_NO_DEMO"), "do not load the demo on the first start of the private database (env MINUTEBOOK_NO_DEMO=1)")
	secure := fs.Bool("secure-cookies", envBool("MINUTEBOOK_SECURE_COOKIES"), "mark the session cookie Secure: set it when served over HTTPS (env MINUTEBOOK_SECURE_COOKIES=1)")
	idle := fs.Duration("session-idle", envDuration("MINUTEBOOK_SESSION_IDLE", 2*time.Hour), "sign readers out after this long idle (env MINUTEBOOK_SESSION_IDLE)")
	logFormat := fs.String("log-format", envOr("MINUTEBOOK_LOG_FORMAT", "text"), "log format: text or json (env MINUTEBOOK_LOG_FORMAT)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := newLogger(*logFormat, stderr)
	params, err := passwordParams()
	if err != nil {
		return err
	}

	o, err := openStore(ctx, db, log, stderr, !*noMigrate)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store
	if err := firstStart(ctx, store, params, o.Embedded && !*noDemo, stdout); err != nil {
		return err
	}

	srv := &http.Server{
		Handler: server.New(server.Config{
			Store: store, Logger: log, SecureCookies: *secure, SessionIdle: *idle, PasswordParams: params,
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	fmt.Fprintf(stdout, "minutebook is serving at http://%s/ (stop with Ctrl-C)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// firstStart creates the first administrator when there is no user, and
// loads the demo into a fresh private database, printing how to sign in.
func firstStart(ctx context.Context, store *postgres.Store, params *password.Params, loadDemo bool, stdout io.Writer) error {
	n, err := store.CountUsers(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintln(stdout, "Sign in with an existing account (minutebook user reset-password --email … gives one a new password).")
		return nil
	}
	email := envOr("MINUTEBOOK_ADMIN_EMAIL", "admin@localhost")
	pw, fromEnv := os.LookupEnv("MINUTEBOOK_ADMIN_PASSWORD")
	if !fromEnv || pw == "" {
		pw = password.Generate()
	} else if err := mb.ValidatePassword(pw); err != nil {
		return fmt.Errorf("MINUTEBOOK_ADMIN_PASSWORD: %s", mb.ErrorMessage(err))
	}
	hash, err := password.Hash(pw, params)
	if err != nil {
		return err
	}
	if _, err := store.CreateUser(ctx, postgres.NewUser{Email: email, Name: "Administrator", Admin: true, PasswordHash: hash}); err != nil {
		return fmt.Errorf("create the first administrator: %s", mb.ErrorMessage(err))
	}
	fmt.Fprintln(stdout, "\nFirst start: an administrator account was created.")
	if fromEnv {
		fmt.Fprintf(stdout, "  administrator  %s  (password from MINUTEBOOK_ADMIN_PASSWORD)\n", email)
	} else {
		fmt.Fprintf(stdout, "  administrator  %s  password: %s\n", email, pw)
	}
	if loadDemo {
		creds, err := demo.Load(ctx, store, demo.Options{PasswordParams: params})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, "\nThe demo data is loaded. Its accounts:")
		printCredentials(stdout, creds)
	}
	fmt.Fprintln(stdout, "\nThese passwords are shown once: note them now.")
	return nil
}

func printCredentials(w io.Writer, creds []demo.Credential) {
	for _, c := range creds {
		fmt.Fprintf(w, "  %-22s %-40s password: %s\n", c.Role, c.Email, c.Password)
	}
}

func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

func envBool(name string) bool {
	v, _ := strconv.ParseBool(os.Getenv(name))
	return v
}

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil && d > 0 {
		return d
	}
	return def
}

// passwordParams reads the argon2id costs from the environment.
func passwordParams() (*password.Params, error) {
	p := *password.Default
	for name, dst := range map[string]*uint32{"MINUTEBOOK_ARGON2_MEMORY_KIB": &p.Memory, "MINUTEBOOK_ARGON2_ITERATIONS": &p.Iterations} {
		if v := os.Getenv(name); v != "" {
			n, err := strconv.ParseUint(v, 10, 32)
			if err != nil || n == 0 {
				return nil, fmt.Errorf("%s must be a positive whole number, not %q", name, v)
			}
			*dst = uint32(n)
		}
	}
	if v := os.Getenv("MINUTEBOOK_ARGON2_PARALLELISM"); v != "" {
		n, err := strconv.ParseUint(v, 10, 8)
		if err != nil || n == 0 {
			return nil, fmt.Errorf("MINUTEBOOK_ARGON2_PARALLELISM must be a whole number from 1 to 255, not %q", v)
		}
		p.Parallelism = uint8(n)
	}
	return &p, nil
}
