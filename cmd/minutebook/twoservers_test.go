package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Two servers on one new database, as behind a load balancer, started at
// the same moment and driven at once: one migrates while the other waits,
// one creates the first administrator, a session begun on one is good on
// the other, actions raised on both at once get distinct consecutive
// references, and the periodic cleanup runs once.
func TestTwoServersOneDatabase(t *testing.T) {
	dbURL := dbtest.EmptyURL(t)
	t.Setenv("DATABASE_URL", dbURL)
	t.Setenv("MINUTEBOOK_ADMIN_EMAIL", "chief@example.org")
	t.Setenv("MINUTEBOOK_ADMIN_PASSWORD", "the chief's password")
	cheapPasswords(t)
	servers := make([]*served, 2)
	var wg sync.WaitGroup
	for i := range servers {
		wg.Go(func() { servers[i] = startServe(t) })
	}
	wg.Wait()
	a, b := servers[0], servers[1]
	if created := strings.Count(a.printed+b.printed, "an administrator account was created"); created != 1 {
		t.Errorf("%d servers created the first administrator, want 1:\n%s\n%s", created, a.printed, b.printed)
	}

	ctx := context.Background()
	store, err := postgres.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	const pw = "correct horse battery staple"
	creds, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap, Password: pw})
	if err != nil {
		t.Fatal(err)
	}
	var secretariat string
	for _, c := range creds {
		if c.Key == "secretariat" {
			secretariat = c.Email
		}
	}

	// A session begun on one server is good on the other.
	br := newBrowser(t)
	br.signIn(a.url, secretariat, pw)
	if status, body := br.get(b.url, "/account"); status != http.StatusOK || !strings.Contains(body, secretariat) {
		t.Fatalf("the session begun on one server, on the other: %d", status)
	}

	// Actions raised on both at once, into one meeting.
	var meeting, item, owner, before int64
	if err := store.Pool().QueryRow(ctx, `
		SELECT m.number, i.id, (SELECT min(id) FROM organisations), m.last_action_sequence
		FROM meetings m JOIN committees c ON c.id = m.committee_id JOIN agenda_items i ON i.meeting_id = m.id
		WHERE c.code = 'OPSG' AND m.minutes_status = 'draft' ORDER BY m.number, i.id LIMIT 1`).Scan(&meeting, &item, &owner, &before); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/committees/OPSG/meetings/%d/items/%d/actions/new", meeting, item)
	const each = 8
	var raised sync.WaitGroup
	errs := make(chan string, 2*each)
	for _, s := range servers {
		for n := range each {
			raised.Go(func() {
				status, body := br.post(s.url, path, url.Values{"text": {fmt.Sprintf("Action %d from %s", n, s.url)}, "owner": {fmt.Sprint(owner)}})
				if status != http.StatusSeeOther {
					errs <- fmt.Sprintf("%s: %d %.300s", s.url, status, body)
				}
			})
		}
	}
	raised.Wait()
	close(errs)
	for e := range errs {
		t.Error("raising an action:", e)
	}
	rows, err := store.Pool().Query(ctx, `SELECT a.sequence FROM actions a JOIN committees c ON c.id = a.committee_id
		WHERE c.code = 'OPSG' AND a.meeting_number = $1 AND a.sequence > $2 ORDER BY a.sequence`, meeting, before)
	if err != nil {
		t.Fatal(err)
	}
	seqs, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	if len(seqs) != 2*each {
		t.Errorf("%d actions raised, want %d", len(seqs), 2*each)
	}
	for i, s := range seqs {
		if s != before+int64(i)+1 {
			t.Errorf("references %v after %d: not distinct and consecutive", seqs, before)
			break
		}
	}

	// The cleanup runs at start on the one server River elects, once.
	waitFor(t, 20*time.Second, "the cleanup job completed", func() bool {
		var done bool
		err := store.Pool().QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = 'cleanup' AND state = 'completed')`).Scan(&done)
		return err == nil && done
	})
	time.Sleep(time.Second) // room for a second one, were there to be one
	var cleanups int
	if err := store.Pool().QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'cleanup'`).Scan(&cleanups); err != nil {
		t.Fatal(err)
	}
	if cleanups != 1 {
		t.Errorf("%d cleanup jobs for two servers, want 1", cleanups)
	}
}
