package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestRiskReviewAtMeeting(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	const page = "/committees/OPSG/meetings/106/risks"
	r002, r019 := riskByRef(t, a, "OPSG-002"), riskByRef(t, a, "OPSG-019")

	t.Run("OffersEveryOpenRiskAndANewItem", func(t *testing.T) {
		res := sec.get(page)
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, `data-testid="review-OPSG-006"`, `data-testid="review-OPSG-017"`, `value="Risk Register – Progress Report"`,
			`<option value="new" selected`, `data-testid="withdraw-form"`)
		if res := a.as("chair").get(page); res.status != http.StatusForbidden {
			t.Errorf("the OPSG chair: status %d, want 403 (the secretariat records reviews)", res.status)
		}
	})

	t.Run("ErrCommentOnUntickedRiskKeepsEverything", func(t *testing.T) {
		res := sec.post(page, url.Values{
			"item": {"new"}, "new_item": {"Risk Register"},
			"reviewed-" + i64(r002.ID): {"1"}, "likelihood-" + i64(r002.ID): {"2"}, "impact-" + i64(r002.ID): {"5"},
			"comment-" + i64(r002.ID):    {"Interoperability reporting now shows stable combinations."},
			"likelihood-" + i64(r019.ID): {"4"}, "impact-" + i64(r019.ID): {"4"}, "comment-" + i64(r019.ID): {"Typed but not ticked."},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Tick “reviewed” for OPSG-019, or clear its comment.", "Typed but not ticked.",
			"Interoperability reporting now shows stable combinations.", `value="Risk Register"`)
		if got := riskByRef(t, a, "OPSG-002"); len(got.Reviews) != len(r002.Reviews) {
			t.Error("a refused form recorded a review")
		}
	})

	t.Run("RecordsInANewItemAndFlagsTheFall", func(t *testing.T) {
		res := sec.post(page, url.Values{
			"item": {"new"}, "new_item": {"Risk Register – Progress Report"},
			"reviewed-" + i64(r002.ID): {"1"}, "likelihood-" + i64(r002.ID): {"2"}, "impact-" + i64(r002.ID): {"5"},
			"comment-" + i64(r002.ID):  {"Interoperability reporting now shows stable combinations."},
			"reviewed-" + i64(r019.ID): {"1"}, "likelihood-" + i64(r019.ID): {"4"}, "impact-" + i64(r019.ID): {"4"},
		})
		if res.status != http.StatusSeeOther || res.location != page {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		after := sec.get(page)
		after.mustContain(t, "Two risks reviewed at OPSG 106.", `data-testid="risk-review-OPSG-002"`,
			"(Severity 10 – Medium).", `data-testid="flag-OPSG-002"`)
		if strings.Contains(after.body, `data-testid="flag-OPSG-019"`) {
			t.Error("OPSG-019 is still at 16 and must not be flagged")
		}
		// The Panel chair sees the flag on the dashboard; the escalation stays.
		a.as("panel-chair").get("/escalations").mustContain(t, `data-testid="escalation-OPSG-002"`, `data-testid="below-threshold"`)
	})

	itemID := func() string {
		items, err := a.store.ItemChoices(t.Context(), meetingID(t, a, 106))
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if strings.Contains(it.Title, "Risk") {
				return i64(it.ID)
			}
		}
		t.Fatalf("OPSG 106 has no risk item: %v", items)
		return ""
	}

	t.Run("WithdrawnByDecision", func(t *testing.T) {
		res := sec.post(page+"/withdraw", url.Values{
			"withdraw_risk": {i64(r002.ID)}, "withdraw_item": {itemID()}, "withdraw_reason": {"its severity fell to 10"},
		})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		sec.get(page).mustContain(t, "The OPSG AGREED that the escalation of risk OPSG-002 to the SEC Panel be withdrawn: its severity fell to 10.")
		a.as("panel-chair").get("/escalations").mustNotContain(t, `data-testid="escalation-OPSG-002"`)
		a.as("member").get("/committees/OPSG/risks/OPSG-002").mustContain(t, "Withdrawn at OPSG 106")
	})

	t.Run("EscalatesAnOfferedRisk", func(t *testing.T) {
		r := &mb.Risk{CommitteeID: r002.CommitteeID, Statement: "There is a risk that the DSP Technical Refresh fails again.", OwnerID: r002.OwnerID, Likelihood: 4, Impact: 5}
		if err := a.store.CreateRisk(t.Context(), r); err != nil {
			t.Fatal(err)
		}
		sec.get(page).mustContain(t, `data-testid="escalate-form"`, r.Reference+"</span> Severity 20 – Critical")
		res := sec.post(page+"/escalate", url.Values{"escalate_risk": {i64(r.ID)}, "escalate_item": {itemID()}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		a.as("panel-chair").get("/escalations").mustContain(t, `data-testid="escalation-`+r.Reference+`"`, "that risk "+r.Reference+" be escalated to the SEC Panel")
	})

	t.Run("ErrEscalateBelowThreshold", func(t *testing.T) {
		res := sec.post(page+"/escalate", url.Values{"escalate_risk": {i64(r002.ID)}, "escalate_item": {itemID()}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "OPSG-002 has severity 10, below the OPSG threshold of 15: it cannot be escalated.")
	})

	t.Run("ErrNothingTicked", func(t *testing.T) {
		res := sec.post(page+"/escalate", url.Values{"escalate_item": {itemID()}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Tick the risks the decision is about.")
	})

	t.Run("ErrApprovedMinutesAreLocked", func(t *testing.T) {
		sec.get("/committees/OPSG/meetings/103/risks").mustContain(t, `data-testid="locked"`)
		res := sec.post("/committees/OPSG/meetings/103/risks", url.Values{
			"item": {"new"}, "new_item": {"Risks"},
			"reviewed-" + i64(r019.ID): {"1"}, "likelihood-" + i64(r019.ID): {"1"}, "impact-" + i64(r019.ID): {"1"},
		})
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "The minutes of OPSG 103 are approved and can no longer change.")
	})
}

func meetingID(t *testing.T, a *app, number int) int64 {
	t.Helper()
	m, err := a.store.MeetingByNumber(t.Context(), "OPSG", number)
	if err != nil {
		t.Fatal(err)
	}
	return m.ID
}
