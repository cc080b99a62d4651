package export_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"

	"github.com/minutebook/minutebook/internal/export"
	mb "github.com/minutebook/minutebook/internal/minutebook"
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

// TestOPSG105 exports the demo's OPSG 105, built as the model document.
func TestOPSG105(t *testing.T) {
	d := demo105(t)
	t.Run("PDF", func(t *testing.T) { opsg105PDF(t, d) })
	t.Run("DOCXRoundTrip", func(t *testing.T) { opsg105RoundTrip(t, d) })
}

// opsg105PDF finds the model document's parts in the PDF's text, in order,
// and the marking, reference and page number on every page.
func opsg105PDF(t *testing.T, d *export.Document) {
	pdf := renderPDF(t, d)
	text := words(poppler(t, pdf, "pdftotext"))
	want := []string{
		"This document is classified as Clear in accordance with the Panel Information Policy.",
		"Operations Group Meeting 105", "23 October 2023, 12:20 – 16:00", "Teleconference", "OPSG_105_2310 – Final Minutes",
		"Approved as final at OPSG 106.", "Attendees:", "Operations Group Chair Dave Warner", "Apologies:",
		"1. Previous Meeting Minutes", "The OPSG APPROVED the minutes from OPSG 103 as final.",
		"2. Actions Outstanding", "OPSG 102/01", "The OPSG NOTED the update.",
		"3. SEC Panel Reports – September 2023", "4. Performance Measurement Report – August 2023", "ACTION 105/01:",
		"5. Business Processes Indicator Performance Summary", "5.1. Business Process Indicators", "5.2. Prepayment Analysis",
		"5.3. 3G Sunsetting Performance", "ACTION 105/04: The DCC to present a further description of the proposed ‘re-try success’",
		"6. Risk Register – Progress Report", "OPSG-006: There is a risk CSP N will fail", "(Severity 20 – Critical).",
		"7. Major Incident Review", "8. Work Package Q2 2023/24 Lookback", "9. November 2023 SEC Release", "10. Any Other Business",
		"10.2. OPSG 2023 In-Person Meeting", "Next Main Meeting: 14 November 2023; Next Reporting Meeting: 27 November 2023",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("after …%q the text lacks %q", text[max(0, at-200):at], w)
		}
		at += i + len(w)
	}
	pages := strings.Count(text, "Classification: CLEAR OPSG_105_2310 – Final Minutes ")
	if pages < 5 {
		t.Errorf("%d page headers; OPSG 105 runs over more pages", pages)
	}
	for i := 1; i <= pages; i++ {
		if footer := fmt.Sprintf("Classification: CLEAR OPSG_105_2310 Page %d of %d", i, pages); !strings.Contains(text, footer) {
			t.Errorf("no footer %q", footer)
		}
	}
}

// opsgWords is how OPSG's minutes are read: in its decision words, the
// default ones.
var opsgWords = minutesimport.Options{DecisionWords: mb.DefaultDecisionVocabulary}

// opsg105RoundTrip exports the meeting as .docx, reads the file back
// through the importer, and finds the structure the importer reads from
// the model document itself: the same meeting, attendees, apologies,
// items, decisions, actions, risks, actions outstanding and next meetings.
func opsg105RoundTrip(t *testing.T, d *export.Document) {
	exported, err := minutesimport.ParseDocx(renderDOCX(t, d), opsgWords)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := fixture.Read(fixture.OPSG105)
	if err != nil {
		t.Fatal(err)
	}
	// The model document misspells "(formerly BEIS)"; the demo, like the
	// register, holds the organisation's right name.
	model := strings.ReplaceAll(string(doc), "(formally BEIS)", "(formerly BEIS)")
	want, got := structure(minutesimport.ParseText(model, opsgWords)), structure(exported)
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
