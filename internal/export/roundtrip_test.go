package export_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/minutesimport"
)

// structure is what an imported document says, part by part, in words, so
// that two readings can be compared line by line.
func structure(doc *minutesimport.Document) map[string][]string {
	m := doc.Meeting
	out := map[string][]string{
		"meeting": {fmt.Sprintf("%s %s %d %s %s %s–%s %s %s %s %s", m.Committee, m.CommitteeName, m.Number, m.Kind, m.Date, m.Start, m.End, m.Venue, m.Reference, m.Status, m.Classification)},
	}
	for _, a := range doc.Attendees {
		out["attendees"] = append(out["attendees"], fmt.Sprintf("%s | %s | %s | %v | %s", a.Name, a.Category, a.Representing, a.PartItems, a.AlternateFor))
	}
	for _, a := range doc.Apologies {
		out["apologies"] = append(out["apologies"], a.Name+" | "+a.Representing)
	}
	for _, it := range doc.Items {
		out["items"] = append(out["items"], it.Number+" "+it.Title)
		for _, d := range it.Decisions {
			out["decisions"] = append(out["decisions"], it.Number+" "+d.Kind+": "+d.Text)
		}
		for _, a := range it.Actions {
			out["actions"] = append(out["actions"], fmt.Sprintf("%s %s (%s): %s", it.Number, a.Ref, a.Owner, a.Text))
		}
		for _, r := range it.Risks {
			out["risks"] = append(out["risks"], fmt.Sprintf("%s %s %d %s: %s", it.Number, r.Ref, r.Severity, r.Band, r.Text))
		}
	}
	for _, o := range doc.OutstandingActions {
		out["outstanding"] = append(out["outstanding"], fmt.Sprintf("%s %s raised %s target %s revised %s %s", o.Ref, o.Owner, o.Raised, o.Target, o.RevisedTarget, o.Status))
	}
	for _, n := range doc.NextMeetings {
		out["next"] = append(out["next"], n.Kind+" "+n.Date)
	}
	return out
}

// TestDOCXRoundTrip exports the demo's OPSG 105 (built as the model
// document) as .docx, reads the file back through the importer, and finds
// the structure the importer reads from the model document itself: the
// same meeting, attendees, apologies, items, decisions, actions, risks,
// actions outstanding and next meetings.
func TestDOCXRoundTrip(t *testing.T) {
	exported, err := minutesimport.ParseDocx(renderDOCX(t, demo105(t)))
	if err != nil {
		t.Fatal(err)
	}
	fixture, err := os.ReadFile("../minutesimport/testdata/opsg-105-final-minutes.txt")
	if err != nil {
		t.Fatal(err)
	}
	// The model document misspells "(formerly BEIS)"; the demo, like the
	// register, holds the organisation's right name.
	model := strings.ReplaceAll(string(fixture), "(formally BEIS)", "(formerly BEIS)")
	want, got := structure(minutesimport.ParseText(model)), structure(exported)
	for _, p := range []string{"meeting", "attendees", "apologies", "items", "decisions", "actions", "risks", "outstanding", "next"} {
		if len(want[p]) == 0 {
			t.Errorf("%s: the model document has none to compare", p)
		}
		if !slices.Equal(got[p], want[p]) {
			t.Errorf("%s differ:\n%s", p, diff(want[p], got[p]))
		}
	}
	if len(exported.Unrecognised) > 0 {
		t.Errorf("lines the importer could not place: %+v", exported.Unrecognised)
	}
}

func diff(want, got []string) string {
	var b strings.Builder
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			fmt.Fprintf(&b, "  model:    %q\n  exported: %q\n", w, g)
		}
	}
	return b.String()
}
