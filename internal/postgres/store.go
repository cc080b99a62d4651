// Package postgres is the only package that speaks SQL: one Store, one file
// per aggregate, hand-written queries through pgx.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Store reads and writes minutebook's data in PostgreSQL.
type Store struct {
	pool *pgxpool.Pool
}

// Open connects to the database at databaseURL and checks that it answers.
func Open(ctx context.Context, databaseURL string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("postgres: parse database URL: %w", err)
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
