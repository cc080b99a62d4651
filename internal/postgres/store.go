// Package postgres is the only package that speaks SQL: one Store, one file
// per aggregate, hand-written queries through pgx.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Store reads and writes minutebook's data in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
	// files is where new papers' files are written (nil: PostgreSQL), and
	// bucket the S3-compatible storage when one is configured.
	files, bucket mb.PaperFiles
	// notice is called within the transaction of every change that people
	// are told of (see OnNotice).
	notice atomic.Pointer[NoticeHook]
	// searchCandidates overrides SearchCandidates when not 0 (tests that
	// compare every match with the reading rule).
	searchCandidates int
}

// Option adjusts the pool's configuration before Open connects.
type Option func(*pgxpool.Config)

// WithTracer installs a query tracer on every connection of the pool: the
// query-count tests and the load benchmark use it to see what a page sends.
func WithTracer(t pgx.QueryTracer) Option {
	return func(cfg *pgxpool.Config) { cfg.ConnConfig.Tracer = t }
}

// WithMaxConns caps the pool's connections (pgxpool's default is the
// larger of 4 and the number of CPUs).
func WithMaxConns(n int32) Option {
	return func(cfg *pgxpool.Config) { cfg.MaxConns = n }
}

// Open connects to the database at databaseURL and checks that it answers.
func Open(ctx context.Context, databaseURL string, opts ...Option) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse database URL: %w", err)
	}
	// Every statement is a short one of a web request: JIT compilation,
	// which PostgreSQL starts for any plan above its cost threshold, spent
	// 600 ms compiling each of the register's counts at the large scale.
	if _, ok := cfg.ConnConfig.RuntimeParams["jit"]; !ok {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	for _, o := range opts {
		o(cfg)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: ping: %w", err)
	}
	return &Store{pool: pool}, nil
}

// New wraps an existing pool, for tests and tools that made their own.
func New(pool *pgxpool.Pool) *Store { return &Store{pool: pool} }

// Close closes every connection.
func (s *Store) Close() { s.pool.Close() }

// Pool returns the connection pool, for session storage and tools.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: ping: %w", err)
	}
	return nil
}

// querier is what reads need of a pool or a transaction, for reads that
// writes also make inside their transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// inTx runs fn in one transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.pool, fn)
}

// PostgreSQL error codes the store turns into domain errors.
const (
	pgUniqueViolation     = "23505"
	pgForeignKeyViolation = "23503"
	pgCheckViolation      = "23514"
)

// constraintError returns the domain error for a violated constraint when
// messages names it, or nil. Callers pass the messages that suit their entity.
func constraintError(err error, messages map[string]*mb.Error) error {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return nil
	}
	if e, ok := messages[pgErr.ConstraintName]; ok {
		return e
	}
	return nil
}

// notFound maps pgx.ErrNoRows to an ENOTFOUND error with the message.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return mb.Errorf(mb.ENOTFOUND, format, args...)
	}
	return err
}

// isForeignKeyViolation reports whether err is a foreign-key violation.
func isForeignKeyViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == pgForeignKeyViolation
}
