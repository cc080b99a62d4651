package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// "Check again" keeps every correction with the upload and runs the trial
// import again, without JavaScript; what saving then does follows the
// corrections: a person's attendance, a line not understood put in an item,
// a side effect left out (issue 15, points 3 and 5).
func TestImportCheckAgain(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	preview := uploaded(t, sec, "opsg-120.txt", opsg120)
	page := sec.get(preview)
	page.mustContain(t, `data-testid="import-effects"`, `value="meeting|2024-04-09"`, "New meeting", "OPSG 121 (Main Meeting, 9 April 2024)",
		`name="p-3-status"`, `<option value="apologies" selected>Apologies</option>`, `name="line-33"`, `value="item 2"`)

	res := sec.post(preview, url.Values{"do": {"check"}, "venue": {"Leeds"}, "p-3-status": {"present"}, "p-3-organisation": {"Kestrel Energy"},
		"line-33": {"item 2"}, "skip": {"meeting|2024-04-09"}, "i-1-a-0-owner": {"SECAS"}, "i-1-a-0-target": {"2024-04-30"}})
	if res.status != http.StatusSeeOther || res.location != preview {
		t.Fatalf("check again: %d %q\n%s", res.status, res.location, res.body)
	}
	page = sec.get(preview)
	page.mustContain(t, "Your corrections are kept", `name="venue" value="Leeds"`, `name="i-1-a-0-owner" value="SECAS"`,
		`<option value="item 2" selected>`, `value="meeting|2024-04-09" checked`, "left out", "0 apologies")
	if strings.Contains(page.body, "New meetings: OPSG 121") {
		t.Error("the meeting left out is still to be created")
	}
	// Saving does what the trial said.
	res = sec.post(preview, url.Values{"do": {"save"}, "skip": {"meeting|2024-04-09"}, "line-33": {"item 2"}})
	if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/120" {
		t.Fatalf("save: %d %q\n%s", res.status, res.location, res.body)
	}
	ctx := context.Background()
	m := mustMeeting(t, a, 120)
	if m.Venue != "Leeds" {
		t.Errorf("venue %q", m.Venue)
	}
	if _, err := a.store.MeetingByNumber(ctx, "OPSG", 121); mb.ErrorCode(err) != mb.ENOTFOUND {
		t.Errorf("the meeting left out was scheduled: %v", err)
	}
	list, _ := a.store.Attendance(ctx, m.ID)
	for _, x := range list {
		if x.PersonName == "Cassie Bowerman" && x.Status != mb.Present {
			t.Errorf("Cassie Bowerman recorded %s", x.Status)
		}
	}
	minutes, err := a.store.Minutes(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	it := minutes.Items[1]
	if !strings.Contains(it.Minute, "??!! 12345 ;;") || it.Actions[0].OwnerName != "SECAS" || it.Actions[0].TargetDate.Format("2006-01-02") != "2024-04-30" {
		t.Errorf("item 2: minute %q, action %+v", it.Minute, it.Actions[0])
	}
}

// A value that cannot be read comes back as typed beside its message, and
// nothing else typed is lost.
func TestImportCorrectionErrors(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	preview := uploaded(t, sec, "opsg-120.txt", opsg120)
	res := sec.post(preview, url.Values{"do": {"check"}, "i-1-a-0-target": {"30/04/2024"}, "p-0-name": {""}, "i-0-title": {"Minutes of OPSG 119"},
		"p-3-status": {"present"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.status)
	}
	res.mustContain(t, `id="e-i-1-a-0-target"`, "Enter a real date", `value="30/04/2024"`, `id="e-p-0-name"`, "Enter the person&#39;s name.",
		`value="Minutes of OPSG 119"`, `<option value="present" selected>Present</option>`)
	// What could be read is kept with the upload.
	sec.get(preview).mustContain(t, `name="i-0-title" value="Minutes of OPSG 119"`)
}

// A document saved under another number keeps its ACTIONs: the preview asks
// whether to keep their references as written or renumber them (issue 15,
// point 4).
func TestImportRenumberChoice(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	doc := strings.Replace(opsg120, "ACTION 120/01:", "ACTION 119/01:", 1)
	preview := uploaded(t, sec, "opsg-120.txt", doc)
	page := sec.get(preview)
	page.mustContain(t, `data-testid="import-renumber"`, `name="refs" value="written" checked`, "Actions raised: OPSG 119/01.",
		"ACTION 119/01 is numbered for meeting 119, not 120")
	res := sec.post(preview, url.Values{"do": {"check"}, "refs": {"renumber"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("check again: %d\n%s", res.status, res.body)
	}
	sec.get(preview).mustContain(t, `name="refs" value="renumber" checked`, "Actions raised: OPSG 120/01.")
	res = sec.post(preview, url.Values{"do": {"save"}, "refs": {"renumber"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.status, res.body)
	}
	if a, err := a.store.ActionByReference(context.Background(), "OPSG", 120, 1); err != nil || !strings.Contains(a.Text, "CPM 3A") {
		t.Errorf("OPSG 120/01: %+v %v", a, err)
	}
}

// The committee's decision words decide (issue 15): a sentence in another
// word is read as text, the preview says how to record it and offers only
// the committee's words, and saving with one chosen adds nothing to the
// committee's vocabulary.
func TestImportDecisionWordsAreTheCommittees(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	doc := strings.Replace(opsg120, "SECAS presented the performance report.", "SECAS presented the performance report. The OPSG **ENDORSED** the recovery plan.", 1)
	preview := uploaded(t, sec, "opsg-120.txt", doc)
	page := sec.get(preview)
	page.mustContain(t, `data-testid="import-held-1-0"`, "Kept as text: ENDORSED is not one of OPSG's decision words.",
		"ENDORSED is not one of OPSG&#39;s decision words (NOTED, AGREED, APPROVED)", "on the committee&#39;s Edit page",
		`<option value="AGREED">AGREED</option>`)
	if strings.Contains(page.body, `<option value="ENDORSED"`) {
		t.Error("the preview offers a word outside the committee's")
	}
	res := sec.post(preview, url.Values{"do": {"save"}, "i-1-d-0-kind": {"AGREED"}})
	if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/120" {
		t.Fatalf("save: %d %q\n%s", res.status, res.location, res.body)
	}
	minutes, err := a.store.Minutes(context.Background(), mustMeeting(t, a, 120).ID)
	if err != nil {
		t.Fatal(err)
	}
	if it := minutes.Items[1]; len(it.Decisions) != 1 || it.Decisions[0].Kind != "AGREED" || it.Decisions[0].Text != "the recovery plan" || strings.Contains(it.Minute, "ENDORSED") {
		t.Errorf("item 2: decisions %+v, minute %q", it.Decisions, it.Minute)
	}
	c, err := a.store.CommitteeByCode(context.Background(), "OPSG")
	if err != nil || len(c.DecisionVocabulary) != len(mb.DefaultDecisionVocabulary) {
		t.Errorf("OPSG decides in %v (%v)", c.DecisionVocabulary, err)
	}
}
