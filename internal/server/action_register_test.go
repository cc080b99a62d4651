package server_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func regDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// regEnter enters an action from earlier history for a test.
func regEnter(t *testing.T, a *app, code string, meeting, seq int, raised time.Time, owner, text string, target *time.Time) *mb.Action {
	t.Helper()
	ctx := context.Background()
	c, err := a.store.CommitteeByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	o, err := a.store.EnsureOrganisation(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	x := &mb.Action{CommitteeID: c.ID, MeetingNumber: meeting, Sequence: seq, RaisedOn: raised, Text: text, OwnerID: o.ID, TargetDate: target}
	if err := a.store.RecordEarlierAction(ctx, x); err != nil {
		t.Fatal(err)
	}
	return x
}

func TestActionsRegisterPage(t *testing.T) {
	a := newApp(t)

	t.Run("MemberSeesWhatTheirMinutesCarry", func(t *testing.T) {
		res := a.as("member").get("/actions")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "TABASC 87/01", "PANEL 120/01", "OPSG 102/01", "OPSG 103/02", "Slippage by owner", `data-testid="age-chart"`,
			"<title id=\"age-chart-title\">Open actions by owner and age</title>", `data-testid="age-table"`, "Albion Energy’s overdue actions")
		// Earlier history of a committee Kevin does not sit on.
		res.mustNotContain(t, "TABASC 84/02")
	})
	t.Run("NonMemberDoesNotSeeAmberOrApprovedMinutesActions", func(t *testing.T) {
		res := a.as("non-member").get("/actions")
		res.mustContain(t, "TABASC 87/01", "OPSG 102/01")
		res.mustNotContain(t, "PANEL 120/01", "OPSG 103/02", "OPSG 100/03")
	})
	t.Run("AnonymousSeesPublishedClearOnly", func(t *testing.T) {
		res := a.anonymous().get("/actions")
		res.mustContain(t, "OPSG 102/01", "OPSG 102/05")
		res.mustNotContain(t, "TABASC 87/01", "PANEL 120/01", "Albion Energy’s")
	})
	t.Run("FilterOwnerOverdueInTheURL", func(t *testing.T) {
		albion, err := a.store.EnsureOrganisation(context.Background(), "Albion Energy")
		if err != nil {
			t.Fatal(err)
		}
		res := a.as("member").get("/actions?owner=" + i64(albion.ID) + "&status=overdue&sort=target")
		res.mustContain(t, "TABASC 87/01", "TABASC 88/01", "PANEL 120/01", "Showing 1–3 of 3 actions.", "Overdue (3)", "revised twice")
		// Not yet due, and closed.
		res.mustNotContain(t, "TABASC 89/02", "OPSG 103/02", "TABASC 87/02")
		if i, j := indexOf(res.body, "TABASC 88/01"), indexOf(res.body, "TABASC 87/01"); i > j {
			t.Errorf("sorted by target date, 88/01 (2 Nov 2023) comes before 87/01 (31 Jan 2024)")
		}
	})
	t.Run("WordsRaisedBetweenAndCommittee", func(t *testing.T) {
		res := a.as("member").get("/actions?committee=tabasc&q=firmware+ESME&raised_from=2023-10-01&raised_to=2023-10-31")
		res.mustContain(t, "TABASC 88/01", "Showing 1–1 of 1 actions.")
	})
	t.Run("BadFiltersAreReportedAndLeftOut", func(t *testing.T) {
		res := a.as("member").get("/actions?raised_from=yesterday&status=lost")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Some filters could not be read", "Enter a real date", `value="yesterday"`, "TABASC 87/01")
	})
	t.Run("Paginated", func(t *testing.T) {
		for i := 1; i <= 55; i++ {
			regEnter(t, a, "OPSG", 90, i, regDay(2023, 1, 10), "DCC", "The DCC to do bulk thing "+itoa(i)+".", nil)
		}
		res := a.as("secretariat").get("/actions?q=bulk")
		res.mustContain(t, "Showing 1–50 of 55 actions.", "Page 1 of 2", `rel="next"`)
		res = a.as("secretariat").get("/actions?q=bulk&page=2")
		res.mustContain(t, "Showing 51–55 of 55 actions.", "OPSG 90/55")
	})
}

func ptrTime(t time.Time) *time.Time { return &t }
