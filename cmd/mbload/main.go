// Command mbload is minutebook's load benchmark. Against a server on
// loopback (one it starts itself with --start, or a running one given by
// --url and --server-pid), it measures each page of the page list: latency
// at a fixed request rate, the highest throughput without errors (a ramp
// over concurrency), the throughput of the page's own SQL replayed straight
// through pgx at that concurrency, and the server's peak memory. A trivial
// handler (/healthz) on the same stack shows the cost of HTTP alone. It
// prints a table and writes the figures as JSON.
//
//	go run ./cmd/minutebook demo --scale large
//	MBLOAD_PASSWORD=… go run ./cmd/mbload --start
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mbload:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("mbload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := defaultConfig()
	start := fs.Bool("start", false, "start PostgreSQL (the private one in --data-dir unless DATABASE_URL is set) and a minutebook server, benchmark them, and stop them")
	dataDir := fs.String("data-dir", envOr("MINUTEBOOK_DATA_DIR", "minutebook-data"), "with --start: the private PostgreSQL's data directory, as minutebook's (env MINUTEBOOK_DATA_DIR)")
	fs.StringVar(&cfg.BaseURL, "url", "", "the server to benchmark (without --start), on loopback: http://127.0.0.1:8080")
	fs.IntVar(&cfg.ServerPID, "server-pid", 0, "without --start: the server's process id, to read its peak memory")
	fs.StringVar(&cfg.DatabaseURL, "database-url", os.Getenv("DATABASE_URL"), "the server's database, for the raw SQL baseline (env DATABASE_URL; found by itself with --start)")
	fs.StringVar(&cfg.Password, "password", os.Getenv("MBLOAD_PASSWORD"), "the accounts' password, as 'minutebook demo --scale' printed it (env MBLOAD_PASSWORD)")
	fs.StringVar(&cfg.MemberEmail, "member", cfg.MemberEmail, "the committee member to sign in as")
	fs.StringVar(&cfg.ChairEmail, "chair", cfg.ChairEmail, "the parent body's chair to sign in as")
	fs.StringVar(&cfg.Committee, "committee", cfg.Committee, "the committee whose pages to load")
	fs.Float64Var(&cfg.Rate, "rate", cfg.Rate, "the fixed request rate per second for latency")
	fs.Float64Var(&cfg.CSVRate, "csv-rate", cfg.CSVRate, "the fixed request rate for the CSV export, which sends thousands of rows a request")
	fs.DurationVar(&cfg.Duration, "duration", cfg.Duration, "how long each page is loaded at the fixed rate")
	fs.DurationVar(&cfg.StepDuration, "step", cfg.StepDuration, "how long each step of the throughput ramp, and the raw SQL run, lasts")
	ramp := fs.String("ramp", joinInts(cfg.Ramp), "the concurrencies the throughput ramp tries, in order")
	only := fs.String("pages", "", "run only the pages whose names contain one of these comma-separated words")
	fs.StringVar(&cfg.Out, "out", cfg.Out, "where to write the figures as JSON (empty: nowhere)")
	fs.StringVar(&cfg.Explain, "explain", "", "instead of loading, write the plan (EXPLAIN ANALYZE) of every query each page sends to this file")
	child := fs.Bool("serve-child", false, "(internal) serve minutebook for --start")
	addr := fs.String("addr", "127.0.0.1:0", "(internal) with -serve-child: the address to listen on")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "mbload: the load benchmark.\n\n  go run ./cmd/mbload --start                  # the private database in ./minutebook-data\n  go run ./cmd/mbload --url URL --server-pid PID  # a server already running on loopback\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *child {
		return serveChild(ctx, *addr, cfg.DatabaseURL, stderr)
	}
	var err error
	if cfg.Ramp, err = parseInts(*ramp); err != nil {
		return fmt.Errorf("--ramp: %w", err)
	}
	if *only != "" {
		cfg.Only = strings.Split(*only, ",")
	}
	if cfg.Password == "" {
		return errors.New("give the accounts' password with --password or MBLOAD_PASSWORD ('minutebook demo --scale large' prints it)")
	}
	if *start {
		h, err := startServer(ctx, *dataDir, cfg.DatabaseURL, stderr)
		if err != nil {
			return err
		}
		defer h.stop(stderr)
		cfg.BaseURL, cfg.ServerPID, cfg.DatabaseURL = h.baseURL, h.pid, h.databaseURL
	}
	if cfg.BaseURL == "" {
		return errors.New("give --start, or --url with the server to benchmark")
	}
	if err := requireLoopback(cfg.BaseURL); err != nil {
		return err
	}
	rep, err := Run(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	if cfg.Explain != "" {
		fmt.Fprintf(stdout, "The plans are in %s.\n", cfg.Explain)
		return nil
	}
	rep.WriteTable(stdout)
	if cfg.Out != "" {
		if err := rep.WriteJSON(cfg.Out); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nThe figures are in %s.\n", cfg.Out)
	}
	return nil
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// waitFor polls check until it succeeds or the time is up.
func waitFor(ctx context.Context, d time.Duration, check func() error) error {
	deadline := time.Now().Add(d)
	for {
		err := check()
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
