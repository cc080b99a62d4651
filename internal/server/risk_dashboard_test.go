package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestEscalationsDashboard(t *testing.T) {
	a := newApp(t)

	t.Run("OnlyTheParentBodysChairSecretariatAndAdministrators", func(t *testing.T) {
		for who, want := range map[string]int{
			"panel-chair": http.StatusOK, "secretariat": http.StatusOK, "admin": http.StatusOK,
			"member": http.StatusForbidden, "non-member": http.StatusForbidden,
			// The OPSG chair chairs no body with sub-committees.
			"chair": http.StatusForbidden,
		} {
			if res := a.as(who).get("/escalations"); res.status != want {
				t.Errorf("%s: status %d, want %d", who, res.status, want)
			}
		}
		if res := a.anonymous().get("/escalations"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/sign-in") {
			t.Errorf("anonymous: status %d location %q, want the sign-in page", res.status, res.location)
		}
	})

	t.Run("NavigationLinkForOverseersOnly", func(t *testing.T) {
		a.as("panel-chair").get("/account").mustContain(t, `href="/escalations"`)
		a.as("member").get("/account").mustNotContain(t, `href="/escalations"`)
	})

	t.Run("ListsEveryOpenEscalationWithItsDecision", func(t *testing.T) {
		res := a.as("panel-chair").get("/escalations")
		res.mustContain(t, "Escalations to the SEC Panel",
			`data-testid="escalation-OPSG-006"`, `data-testid="escalation-OPSG-019"`, `data-testid="escalation-OPSG-002"`,
			`data-testid="escalation-OPSG-017"`, `data-testid="escalation-TABASC-005"`, "Open escalations (5)",
			"20 Critical", "12 → 16 → 20 → 20", "Unchanged since escalation", "since 23 Oct 2023",
			"all four risks above be escalated to the SEC Panel",
			`href="/committees/OPSG/meetings/105#decision-`, `href="/committees/TABASC/meetings/88#decision-`)
		res.mustNotContain(t, "TABASC-003") // below the threshold: never escalated
	})

	t.Run("HeatMapCountsAndFilters", func(t *testing.T) {
		res := a.as("panel-chair").get("/escalations")
		for _, cell := range []string{
			"1 open escalation: likelihood 4, impact 5 (Severity 20 – Critical)",
			"2 open escalations: likelihood 3, impact 5 (Severity 15 – High)",
			"2 open escalations: likelihood 4, impact 4 (Severity 16 – High)",
			"0 open escalations: likelihood 1, impact 1 (Severity 1 – Low)",
		} {
			res.mustContain(t, cell)
		}
		res.mustContain(t, `data-testid="heat-table"`, `<th scope="row">Likelihood 5</th>`)
		filtered := a.as("panel-chair").get("/escalations?l=4&i=5")
		filtered.mustContain(t, `data-testid="heat-filter"`, `data-testid="escalation-OPSG-006"`, "Open escalations (1)", `class="cell band-0 selected"`)
		filtered.mustNotContain(t, `data-testid="escalation-OPSG-019"`, `data-testid="escalation-TABASC-005"`)
		// A cell off the scale is no filter.
		a.as("panel-chair").get("/escalations?l=9&i=5").mustContain(t, "Open escalations (5)")
	})

	t.Run("ChronicActions", func(t *testing.T) {
		ctx := t.Context()
		opsg, dcc := committeeID(t, a, "OPSG"), orgID(t, a, "DCC")
		day := func(d int) string { return time.Now().UTC().AddDate(0, 0, d).Format(time.DateOnly) }
		// Raised at OPSG 102, whose published CLEAR minutes the Panel's
		// chair may read; they refuse new actions (a trigger), so the
		// register's history is written with triggers off.
		a.restore(t, func(tx pgx.Tx) error {
			for _, x := range []struct {
				seq       int
				target    string
				revisions int
			}{{91, day(-45), 0}, {92, day(-10), 0}, {93, day(60), 2}} {
				var id int64
				err := tx.QueryRow(ctx, `
				INSERT INTO actions (committee_id, committee_code, meeting_number, sequence, raised_meeting_id, raised_on, text, owner_organisation_id, target_date, current_target_date)
				SELECT $1, 'OPSG', 102, $2::int, m.id, m.date, 'The DCC to report on action ' || $2::text, $3, $4, $4
				FROM meetings m WHERE m.committee_id = $1 AND m.number = 102 RETURNING id`,
					opsg, x.seq, dcc, x.target).Scan(&id)
				if err != nil {
					return err
				}
				for range x.revisions {
					if _, err := tx.Exec(ctx, `INSERT INTO action_events (action_id, kind, new_target) VALUES ($1, 'revised', $2)`, id, x.target); err != nil {
						return err
					}
				}
			}
			return nil
		})
		res := a.as("panel-chair").get("/escalations")
		res.mustContain(t, "OPSG 102/91", "45 days overdue", "OPSG 102/93", "revised 2 times", `value="30"`)
		res.mustNotContain(t, "OPSG 102/92")
		a.as("panel-chair").get("/escalations?days=5").mustContain(t, "OPSG 102/92", "10 days overdue")
		bad := a.as("panel-chair").get("/escalations?days=soon")
		if bad.status != http.StatusOK {
			t.Fatalf("status %d", bad.status)
		}
		bad.mustContain(t, "Enter a whole number of days from 0 to 3650; showing 30.", `value="soon"`, "OPSG 102/91")
	})
}

