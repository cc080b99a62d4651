package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
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

func TestActionPage(t *testing.T) {
	a := newApp(t)

	t.Run("FullHistory", func(t *testing.T) {
		res := a.as("member").get("/actions/TABASC/87/01")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Action TABASC 87/01", "Target revised twice, 118 days in all.", "moved from 05/10/2023 to 02/11/2023",
			"moved from 02/11/2023 to 31/01/2024", "Waiting on the Communications Hub manufacturer", "Overdue")
		res.mustNotContain(t, `data-testid="change-form"`)
	})
	t.Run("ErrHiddenActionIsNotFound", func(t *testing.T) {
		if res := a.as("non-member").get("/actions/PANEL/120/01"); res.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.status)
		}
	})
	t.Run("SecretariatClosesAndReopens", func(t *testing.T) {
		x := regEnter(t, a, "OPSG", 99, 1, regDay(2023, 8, 15), "DCC", "The DCC to review the outage plan.", ptrTime(regDay(2023, 10, 1)))
		m106, err := a.store.MeetingByNumber(context.Background(), "OPSG", 106)
		if err != nil {
			t.Fatal(err)
		}
		sec := a.as("secretariat")
		page := sec.get("/actions/OPSG/99/01")
		page.mustContain(t, `data-testid="change-form"`, "OPSG 106 – 14 November 2023")
		res := sec.post("/actions/OPSG/99/01/record", url.Values{"version": {itoa(x.Version)}, "meeting": {i64(m106.ID)}, "kind": {"closed"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("close without note: status %d", res.status)
		}
		res.mustContain(t, "Write a closing note")
		res = sec.post("/actions/OPSG/99/01/record", url.Values{"version": {itoa(x.Version)}, "meeting": {i64(m106.ID)}, "kind": {"closed"}, "note": {"Plan reviewed."}})
		if res.status != http.StatusSeeOther || res.location != "/actions/OPSG/99/01" {
			t.Fatalf("close: status %d location %q\n%s", res.status, res.location, res.body)
		}
		if res := a.as("member").post("/actions/OPSG/99/01/reopen", url.Values{"version": {itoa(x.Version + 1)}, "note": {"No."}}); res.status != http.StatusForbidden {
			t.Errorf("member reopening: status %d, want 403", res.status)
		}
		res = sec.post("/actions/OPSG/99/01/reopen", url.Values{"version": {itoa(x.Version + 1)}, "note": {"The plan missed the BCDR tests."}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("reopen: status %d\n%s", res.status, res.body)
		}
		got, err := a.store.Action(context.Background(), x.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != mb.ActionOpen || len(got.Events) != 2 {
			t.Errorf("after close and reopen: %s with %d events", got.Status, len(got.Events))
		}
		// Stale version: the form comes back with what was typed.
		res = sec.post("/actions/OPSG/99/01/record", url.Values{"version": {itoa(x.Version)}, "meeting": {i64(m106.ID)}, "kind": {"update"}, "note": {"Typed but stale."}})
		if res.status != http.StatusConflict {
			t.Fatalf("stale: status %d", res.status)
		}
		res.mustContain(t, "Someone else changed this action", "Typed but stale.")
	})
	t.Run("NoteFromUnreadableMinutesWithheld", func(t *testing.T) {
		// OPSG 102/01 is in published CLEAR minutes; its closure at 105 is
		// too. A reopening outside a meeting is for OPSG's members.
		a102, err := a.store.ActionByReference(context.Background(), "OPSG", 102, 1)
		if err != nil {
			t.Fatal(err)
		}
		res := a.as("secretariat").post("/actions/OPSG/102/01/reopen", url.Values{"version": {itoa(a102.Version)}, "note": {"Internal reason for reopening."}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("reopen: status %d\n%s", res.status, res.body)
		}
		anon := a.anonymous().get("/actions/OPSG/102/01")
		anon.mustContain(t, "Reopened", "The note is in minutes you may not read.", "The formal report was provided to TABASC")
		anon.mustNotContain(t, "Internal reason for reopening.")
		a.as("member").get("/actions/OPSG/102/01").mustContain(t, "Internal reason for reopening.")
	})
}

func ptrTime(t time.Time) *time.Time { return &t }

func TestEarlierActionForm(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	dcc, err := a.store.EnsureOrganisation(context.Background(), "DCC")
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"reference": {"OPSG 98/04"}, "raised_on": {"2023-06-13"}, "text": {"The DCC to report on the 3G switch-off."},
		"owner": {i64(dcc.ID)}, "target_date": {"2023-09-30"}}

	t.Run("OK", func(t *testing.T) {
		if page := sec.get("/committees/OPSG/actions/new"); page.status != http.StatusOK {
			t.Fatalf("form: status %d", page.status)
		}
		res := sec.post("/committees/OPSG/actions/new", form)
		if res.status != http.StatusSeeOther || res.location != "/actions/OPSG/98/04" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		sec.get(res.location).mustContain(t, "entered from earlier history", "30/09/2023")
	})
	t.Run("ErrReferenceUsedKeepsWhatWasTyped", func(t *testing.T) {
		res := sec.post("/committees/OPSG/actions/new", form)
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "references are never reused", `value="OPSG 98/04"`, "The DCC to report on the 3G switch-off.")
	})
	t.Run("ErrOtherCommitteesReference", func(t *testing.T) {
		f := url.Values{}
		for k, v := range form {
			f[k] = v
		}
		f.Set("reference", "TABASC 98/04")
		res := sec.post("/committees/OPSG/actions/new", f)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "This form enters actions of OPSG")
	})
}

func TestActionsAPI(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	member, _, err := a.store.UserByEmail(ctx, a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.CreateAPIToken(ctx, member.ID, "test", "mbk_register_test"); err != nil {
		t.Fatal(err)
	}
	bearer := func(path string) *response {
		c := a.anonymous()
		req, _ := http.NewRequest(http.MethodGet, a.srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer mbk_register_test")
		return c.do(req)
	}

	t.Run("SameFiltersAndAccessAsThePage", func(t *testing.T) {
		res := bearer("/api/v1/actions?committee=PANEL&status=overdue")
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d, %s", res.status, res.header.Get("Content-Type"))
		}
		res.mustContain(t, `"reference": "PANEL 120/01"`, `"overdue": true`, `"total": 1`, `"current_target_date": "2023-12-15"`)
		a.as("non-member").get("/api/v1/actions?committee=PANEL").mustContain(t, `"total": 0`)
	})
	t.Run("OneActionWithHistory", func(t *testing.T) {
		res := bearer("/api/v1/actions/TABASC/87/01")
		res.mustContain(t, `"times_revised": 2`, `"days_slipped": 118`, `"kind": "revised"`, `"meeting": "TABASC 88"`)
	})
	t.Run("ErrBadFilter", func(t *testing.T) {
		res := bearer("/api/v1/actions?raised_to=soon")
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, `"error": "invalid"`, "Enter a real date")
	})
	t.Run("ErrHiddenActionNotFound", func(t *testing.T) {
		if res := a.as("non-member").get("/api/v1/actions/PANEL/120/01"); res.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.status)
		}
	})
}
