package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// The dashboard lists the most overdue chronic actions first and no more
// than twenty; it says how many there are and links to all of them.
func TestEscalationsChronicActionsLimited(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	m, err := a.store.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		t.Fatal(err)
	}
	// OPSG 105's minutes are approved and refuse new actions (a trigger):
	// the register's history is written here as a restore would.
	a.restore(t, func(tx pgx.Tx) error {
		for i := range 25 {
			// Action 105/9i is i+100 days past its target: 105/924 is the most overdue.
			if _, err := tx.Exec(ctx, `
				INSERT INTO actions (committee_id, committee_code, meeting_number, sequence, raised_meeting_id, raised_on, text,
				                     owner_organisation_id, target_date, current_target_date, status)
				SELECT $1, 'OPSG', 105, $2, $3, '2023-10-23', $4, id, current_date - $5::int, current_date - $5::int, 'open'
				FROM organisations ORDER BY id LIMIT 1`,
				m.CommitteeID, 900+i, m.ID, fmt.Sprintf("Chronic test action %02d.", i), 100+i); err != nil {
				return err
			}
		}
		return nil
	})
	res := a.as("panel-chair").get("/escalations")
	res.mustContain(t, `data-testid="chronic-more"`)
	res.mustContain(t, "Chronic test action 24.")
	if strings.Contains(res.body, "Chronic test action 00.") {
		t.Errorf("the 25th most overdue chronic action is listed before asking for all")
	}
	if n := strings.Count(res.body, "Chronic test action"); n > 20 {
		t.Errorf("%d test actions listed, want at most 20", n)
	}
	res.mustContain(t, `href="/escalations?chronic=all#chronic-heading"`)
	all := a.as("panel-chair").get("/escalations?chronic=all")
	if n := strings.Count(all.body, "Chronic test action"); n != 25 {
		t.Errorf("show all lists %d test actions, want 25", n)
	}
	if strings.Contains(all.body, `data-testid="chronic-more"`) {
		t.Errorf("show all still says it shows only some")
	}
	all.mustContain(t, `name="chronic" value="all"`)
}
