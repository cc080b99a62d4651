package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/server"
)

// A reader's register totals are kept until a write moves them, on every
// server: an action raised, and attendance that admits to a RED item, show
// in the counts at once, here and on a second server on the same database.
func TestRegisterTotalsFollowWrites(t *testing.T) {
	a := newApp(t)
	b := newMinutesBuilder(t, a)
	other := httptest.NewServer(server.New(server.Config{Store: a.store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PasswordParams: password.Cheap}))
	defer other.Close()
	here := a.as("member")
	there := a.as("member")
	there.base = other.URL
	openCount := func(c *client) string {
		t.Helper()
		res := c.get("/actions")
		m := regexp.MustCompile(`Open \((\d+)\)`).FindStringSubmatch(res.body)
		if m == nil {
			t.Fatalf("no open count in the register (status %d)", res.status)
		}
		return m[1]
	}
	before := openCount(here)
	if openCount(there) != before {
		t.Fatal("two servers count the register differently")
	}
	m := b.meeting(254, day(2024, 1, 10), mb.Clear)
	b.action(b.item(m, nil, "Business", 0), "A new action.", day(2024, 9, 1))
	red := b.item(m, nil, "Red business", mb.Red)
	b.action(red, "A red action.", day(2024, 9, 1))
	b.circulate(m)
	afterRaise := openCount(here)
	if afterRaise == before {
		t.Errorf("the register still counts %s open after an action was raised in circulated minutes", before)
	}
	if openCount(there) != afterRaise {
		t.Error("the second server did not see the new action")
	}
	var person int64
	if err := a.store.Pool().QueryRow(context.Background(), `SELECT id FROM people WHERE name = 'Kevin Donnelly'`).Scan(&person); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.Pool().Exec(context.Background(), `INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, 'present')`, m.ID, person); err != nil {
		t.Fatal(err)
	}
	recorded := openCount(here)
	if recorded == afterRaise {
		t.Errorf("recorded at the meeting, the member still counts %s open: the RED item's action is missing", afterRaise)
	}
	if openCount(there) != recorded {
		t.Error("the second server did not see the attendance")
	}
}
