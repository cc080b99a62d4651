package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/minutebook/minutebook/internal/demo"
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
	o, err := openStore(ctx, db, slog.New(slog.NewTextHandler(stderr, nil)), stderr, true)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store
	creds, err := demo.Load(ctx, store, demo.Options{PasswordParams: params})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "The demo data is loaded. Its accounts (passwords shown once):")
	printCredentials(stdout, creds)
	return nil
}
