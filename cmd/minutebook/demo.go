package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/postgres"
)

// runDemo serves "minutebook demo": load the demo data on request.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", "minutebook demo: load the demo data (the SEC Panel, the Operations Group and its meetings, and one account per role) and print the accounts' passwords.", stderr)
	var db dbFlags
	db.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	params, err := passwordParams()
	if err != nil {
		return err
	}
	d, err := openDatabase(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := postgres.Migrate(d.URL); err != nil {
		return err
	}
	store, err := postgres.Open(ctx, d.URL)
	if err != nil {
		return err
	}
	defer store.Close()
	creds, err := demo.Load(ctx, store, demo.Options{PasswordParams: params})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "The demo data is loaded. Its accounts (passwords shown once):")
	printCredentials(stdout, creds)
	return nil
}
