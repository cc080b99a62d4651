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
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/jobs"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/s3files"
	"github.com/minutebook/minutebook/internal/server"
	"github.com/minutebook/minutebook/web"
)

// serveOptions are serve's flags, which the root command shares: serve is
// what "minutebook" alone does.
type serveOptions struct {
	db           dbFlags
	addr         string
	noMigrate    bool
	noDemo       bool
	secure       bool
	idle         time.Duration
	logFormat    string
	metricsToken string
	papers       s3files.Config
	baseURL      string
	mailFrom     string
	smtpURL      string
}

func (o *serveOptions) register(fs *pflag.FlagSet) {
	o.db.register(fs)
	fs.StringVar(&o.addr, "addr", envOr("MINUTEBOOK_ADDR", "127.0.0.1:8080"), "address to listen on (env MINUTEBOOK_ADDR)")
	fs.BoolVar(&o.noMigrate, "no-migrate", envBool("MINUTEBOOK_NO_MIGRATE"), "do not apply pending migrations at start (env MINUTEBOOK_NO_MIGRATE=1)")
	fs.BoolVar(&o.noDemo, "no-demo", envBool("MINUTEBOOK_NO_DEMO"), "do not load the demo on the first start of the private database (env MINUTEBOOK_NO_DEMO=1)")
	fs.BoolVar(&o.secure, "secure-cookies", envBool("MINUTEBOOK_SECURE_COOKIES"), "mark the session cookie Secure: set it when served over HTTPS (env MINUTEBOOK_SECURE_COOKIES=1)")
	fs.DurationVar(&o.idle, "session-idle", envDuration("MINUTEBOOK_SESSION_IDLE", 2*time.Hour), "sign readers out after this long idle (env MINUTEBOOK_SESSION_IDLE)")
	fs.StringVar(&o.logFormat, "log-format", envOr("MINUTEBOOK_LOG_FORMAT", "text"), "log format: text or json (env MINUTEBOOK_LOG_FORMAT)")
	fs.StringVar(&o.baseURL, "base-url", os.Getenv("MINUTEBOOK_BASE_URL"), "the address people reach minutebook at, for the links in messages; default http:// and --addr (env MINUTEBOOK_BASE_URL)")
	fs.StringVar(&o.mailFrom, "mail-from", envOr("MINUTEBOOK_MAIL_FROM", "minutebook <minutebook@localhost>"), "the address messages are sent from (env MINUTEBOOK_MAIL_FROM)")
	// A secret on the command line shows in ps: the token and the mail
	// server's URL (which holds its password) are read from the
	// environment only.
	o.metricsToken = os.Getenv("MINUTEBOOK_METRICS_TOKEN")
	// Papers' files go to an S3-compatible bucket when one is named;
	// otherwise PostgreSQL keeps them. The keys, secrets too, come from
	// the environment only.
	fs.StringVar(&o.papers.Endpoint, "papers-s3-endpoint", os.Getenv("MINUTEBOOK_PAPERS_S3_ENDPOINT"), "keep papers' files in the S3-compatible service at this URL, such as https://s3.eu-west-2.amazonaws.com (env MINUTEBOOK_PAPERS_S3_ENDPOINT)")
	fs.StringVar(&o.papers.Bucket, "papers-s3-bucket", os.Getenv("MINUTEBOOK_PAPERS_S3_BUCKET"), "the bucket for papers' files (env MINUTEBOOK_PAPERS_S3_BUCKET)")
	fs.StringVar(&o.papers.Region, "papers-s3-region", os.Getenv("MINUTEBOOK_PAPERS_S3_REGION"), "the bucket's region (env MINUTEBOOK_PAPERS_S3_REGION)")
	fs.StringVar(&o.papers.Prefix, "papers-s3-prefix", os.Getenv("MINUTEBOOK_PAPERS_S3_PREFIX"), "put before every object's key, such as minutebook/ (env MINUTEBOOK_PAPERS_S3_PREFIX)")
	fs.BoolVar(&o.papers.PathStyle, "papers-s3-path-style", envBool("MINUTEBOOK_PAPERS_S3_PATH_STYLE"), "name the bucket in the path, as MinIO wants (env MINUTEBOOK_PAPERS_S3_PATH_STYLE=1)")
	o.papers.AccessKey, o.papers.SecretKey = os.Getenv("MINUTEBOOK_PAPERS_S3_ACCESS_KEY"), os.Getenv("MINUTEBOOK_PAPERS_S3_SECRET_KEY")
	o.smtpURL = os.Getenv("MINUTEBOOK_SMTP_URL")
}

