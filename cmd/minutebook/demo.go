package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
)

// runDemo serves "minutebook demo": load the demo data on request, or with
// --scale a large generated data set for load tests.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", "minutebook demo: load the demo data (the SEC Panel, the Operations Group and its meetings, and one account per role) and print the accounts' passwords.\nWith --scale, load a generated data set of that size into a fresh database instead.", stderr)
	var db dbFlags
	db.register(fs)
	scale := fs.String("scale", "", "load a generated data set instead: large (15 years of 43 committees, for the load benchmark) or small (for tests)")
	seed := fs.Uint64("seed", 1, "with --scale: the seed; the same seed gives the same data")
	today := fs.String("today", scaledemo.DefaultToday.Format(time.DateOnly), "with --scale: the last day with minutes (YYYY-MM-DD); later meetings are scheduled drafts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	params, err := passwordParams()
	if err != nil {
		return err
	}
	var size scaledemo.Size
	var day time.Time
	if *scale != "" {
		if size, err = scaledemo.SizeNamed(*scale); err != nil {
			return err
		}
		if day, err = time.Parse(time.DateOnly, *today); err != nil {
			return fmt.Errorf("--today must be a date such as 2026-11-30, not %q", *today)
		}
	}
	o, err := openStore(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, true)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store
	if *scale != "" {
		next := "go run ./cmd/mbload --start"
		if o.Embedded && db.dataDir != "minutebook-data" {
			next += " --data-dir " + db.dataDir
		} else if !o.Embedded {
			next = "go run ./cmd/mbload --start   # with the same DATABASE_URL"
		}
		return loadScaleDemo(ctx, store, scaledemo.Options{Size: size, Seed: *seed, Today: day, Progress: stdout}, params, next, stdout)
	}
	creds, err := demo.Load(ctx, store, demo.Options{PasswordParams: params})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "The demo data is loaded. Its accounts (passwords shown once):")
	printCredentials(stdout, creds)
	return nil
}

// loadScaleDemo loads the generated data set. Every account shares one
// password, hashed once: argon2id is slow on purpose, and 2,000 hashes would
// take minutes.
func loadScaleDemo(ctx context.Context, store *postgres.Store, opts scaledemo.Options, params *password.Params, next string, stdout io.Writer) error {
	pw := password.Generate()
	hash, err := password.Hash(pw, params)
	if err != nil {
		return err
	}
	opts.PasswordHash = hash
	res, err := scaledemo.Load(ctx, store, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nThe %s demo is loaded. Every one of its %d accounts has the password %s (shown once). Among them:\n",
		opts.Size.Name, res.Rows("users"), pw)
	for _, a := range res.Accounts {
		fmt.Fprintf(stdout, "  %-28s %s\n", a.Role, a.Email)
	}
	fmt.Fprintf(stdout, "\nRun the load benchmark against it with:\n  MBLOAD_PASSWORD='%s' %s\n", pw, next)
	return nil
}
