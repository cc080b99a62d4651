package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestCommitteePages(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")

	t.Run("TreeShowsParentAndChild", func(t *testing.T) {
		res := admin.get("/committees")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "SEC Panel", "Operations Group", "TABASC")
	})

	t.Run("PageListsMeetingsNewestFirstAndMembers", func(t *testing.T) {
		res := a.as("member").get("/committees/OPSG")
		res.mustContain(t, "Dave Warner", "Large Suppliers", "OPSG 105", "OPSG 102")
		if i, j := indexOf(res.body, "OPSG 105"), indexOf(res.body, "OPSG 102"); i > j {
			t.Errorf("meeting 105 should come before 102")
		}
	})

	t.Run("Create", func(t *testing.T) {
		res := admin.post("/committees/new", url.Values{
			"code": {"mdg"}, "name": {"Modifications Group"}, "categories": {"Chair\nMembers"},
			"decision_vocabulary": {"NOTED\nAGREED\nENDORSED"}, "escalation_threshold": {"12"},
			"bands": {"Critical 20-25\nHigh 12-19\nMedium 6-11\nLow 1-5"},
		})
		if res.status != http.StatusSeeOther || res.location != "/committees/MDG" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		admin.get("/committees/MDG").mustContain(t, "Modifications Group", "NOTED, AGREED, ENDORSED")
	})

	t.Run("ErrDuplicateCodeKeepsWhatWasTyped", func(t *testing.T) {
		res := admin.post("/committees/new", url.Values{
			"code": {"OPSG"}, "name": {"Second Operations Group"}, "decision_vocabulary": {"NOTED"},
			"escalation_threshold": {"15"}, "bands": {"All 1-25"},
		})
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "Another committee already has that code.", `value="Second Operations Group"`)
	})

	t.Run("ErrBandsWithGap", func(t *testing.T) {
		res := admin.post("/committees/new", url.Values{
			"code": {"GAPS"}, "name": {"Gaps"}, "decision_vocabulary": {"NOTED"},
			"escalation_threshold": {"15"}, "bands": {"High 12-25\nLow 1-10"},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Severity 11 is in no band.", "High 12-25")
	})

	t.Run("ErrParentCycle", func(t *testing.T) {
		edit := admin.get("/committees/PANEL/edit")
		if edit.status != http.StatusOK {
			t.Fatalf("status %d", edit.status)
		}
		opsg, err := a.store.CommitteeByCode(t.Context(), "OPSG")
		if err != nil {
			t.Fatal(err)
		}
		panel, err := a.store.CommitteeByCode(t.Context(), "PANEL")
		if err != nil {
			t.Fatal(err)
		}
		res := admin.post("/committees/PANEL/edit", url.Values{
			"version": {itoa(panel.Version)}, "code": {"PANEL"}, "name": {"SEC Panel"}, "parent": {i64(opsg.ID)},
			"decision_vocabulary": {"NOTED"}, "escalation_threshold": {"15"}, "bands": {"All 1-25"},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "cannot sit beneath one of its own sub-committees")
	})

	// The committee's vocabulary decides what an import reads as a
	// decision (issue 15): an administrator extends it here, checked and
	// audited.
	t.Run("AdministratorExtendsTheDecisionWords", func(t *testing.T) {
		form := url.Values{"code": {"VOC"}, "name": {"Vocabulary Group"}, "decision_vocabulary": {"NOTED\nAGREED\nAPPROVED"},
			"escalation_threshold": {"15"}, "bands": {"All 1-25"}}
		if res := admin.post("/committees/new", form); res.status != http.StatusSeeOther {
			t.Fatalf("create: status %d", res.status)
		}
		admin.get("/committees/VOC/edit").mustContain(t, `name="decision_vocabulary"`, "NOTED\nAGREED\nAPPROVED")
		c, err := a.store.CommitteeByCode(t.Context(), "VOC")
		if err != nil {
			t.Fatal(err)
		}
		form.Set("version", itoa(c.Version))
		form.Set("decision_vocabulary", "NOTED\nAGREED\nAPPROVED\nresolved")
		if res := admin.post("/committees/VOC/edit", form); res.status != http.StatusSeeOther {
			t.Fatalf("edit: status %d\n%s", res.status, res.body)
		}
		admin.get("/committees/VOC").mustContain(t, "NOTED, AGREED, APPROVED, RESOLVED")
		admin.get("/audit?committee=VOC").mustContain(t, "decisions: &#34;NOTED, AGREED, APPROVED&#34; → &#34;NOTED, AGREED, APPROVED, RESOLVED&#34;")

		c, _ = a.store.CommitteeByCode(t.Context(), "VOC")
		form.Set("version", itoa(c.Version))
		form.Set("decision_vocabulary", "NOTED\nRESOLVED!")
		res := admin.post("/committees/VOC/edit", form)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad word: status %d", res.status)
		}
		res.mustContain(t, "Decision words are capital letters, such as NOTED or AGREED: RESOLVED! is not.", "NOTED\nRESOLVED!")
		if res := a.as("secretariat").get("/committees/VOC/edit"); res.status == http.StatusOK {
			t.Error("the secretariat may edit the committee's decision words")
		}
	})

	t.Run("ErrStaleVersion", func(t *testing.T) {
		c, err := a.store.CommitteeByCode(t.Context(), "TABASC")
		if err != nil {
			t.Fatal(err)
		}
		form := url.Values{"version": {itoa(c.Version)}, "code": {"TABASC"}, "name": {"TABASC renamed"},
			"decision_vocabulary": {"NOTED"}, "escalation_threshold": {"15"}, "bands": {"All 1-25"}}
		if res := admin.post("/committees/TABASC/edit", form); res.status != http.StatusSeeOther {
			t.Fatalf("first save: status %d\n%s", res.status, res.body)
		}
		form.Set("name", "TABASC renamed twice")
		res := admin.post("/committees/TABASC/edit", form)
		if res.status != http.StatusConflict {
			t.Fatalf("stale save: status %d, want 409", res.status)
		}
		res.mustContain(t, "Someone else changed this committee", `value="TABASC renamed twice"`)
	})
}

// TestStandingItems: the secretariat keeps its committee's standing items;
// a new meeting starts with those chosen and may copy the previous
// meeting's titles, none twice.
func TestStandingItems(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	t.Run("ErrTwice", func(t *testing.T) {
		res := sec.post("/committees/OPSG/standing-items", url.Values{"version": {"1"}, "standing_start": {"Actions Outstanding\nactions outstanding"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "is listed twice")
	})
	t.Run("ErrMemberMayNot", func(t *testing.T) {
		if res := a.as("member").get("/committees/OPSG/standing-items"); res.status != http.StatusForbidden {
			t.Errorf("status %d", res.status)
		}
	})
	c, _ := a.store.CommitteeByCode(context.Background(), "OPSG")
	t.Run("Saved", func(t *testing.T) {
		res := sec.post("/committees/OPSG/standing-items", url.Values{"version": {i64(int64(c.Version))},
			"standing_start": {"Previous Meeting Minutes\nActions Outstanding"}, "standing_end": {"Any Other Business"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		got, _ := a.store.CommitteeByCode(context.Background(), "OPSG")
		if s, e := got.StandingTitles(false), got.StandingTitles(true); len(s) != 2 || len(e) != 1 || e[0] != "Any Other Business" {
			t.Errorf("standing items %q %q", s, e)
		}
	})
	t.Run("NewMeetingStartsWithThem", func(t *testing.T) {
		form := sec.get("/committees/OPSG/meetings/new")
		form.mustContain(t, `name="standing" value="Previous Meeting Minutes" checked`, `name="copy_from"`)
		prev, err := a.store.LatestMeetingWithItems(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		res := sec.post("/committees/OPSG/meetings/new", url.Values{"committee": {i64(c.ID)}, "number": {"130"}, "kind": {"main"},
			"date": {"2024-06-11"}, "classification": {"CLEAR"}, "standing": {"Previous Meeting Minutes", "Any Other Business"}, "copy_from": {i64(prev.ID)}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		doc := minutesOf(t, a, 130)
		var titles []string
		for _, it := range doc.Items {
			titles = append(titles, it.Title)
		}
		if len(titles) < 2 || titles[0] != "Previous Meeting Minutes" || titles[len(titles)-1] != "Any Other Business" {
			t.Errorf("items %q", titles)
		}
		seen := map[string]bool{}
		for _, x := range titles {
			if seen[strings.ToLower(x)] {
				t.Errorf("%q twice in %q", x, titles)
			}
			seen[strings.ToLower(x)] = true
		}
	})
}