func newServeCommand(stdout, stderr io.Writer) *cobra.Command {
	var opts serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web application (the default command)",
		Long: `minutebook serve: serve the web application until Ctrl-C or SIGTERM.

Without DATABASE_URL it starts the private PostgreSQL in the data directory,
and restarts it if it dies. Pending migrations are applied at start, under a
lock, so that several servers may start at once against one database.`,
		Args: positional(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), opts, stdout, stderr)
		},
	}
	opts.register(cmd.Flags())
	return cmd
}

// runServe serves the web application until ctx is cancelled.
func runServe(ctx context.Context, opts serveOptions, stdout, stderr io.Writer) error {
	if opts.logFormat != "text" && opts.logFormat != "json" {
		return usageErrorf("--log-format is text or json, not %q", opts.logFormat)
	}
	log := newLogger(opts.logFormat, stderr)
	params, err := passwordParams()
	if err != nil {
		return err
	}
	var sender notify.Sender
	if opts.smtpURL != "" {
		cfg, err := notify.ParseSMTPURL(opts.smtpURL, opts.mailFrom)
		if err != nil {
			return usageErrorf("%s", err)
		}
		sender = notify.NewSMTP(*cfg)
		log.Info("mail is sent through the SMTP server", "server", cfg.String(), "from", cfg.From)
	}

	o, err := openStore(ctx, opts.db, log, stderr, startOwn, !opts.noMigrate)
	if err != nil {
		return err
	}
	defer o.Close()
	store := o.Store
	if opts.papers.Endpoint != "" || opts.papers.Bucket != "" {
		files, err := s3files.Open(ctx, opts.papers)
		if err != nil {
			return err
		}
		store.UsePaperFiles(files)
		log.Info("papers' files are kept in the S3 bucket", "bucket", opts.papers.Bucket, "endpoint", opts.papers.Endpoint)
	}
	if err := firstStart(ctx, store, params, o.Embedded && !opts.noDemo, stdout); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", opts.addr, err)
	}
	defer ln.Close() // when serving never began
	base := strings.TrimSuffix(opts.baseURL, "/")
	if base == "" {
		// Links in messages to where this server listens; one listening on
		// every address is reached as localhost.
		host, port, _ := net.SplitHostPort(ln.Addr().String())
		if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
			host = "localhost"
		}
		base = "http://" + net.JoinHostPort(host, port)
	}
	composer := &notify.Composer{Store: store, BaseURL: base}
	runner, err := jobs.New(ctx, jobs.Config{Deps: jobs.Deps{Store: store, Logger: log, Composer: composer, Sender: sender}, DatabaseURL: o.URL})
	if err != nil {
		return err
	}
	if err := runner.Start(ctx); err != nil {
		return err
	}

	srv := &http.Server{
		Handler: server.New(server.Config{
			Store: store, Logger: log, SecureCookies: opts.secure, SessionIdle: opts.idle, PasswordParams: params,
			MetricsToken: opts.metricsToken, Composer: composer, Queue: runner.Queue(),
		}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if sender == nil {
		fmt.Fprintf(stdout, "No MINUTEBOOK_SMTP_URL: messages are kept, not sent; administrators read them at %s%s\n", base, web.OutboxPath("", 1))
		log.Info("no mail server: messages are kept in the outbox, not sent", "outbox", base+web.OutboxPath("", 1))
	}
	fmt.Fprintf(stdout, "minutebook is serving at http://%s/ (stop with Ctrl-C)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var serveErr error
	select {
	case err := <-errc:
		serveErr = fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) && serveErr == nil {
		serveErr = fmt.Errorf("shut down: %w", err)
	}
	// Jobs still running are given the same grace; one cut short is
	// worked again later, by this server or another.
	if err := runner.Stop(shutdownCtx); err != nil && serveErr == nil {
		serveErr = err
	}
	return serveErr
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
		if mb.ErrorCode(err) == mb.ECONFLICT {
			// Another server, starting at the same moment against the
			// same database, created it first.
			fmt.Fprintln(stdout, "Sign in with an existing account: another server created the first administrator.")
			return nil
		}
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
