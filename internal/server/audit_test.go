package server_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"testing"
)

func TestAuditPage(t *testing.T) {
	a := newApp(t)
	a.as("admin").post("/committees/new", url.Values{"code": {"MDG"}, "name": {"Modifications Group"},
		"decision_vocabulary": {"NOTED"}, "escalation_threshold": {"15"}, "bands": {"All 1-25"}})

	t.Run("AdministratorSeesEverything", func(t *testing.T) {
		a.as("admin").get("/audit").mustContain(t, "Created committee MDG (Modifications Group)", "Ada Admin")
	})
	t.Run("FilterByCommittee", func(t *testing.T) {
		res := a.as("admin").get("/audit?committee=OPSG")
		res.mustContain(t, "Created committee OPSG")
		res.mustNotContain(t, "Created committee MDG")
	})
	t.Run("SecretariatSeesOnlyItsCommittees", func(t *testing.T) {
		res := a.as("secretariat").get("/audit")
		res.mustContain(t, "Created committee OPSG")
		res.mustNotContain(t, "Created committee MDG")
		if res := a.as("secretariat").get("/audit?committee=MDG"); res.status != http.StatusNotFound {
			t.Errorf("another committee's log: status %d, want 404", res.status)
		}
	})
}

// personOptions are the names the audit page's person filter offers.
func personOptions(t *testing.T, res *response) []string {
	t.Helper()
	sel := regexp.MustCompile(`(?s)<select[^>]*name="person"[^>]*>(.*?)</select>`).FindStringSubmatch(res.body)
	if sel == nil {
		t.Fatalf("no person filter (status %d)", res.status)
	}
	var names []string
	for _, m := range regexp.MustCompile(`<option value="(\d+)"[^>]*>([^<]*)</option>`).FindAllStringSubmatch(sel[1], -1) {
		names = append(names, html.UnescapeString(m[2]))
	}
	return names
}

// Issue 13, point 8: a secretariat's person filter lists only the people
// who appear in its committees' records, not every account.
func TestAuditPersonFilter(t *testing.T) {
	a := newApp(t)
	a.as("admin").post("/committees/new", url.Values{"code": {"MDG"}, "name": {"Modifications Group"},
		"decision_vocabulary": {"NOTED"}, "escalation_threshold": {"15"}, "bands": {"All 1-25"}})
	a.as("member").post("/account/tokens", url.Values{"token_name": {"spreadsheet"}})
	sec := a.as("secretariat")
	dcc, err := a.store.EnsureOrganisation(t.Context(), "DCC")
	if err != nil {
		t.Fatal(err)
	}
	if res := sec.post("/committees/OPSG/actions/new", url.Values{"reference": {"OPSG 98/04"}, "raised_on": {"2023-06-13"},
		"text": {"The DCC to report."}, "owner": {i64(dcc.ID)}, "target_date": {"2023-09-30"}}); res.status != http.StatusSeeOther {
		t.Fatalf("earlier action: status %d", res.status)
	}

	t.Run("SecretariatSeesItsCommitteesPeople", func(t *testing.T) {
		got := personOptions(t, sec.get("/audit"))
		if !slices.Contains(got, "Sarah Roebel") {
			t.Errorf("options %q lack the secretariat, who changed OPSG's records", got)
		}
		// The demo's OPSG member comments on its drafts, so he appears;
		// the administrator only made MDG, and Rachel Allen changed nothing.
		for _, other := range []string{"Rachel Allen", "Ada Admin"} {
			if slices.Contains(got, other) {
				t.Errorf("options %q offer %s, who appears in no OPSG record", got, other)
			}
		}
	})
	t.Run("AdministratorSeesEveryoneWhoActed", func(t *testing.T) {
		got := personOptions(t, a.as("admin").get("/audit"))
		for _, want := range []string{"Sarah Roebel", "Kevin Donnelly", "Ada Admin"} {
			if !slices.Contains(got, want) {
				t.Errorf("options %q lack %s", got, want)
			}
		}
		if slices.Contains(got, "Rachel Allen") {
			t.Errorf("options %q offer Rachel Allen, who changed nothing", got)
		}
	})
	t.Run("FilterByPerson", func(t *testing.T) {
		u, _, _ := a.store.UserByEmail(t.Context(), a.emails["secretariat"])
		res := sec.get("/audit?person=" + i64(u.ID))
		res.mustContain(t, "OPSG 98/04")
	})
}
