package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/minutebook/minutebook/internal/dbtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// The errors of a database that is away are told from those of a statement
// that failed: the first are a 503, the second not.
func TestUnavailable(t *testing.T) {
	ctx := context.Background()
	url := dbtest.URL(t)

	// A session ended under a statement, as a server shutting down or
	// crashing ends them.
	victim, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer victim.Close(ctx)
	pool := dbtest.Pool(t)
	if _, err := pool.Exec(ctx, `SELECT pg_terminate_backend($1)`, victim.PgConn().PID()); err != nil {
		t.Fatal(err)
	}
	_, terminated := victim.Exec(ctx, `SELECT 1`)

	// No server at all.
	_, refused := postgres.Open(ctx, "postgres://postgres@/x?host="+filepath.Join(t.TempDir(), "none")+"&sslmode=disable")

	_, unique := pool.Exec(ctx, `CREATE TABLE once (v int PRIMARY KEY); INSERT INTO once VALUES (1), (1)`)

	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"Terminated", terminated, true},
		{"NoServer", refused, true},
		{"Starting", fmt.Errorf("postgres: x: %w", &pgconn.PgError{Code: "57P03"}), true},
		{"UniqueViolation", unique, false},
		{"NotFound", mb.Errorf(mb.ENOTFOUND, "No such thing."), false},
		{"Other", errors.New("boom"), false},
		{"Nil", nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.want && c.err == nil {
				t.Fatal("no error to judge")
			}
			if got := postgres.Unavailable(c.err); got != c.want {
				t.Errorf("Unavailable(%v) = %v, want %v", c.err, got, c.want)
			}
		})
	}
}
