package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestRiskRegisterPages(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")

	t.Run("MemberReadsTheRegister", func(t *testing.T) {
		res := a.as("member").get("/committees/OPSG/risks")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "OPSG-006", "There is a risk CSP N will fail", "20 Critical", "16 High", "12 → 16 → 20 → 20",
			`data-testid="heat-map"`, "Escalated")
		res.mustNotContain(t, `data-testid="new-risk"`, `data-testid="review-at-106"`)
		if i, j := indexOf(res.body, "OPSG-006"), indexOf(res.body, "OPSG-017"); i > j {
			t.Error("the most severe risk comes first")
		}
	})

	t.Run("CommitteePageLinksToIt", func(t *testing.T) {
		a.as("member").get("/committees/OPSG").mustContain(t, `href="/committees/OPSG/risks"`)
		a.as("non-member").get("/committees/OPSG").mustNotContain(t, `href="/committees/OPSG/risks"`)
	})

	t.Run("HeatMapCellFiltersTheList", func(t *testing.T) {
		res := a.as("panel-chair").get("/committees/OPSG/risks?l=3&i=5")
		res.mustContain(t, `data-testid="heat-filter"`, "likelihood 3 and impact 5", `data-testid="risk-OPSG-002"`, `data-testid="risk-OPSG-017"`)
		res.mustNotContain(t, `data-testid="risk-OPSG-006"`, `data-testid="risk-OPSG-019"`)
	})

	t.Run("ErrNonMemberRefused", func(t *testing.T) {
		if res := a.as("non-member").get("/committees/OPSG/risks/OPSG-006"); res.status != http.StatusForbidden {
			t.Fatalf("status %d, want 403", res.status)
		}
	})

	t.Run("RiskPageShowsHistory", func(t *testing.T) {
		res := a.as("member").get("/committees/OPSG/risks/OPSG-006")
		res.mustContain(t, "Severity 20 – Critical", "Severity 12 – High", "Severity 16 – High", "Sarah Roebel",
			"Escalated to the SEC Panel at OPSG 105", "AGREED all four risks above be escalated to the SEC Panel")
		// OPSG 104's circulated minutes are for members: linked for one.
		res.mustContain(t, `href="/committees/OPSG/meetings/104"`)
		// The Panel chair may read the risk but not OPSG 104's AMBER draft.
		pc := a.as("panel-chair").get("/committees/OPSG/risks/OPSG-006")
		pc.mustContain(t, "OPSG 104", `href="/committees/OPSG/meetings/105"`)
		pc.mustNotContain(t, `href="/committees/OPSG/meetings/104"`)
	})

	t.Run("CreateAllocatesTheNextReference", func(t *testing.T) {
		if res := a.as("member").get("/committees/OPSG/risks/new"); res.status != http.StatusForbidden {
			t.Fatalf("a member: status %d, want 403", res.status)
		}
		res := sec.post("/committees/OPSG/risks/new", url.Values{
			"statement": {"There is a risk that the SMETS1 migration stalls."}, "owner": {orgID(t, a, "DCC")},
			"likelihood": {"2"}, "impact": {"4"}, "status": {"open"}, "mitigations": {"Weekly migration reports."},
		})
		if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/risks/OPSG-020" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		sec.get(res.location).mustContain(t, "There is a risk that the SMETS1 migration stalls.", "Severity 8 – Medium", "Weekly migration reports.")
	})

	t.Run("ErrInvalidKeepsWhatWasTyped", func(t *testing.T) {
		res := sec.post("/committees/OPSG/risks/new", url.Values{
			"statement": {"There is a risk typed with care."}, "owner": {orgID(t, a, "DCC")}, "likelihood": {"7"}, "impact": {"3"},
			"actions": {"OPSG 99/01"}, "mitigations": {"Kept as typed."},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Choose a likelihood from 1 to 5.", "There is a risk typed with care.", "Kept as typed.", `value="OPSG 99/01"`)
	})

	t.Run("ErrUnknownAction", func(t *testing.T) {
		res := sec.post("/committees/OPSG/risks/new", url.Values{
			"statement": {"There is a risk with a missing action."}, "owner": {orgID(t, a, "DCC")}, "likelihood": {"1"}, "impact": {"3"},
			"actions": {"OPSG 99/01"},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "There is no action OPSG 99/01 in the OPSG register.")
	})

	t.Run("EditLocksReviewedScores", func(t *testing.T) {
		sec.get("/committees/OPSG/risks/OPSG-006/edit").mustContain(t, `data-testid="scores-locked"`, "Likelihood 4 × impact 5")
	})

	t.Run("ErrStaleVersion", func(t *testing.T) {
		r := riskByRef(t, a, "OPSG-019")
		form := url.Values{
			"version": {itoa(r.Version)}, "statement": {r.Statement}, "owner": {i64(r.OwnerID)},
			"likelihood": {"4"}, "impact": {"4"}, "status": {"open"}, "mitigations": {"First edit."},
		}
		if res := sec.post("/committees/OPSG/risks/OPSG-019/edit", form); res.status != http.StatusSeeOther {
			t.Fatalf("first save: status %d\n%s", res.status, res.body)
		}
		form.Set("mitigations", "Second edit from a stale form.")
		res := sec.post("/committees/OPSG/risks/OPSG-019/edit", form)
		if res.status != http.StatusConflict {
			t.Fatalf("stale save: status %d, want 409", res.status)
		}
		res.mustContain(t, "Someone else changed this risk", "Second edit from a stale form.")
	})

	t.Run("ErrCloseWhileEscalated", func(t *testing.T) {
		r := riskByRef(t, a, "OPSG-017")
		res := sec.post("/committees/OPSG/risks/OPSG-017/edit", url.Values{
			"version": {itoa(r.Version)}, "statement": {r.Statement}, "owner": {i64(r.OwnerID)},
			"likelihood": {"3"}, "impact": {"5"}, "status": {"closed"},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "withdraw the escalation at a meeting before closing it")
	})
}

func orgID(t *testing.T, a *app, name string) string {
	t.Helper()
	o, err := a.store.EnsureOrganisation(t.Context(), name)
	if err != nil {
		t.Fatal(err)
	}
	return i64(o.ID)
}

func riskByRef(t *testing.T, a *app, ref string) *mb.Risk {
	t.Helper()
	code, _, _ := strings.Cut(ref, "-")
	c, err := a.store.CommitteeByCode(t.Context(), code)
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.store.RiskByReference(t.Context(), c.ID, ref)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRiskPagesLinkTheirActions: every action reference on the risk and
// dashboard pages links to the action.
func TestRiskPagesLinkTheirActions(t *testing.T) {
	a := newApp(t)
	a.as("member").get("/committees/OPSG/risks/OPSG-006").mustContain(t, `href="/actions/OPSG/105/03" data-testid="linked-action"`)
	dash := a.as("panel-chair").get("/escalations")
	if n := strings.Count(dash.body, `data-testid="chronic-action"`); n == 0 || !regexp.MustCompile(`<a href="/actions/[A-Z]+/\d+/\d+" data-testid="chronic-action">`).MatchString(dash.body) {
		t.Errorf("the dashboard's %d chronic actions do not link to the actions", n)
	}
}