func TestRiskAPI(t *testing.T) {
	a := newApp(t)

	t.Run("RisksWithHistory", func(t *testing.T) {
		res := a.as("member").get("/api/v1/committees/OPSG/risks")
		if res.status != http.StatusOK {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		var got struct {
			Committee string `json:"committee"`
			Threshold int    `json:"escalation_threshold"`
			Risks     []struct {
				Reference string `json:"reference"`
				Severity  int    `json:"severity"`
				Band      string `json:"band"`
				Reviews   []struct {
					Meeting  string `json:"meeting"`
					Severity int    `json:"severity"`
				} `json:"reviews"`
				Escalations []struct {
					To       string `json:"to"`
					Meeting  string `json:"meeting"`
					Open     bool   `json:"open"`
					Decision string `json:"decision"`
				} `json:"escalations"`
			} `json:"risks"`
		}
		if err := json.Unmarshal([]byte(res.body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Committee != "OPSG" || got.Threshold != 15 || len(got.Risks) != 4 {
			t.Fatalf("got %+v", got)
		}
		r := got.Risks[0]
		if r.Reference != "OPSG-006" || r.Severity != 20 || r.Band != "Critical" || len(r.Reviews) != 4 ||
			r.Reviews[0].Meeting != "OPSG 102" || r.Reviews[0].Severity != 12 {
			t.Errorf("OPSG-006: %+v", r)
		}
		if len(r.Escalations) != 1 || !r.Escalations[0].Open || r.Escalations[0].To != "PANEL" || r.Escalations[0].Meeting != "OPSG 105" ||
			!strings.HasPrefix(r.Escalations[0].Decision, "The OPSG AGREED all four risks above") {
			t.Errorf("OPSG-006 escalations: %+v", r.Escalations)
		}
	})

	t.Run("ErrNonMember", func(t *testing.T) {
		res := a.as("non-member").get("/api/v1/committees/OPSG/risks")
		if res.status != http.StatusForbidden || !strings.Contains(res.body, `"error": "forbidden"`) {
			t.Fatalf("status %d body %s", res.status, res.body)
		}
	})

	t.Run("ParentBodysEscalationsByToken", func(t *testing.T) {
		u, _, err := a.store.UserByEmail(t.Context(), a.emails["panel-chair"])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.CreateAPIToken(t.Context(), u.ID, "dashboard", "mbk_panel_chair_secret"); err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodGet, a.srv.URL+"/api/v1/committees/PANEL/escalations", nil)
		req.Header.Set("Authorization", "Bearer mbk_panel_chair_secret")
		res := a.anonymous().do(req)
		if res.status != http.StatusOK {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		var got struct {
			Body        string `json:"body"`
			Escalations []struct {
				Committee   string `json:"committee"`
				Reference   string `json:"reference"`
				SeverityNow int    `json:"severity_now"`
				Severity    int    `json:"severity_at_escalation"`
				Trend       []int  `json:"trend"`
				MinutesURL  string `json:"minutes_url"`
			} `json:"escalations"`
		}
		if err := json.Unmarshal([]byte(res.body), &got); err != nil {
			t.Fatal(err)
		}
		if got.Body != "PANEL" || len(got.Escalations) != 5 {
			t.Fatalf("got %+v", got)
		}
		found := false
		for _, e := range got.Escalations {
			if e.Reference == "OPSG-006" {
				found = true
				if e.SeverityNow != 20 || e.Severity != 20 || len(e.Trend) != 4 || e.Trend[0] != 12 || !strings.HasPrefix(e.MinutesURL, "/committees/OPSG/meetings/105#decision-") {
					t.Errorf("OPSG-006: %+v", e)
				}
			}
		}
		if !found {
			t.Error("OPSG-006 is not listed")
		}
	})

	t.Run("ErrPanelMemberIsNoOverseer", func(t *testing.T) {
		if res := a.as("member").get("/api/v1/committees/PANEL/escalations"); res.status != http.StatusForbidden {
			t.Fatalf("status %d, want 403", res.status)
		}
	})
}

func committeeID(t *testing.T, a *app, code string) int64 {
	t.Helper()
	c, err := a.store.CommitteeByCode(t.Context(), code)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}
