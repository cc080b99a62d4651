package jobs_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/jobs"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func openStore(t *testing.T, url string) *postgres.Store {
	t.Helper()
	store, err := postgres.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	return store
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// startRunner starts a job runner, as one server would, stopped at the
// test's end.
func startRunner(t *testing.T, url string, store *postgres.Store, id string) {
	t.Helper()
	runWith(t, jobs.Config{Deps: jobs.Deps{Store: store, Logger: quiet}, DatabaseURL: url, ID: id})
}

// runWith starts a runner of the configuration, stopped at the test's end.
func runWith(t *testing.T, cfg jobs.Config) *jobs.Runner {
	t.Helper()
	r, err := jobs.New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := r.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	return r
}

// River's migrator finds every one of its migrations applied by ours (0016,
// 0017): when go.mod moves to a River with newer migrations, this fails
// until a migration of ours brings them.
func TestRiverSchemaIsCurrent(t *testing.T) {
	pool := dbtest.Pool(t)
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := migrator.Validate(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		t.Errorf("River's schema is not current: %v", res.Messages)
	}
}

// seedExpired adds one expired and one live session and pending import.
func seedExpired(t *testing.T, store *postgres.Store, db *pgx.Conn) {
	t.Helper()
	ctx := t.Context()
	u, err := store.CreateUser(ctx, postgres.NewUser{Email: "a@example.org", Name: "A", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	var committeeID int64
	if err := db.QueryRow(ctx, `INSERT INTO committees (code, name) VALUES ('OPSG', 'Operations Group') RETURNING id`).Scan(&committeeID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `INSERT INTO sessions (token, data, expiry)
		VALUES ('expired', '', now() - interval '1 minute'), ('live', '', now() + interval '1 hour')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `INSERT INTO pending_imports (token, committee_id, user_id, filename, source, document, created_at, expires_at)
		SELECT tok, $1, $2, 'f.txt', '', '{}', now() - interval '2 days', e
		FROM (VALUES ('expired_upload_000000', now() - interval '1 day'), ('live_upload_000000000', now() + interval '1 day')) v(tok, e)`,
		committeeID, u.ID); err != nil {
		t.Fatal(err)
	}
}

// left lists the tokens left in a table.
func left(t *testing.T, db *pgx.Conn, table string) string {
	t.Helper()
	var got string
	if err := db.QueryRow(t.Context(), fmt.Sprintf(`SELECT string_agg(token, ',' ORDER BY token) FROM %s`, table)).Scan(&got); err != nil {
		t.Fatal(err)
	}
	return got
}

// Two servers on one database: the cleanup runs at start on the one River
// elects leader, once, and deletes what expired and nothing else.
func TestTwoServersRunTheCleanupOnce(t *testing.T) {
	url := dbtest.URL(t)
	db, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(context.Background())
	a := openStore(t, url)
	seedExpired(t, a, db)

	startRunner(t, url, a, "server-a")
	startRunner(t, url, openStore(t, url), "server-b")

	var state, by string
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := db.QueryRow(t.Context(), `SELECT state::text, attempted_by[1] FROM river_job WHERE kind = 'cleanup' ORDER BY id LIMIT 1`).Scan(&state, &by)
		if err == nil && state == "completed" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no cleanup completed within 20 s (state %q, %v)", state, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Give the other server time to have scheduled a second one, were it
	// going to: leader election and periodic scheduling happen at start.
	time.Sleep(2 * time.Second)
	var n int
	if err := db.QueryRow(t.Context(), `SELECT count(*) FROM river_job WHERE kind = 'cleanup'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d cleanup jobs for two servers, want 1", n)
	}
	if by != "server-a" && by != "server-b" {
		t.Errorf("worked by %q", by)
	}
	if got := left(t, db, "sessions"); got != "live" {
		t.Errorf("sessions left: %s, want live", got)
	}
	if got := left(t, db, "pending_imports"); got != "live_upload_000000000" {
		t.Errorf("pending imports left: %s, want live_upload_000000000", got)
	}
}
