package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/minutebook/minutebook/internal/demo"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
)

// demoOptions are demo's flags.
type demoOptions struct {
	db    dbFlags
	scale string
	seed  uint64
	today string
}

func newDemoCommand(stdout, stderr io.Writer) *cobra.Command {
	var opts demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Load the demo data, or a generated data set (--scale)",
		Long: `minutebook demo: load the demo data (the SEC Panel, the Operations Group and its
meetings, and one account per role) and print the accounts' passwords.
With --scale, load a generated data set of that size into a fresh database instead.`,
		Args: positional(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDemo(cmd.Context(), opts, stdout, stderr)
		},
	}
	fs := cmd.Flags()
	opts.db.register(fs)
	fs.StringVar(&opts.scale, "scale", "", "load a generated data set instead: large (15 years of 43 committees, for the load benchmark) or small (for tests)")
	fs.Uint64Var(&opts.seed, "seed", 1, "with --scale: the seed; the same seed gives the same data")
	fs.StringVar(&opts.today, "today", scaledemo.DefaultToday.Format(time.DateOnly), "with --scale: the last day with minutes (YYYY-MM-DD); later meetings are scheduled drafts")
	return cmd
}

// runDemo serves "minutebook demo": load the demo data on request, or with
// --scale a large generated data set for load tests.
func runDemo(ctx context.Context, opts demoOptions, stdout, stderr io.Writer) error {
	params, err := passwordParams()
	if err != nil {
		return err
	}
	var size scaledemo.Size
	var day time.Time
	if opts.scale != "" {
		if size, err = scaledemo.SizeNamed(opts.scale); err != nil {
			return usageErrorf("%s", mb.ErrorMessage(err))
		}
		if day, err = time.Parse(time.DateOnly, opts.today); err != nil {
			return usageErrorf("--today must be a date such as 2026-11-30, not %q", opts.today)
		}
	}
	o, err := openStore(ctx, opts.db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, besideServer, true)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store
	if opts.scale != "" {
		next := "go run ./cmd/mbload --start"
		if o.Embedded && opts.db.dataDir != "minutebook-data" {
			next += " --data-dir " + opts.db.dataDir
		} else if !o.Embedded {
			next = "go run ./cmd/mbload --start   # with the same DATABASE_URL"
		}
		p := newProgress(stdout, stderr, false)
		defer p.Finish()
		rows := func(table string, done, total int) {
			if table != p.what {
				p.Stage(table, int64(total))
			}
			p.Set(int64(done))
		}
		return loadScaleDemo(ctx, store, scaledemo.Options{Size: size, Seed: opts.seed, Today: day, Progress: p, Rows: rows}, params, next, p)
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
