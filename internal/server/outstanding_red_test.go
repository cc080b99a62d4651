package server_test

import (
	"context"
	"strings"
	"testing"
)

// An action raised at RED minutes stays in the actions outstanding table of
// a later meeting only for those recorded present where it was raised (and
// the secretariat); anyone else sees it counted as withheld. The page asks
// about attendance at the raising meetings alone, so this guards that the
// narrower question gives the same answer.
func TestOutstandingRedActionsByAttendance(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	// Approved minutes refuse changes (a trigger); the test rewrites
	// history as a restore would.
	exec := func(sql string, args ...any) { t.Helper(); restoreSQL(t, a, sql, args...) }
	m102, err := a.store.MeetingByNumber(ctx, "OPSG", 102)
	if err != nil {
		t.Fatal(err)
	}
	var person int64
	if err := a.store.Pool().QueryRow(ctx, `SELECT id FROM people WHERE name = 'Kevin Donnelly'`).Scan(&person); err != nil {
		t.Fatal(err)
	}
	exec(`UPDATE meetings SET classification = 'RED' WHERE id = $1`, m102.ID)
	exec(`DELETE FROM attendance WHERE meeting_id = $1 AND person_id = $2`, m102.ID, person)

	res := a.as("member").get("/committees/OPSG/meetings/105")
	res.mustContain(t, `data-testid="outstanding-withheld"`)
	if strings.Contains(res.body, "OPSG 102/01") {
		t.Errorf("a member not recorded at RED OPSG 102 sees its action 102/01 outstanding at 105")
	}
	a.as("secretariat").get("/committees/OPSG/meetings/105").mustContain(t, "OPSG 102/01")

	exec(`INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, 'present')`, m102.ID, person)
	res = a.as("member").get("/committees/OPSG/meetings/105")
	res.mustContain(t, "OPSG 102/01")
	if strings.Contains(res.body, `data-testid="outstanding-withheld"`) {
		t.Errorf("a member recorded at OPSG 102 is still told its actions are withheld")
	}
}
