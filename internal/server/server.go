// Package server is minutebook's web interface: chi routes (all in
// routes.go), middleware, and handlers by resource.
package server

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Config is what the server needs from its caller.
type Config struct {
	Store  *postgres.Store
	Logger *slog.Logger
	// SecureCookies marks the session cookie Secure; set it when minutebook
	// is served over HTTPS.
	SecureCookies bool
	// SessionIdle signs a reader out after this long without a request.
	SessionIdle time.Duration
	// PasswordParams are the argon2id costs for new hashes.
	PasswordParams *password.Params
	// Throttle limits failed sign-ins; zero values take the defaults.
	Throttle Throttle
	// MetricsToken, when set, lets a scraper that sends it as a bearer
	// token read /metrics from anywhere; without it, only the loopback may.
	MetricsToken string
	// Clock tells the time and the committees' day; nil is the system's.
	Clock mb.Clock
	// Composer composes messages; the server asks it for the key of
	// unsubscribe links. Nil: one of the store's own.
	Composer *notify.Composer
	// Queue inserts the delivery job of a message retried from the
	// outbox; nil when no mail server is configured.
	Queue postgres.Queue
}

// Throttle says how many failed sign-ins are allowed within Window for one
// account and for one address before sign-in is refused for a while.
type Throttle struct {
	Window     time.Duration
	PerAccount int
	PerAddress int
}

// Server serves minutebook's pages and API.
type Server struct {
	store    *postgres.Store
	log      *slog.Logger
	sessions *scs.SessionManager
	cfg      Config
	metrics  *metrics
	clock    mb.Clock
	handler  http.Handler
	// documents keeps the rendered documents of locked minutes.
	documents *documentCache
	// register keeps readers' register totals.
	register *registerCache
	// searches keeps readers' search results and reference histories.
	searches *searchCache
}

// New returns a server ready to serve.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.SessionIdle == 0 {
		cfg.SessionIdle = 2 * time.Hour
	}
	if cfg.Clock == nil {
		cfg.Clock = mb.SystemClock
	}
	if cfg.Composer == nil {
		cfg.Composer = &notify.Composer{Store: cfg.Store, Clock: cfg.Clock}
	}
	if cfg.PasswordParams == nil {
		cfg.PasswordParams = password.Default
	}
	if cfg.Throttle.Window == 0 {
		cfg.Throttle = Throttle{Window: 15 * time.Minute, PerAccount: 5, PerAddress: 20}
	}
	sm := scs.New()
	// No cleanup goroutine per server: the job queue deletes expired
	// sessions, on one server at a time (internal/jobs).
	sm.Store = newLazyTouch(pgxstore.NewWithCleanupInterval(cfg.Store.Pool(), 0), sm.Codec)
	sm.Lifetime = 12 * time.Hour
	sm.IdleTimeout = cfg.SessionIdle
	sm.Cookie.Name = "minutebook_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = cfg.SecureCookies
	sm.Cookie.Path = "/"
	s := &Server{store: cfg.Store, log: cfg.Logger, sessions: sm, cfg: cfg, clock: cfg.Clock, metrics: newMetrics(cfg.Store),
		documents: newDocumentCache(), register: newRegisterCache(), searches: newSearchCache()}
	// A session that cannot be loaded or saved (the database is away)
	// answers as any error does: 503 for an unreachable database.
	sm.ErrorFunc = s.renderError
	s.handler = s.routes()
	return s
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Router returns the route tree, for tests that walk every route.
func (s *Server) Router() http.Handler { return s.handler }
