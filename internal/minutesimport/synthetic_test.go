package minutesimport

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
)

func parseFile(t *testing.T, path string, opt Options) *Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Parse(f, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, p := range unaccounted(doc, string(b)) {
		t.Error(p)
	}
	return doc
}

type decisionKinds []string

func kindsOf(doc *Document) (k decisionKinds) {
	for _, it := range doc.Items {
		for _, d := range it.Decisions {
			k = append(k, it.Number+" "+d.Kind)
		}
	}
	return k
}

// A draft of a reporting meeting, with the other column order for names,
// an outstanding actions table with a Status column, decisions in words
// other than the model's, and an action owned by SECAS.
func TestParseDraftReportingMeeting(t *testing.T) {
	doc := parseFile(t, fixture.Path(fixture.OPSG106Draft), Options{DecisionWords: fixture.DecisionWords(fixture.Path(fixture.OPSG106Draft))})
	want := Meeting{
		Committee: "OPSG", CommitteeName: "Operations Group", Number: 106, Kind: "reporting",
		Date: "2023-11-27", Start: "10:00", End: "12:30", Venue: "London",
		Reference: "OPSG_106_2311", Status: "draft", Classification: "AMBER",
	}
	if doc.Meeting != want {
		t.Errorf("meeting %+v\nwant %+v", doc.Meeting, want)
	}
	if len(doc.Attendees) != 6 {
		t.Fatalf("%d attendees, want 6", len(doc.Attendees))
	}
	wantAtt := []Attendee{
		{Name: "Jane Example", Representing: "Large Suppliers", PartItems: []string{}, AlternateFor: "Sam Draper", Line: 17},
		{Name: "Ryan Todd", Representing: "DCC", PartItems: []string{"2", "3"}, Line: 19},
	}
	if got := []Attendee{doc.Attendees[2], doc.Attendees[4]}; !reflect.DeepEqual(got, wantAtt) {
		t.Errorf("attendees %+v\nwant %+v", got, wantAtt)
	}
	if want := []Apology{{Name: "Sam Draper", Representing: "Large Suppliers", Line: 25}}; !reflect.DeepEqual(doc.Apologies, want) {
		t.Errorf("apologies %+v", doc.Apologies)
	}
	if got, want := kindsOf(doc), (decisionKinds{"1 APPROVED", "2 NOTED", "3 ENDORSED", "3 REJECTED", "4 DEFERRED", "4 AGREED"}); !reflect.DeepEqual(got, want) {
		t.Errorf("decisions %q, want %q", got, want)
	}
	it := doc.Items[2]
	if want := []Action{{Ref: "106/03", Text: "SECAS to circulate the Outage Strategy to all SEC Parties for comment.", Owner: "SECAS", Line: 48}}; !reflect.DeepEqual(it.Actions, want) {
		t.Errorf("actions %+v", it.Actions)
	}
	// The sentences around the decision stay; the list's lead-in stays
	// because the list holds more than decisions.
	if want := "The DCC presented its draft Outage Strategy. SECAS will publish the strategy.\n\nThe OPSG:\n\n- asked the DCC to return with costed options."; it.Text != want {
		t.Errorf("item 3 text %q\nwant %q", it.Text, want)
	}
	wantOut := []OutstandingAction{
		{Ref: "OPSG 105/01", Text: "The DCC to provide a simplified graphic of the architecture.", Raised: "2023-10-23", Target: "2023-11-14", RevisedTarget: "2023-12-12", Owner: "DCC", Status: "Open", Line: 34},
		// The table wrote the reference without the code; the register's form has it.
		{Ref: "OPSG 105/02", Text: "The DCC to include information within the BPI pack.", Raised: "2023-10-23", Target: "2023-11-27", Owner: "DCC", Status: "Closed", Line: 35},
	}
	if !reflect.DeepEqual(doc.OutstandingActions, wantOut) {
		t.Errorf("outstanding %+v\nwant %+v", doc.OutstandingActions, wantOut)
	}
	if want := []NextMeeting{{Kind: "main", Date: "2023-12-12"}}; !reflect.DeepEqual(doc.NextMeetings, want) {
		t.Errorf("next meetings %v", doc.NextMeetings)
	}
	if len(doc.Unrecognised) != 0 {
		t.Errorf("unrecognised %+v", doc.Unrecognised)
	}
	// "It was **AGREED** that …" is a decision in the passive (issue 15:
	// other bodies resolve so), with nothing left to warn of.
	if len(doc.Warnings) != 0 {
		t.Errorf("warnings %+v", doc.Warnings)
	}
}

// Text copied out of a PDF: no blank lines, paragraphs broken over lines,
// page headers and footers, bullets as glyphs, stray markup.
func TestParsePDFText(t *testing.T) {
	doc := parseFile(t, fixture.Path(fixture.TABASC42PDF), Options{DecisionWords: fixture.DecisionWords(fixture.Path(fixture.TABASC42PDF))})
	want := Meeting{
		Committee: "TABASC", CommitteeName: "Technical Architecture and Business Architecture Sub-Committee",
		Number: 42, Kind: "main", Date: "2023-12-05", Start: "14:00", End: "16:30", Venue: "Microsoft Teams",
		Reference: "TABASC_42_2312", Status: "final", Classification: "RED",
	}
	if doc.Meeting != want {
		t.Errorf("meeting %+v\nwant %+v", doc.Meeting, want)
	}
	if len(doc.Attendees) != 5 || doc.Attendees[3].Name != "Di Person" || !reflect.DeepEqual(doc.Attendees[3].PartItems, []string{"2"}) || doc.Attendees[4].Representing != "SECAS" {
		t.Errorf("attendees %+v", doc.Attendees)
	}
	if got, want := kindsOf(doc), (decisionKinds{"1 AGREED", "2 NOTED", "2 AGREED", "2 NOTED"}); !reflect.DeepEqual(got, want) {
		t.Errorf("decisions %q, want %q", got, want)
	}
	d := doc.Items[0].Decisions[0]
	if d.Text != "The TABASC AGREED the minutes of TABASC 41 as final." || d.Line != 16 {
		t.Errorf("decision joined across lines: %+v", d)
	}
	if got := doc.Items[1].Decisions[1].Text; got != "AGREED that the design note be updated before publication." {
		t.Errorf("list decision joined across lines: %q", got)
	}
	if got, want := doc.Items[0].Text, "The TABASC noted that the action on the gate-way design note remains open."; got != want {
		t.Errorf("item 1 text %q, want %q", got, want)
	}
	// The page footer and repeated reference inside the paragraph are
	// skipped without breaking it.
	if got := doc.Items[1].Text; !strings.HasPrefix(got, "SECAS presented the design review of the Smart Metering architecture. The members discussed the impact on Communication Hubs.") {
		t.Errorf("item 2 text %q", got)
	}
	if want := []Risk{{Ref: "TABASC-003", Text: "There is a risk that the design note lags the code.", Severity: 12, Band: "Medium", Line: 30}}; !reflect.DeepEqual(doc.Risks, want) {
		t.Errorf("risks %+v", doc.Risks)
	}
	// The decision after the action, with no blank line between, is not
	// read as the action's last line.
	if want := []Action{{Ref: "42/01", Text: "The DCC to publish the revised design note.", Owner: "DCC", Line: 33}}; !reflect.DeepEqual(doc.Items[1].Actions, want) {
		t.Errorf("actions %+v", doc.Items[1].Actions)
	}
	if want := []NextMeeting{{Kind: "main", Date: "2024-01-09"}, {Kind: "reporting", Date: "2024-01-23"}}; !reflect.DeepEqual(doc.NextMeetings, want) {
		t.Errorf("next meetings %v", doc.NextMeetings)
	}
	var furniture []int
	for _, w := range doc.Warnings {
		furniture = append(furniture, w.Line)
	}
	if want := []int{23, 24, 39}; !reflect.DeepEqual(furniture, want) {
		t.Errorf("warnings %+v, want page furniture at %v", doc.Warnings, want)
	}
}

func TestParseGarbage(t *testing.T) {
	doc := parseFile(t, fixture.Path(fixture.Garbage), Options{})
	want := []Unrecognised{
		{Line: 4, Text: "%%%% ~~~~ ####"},                  // in the heading, no letters
		{Line: 7, Text: "zzkq wxv qqq"},                    // in the heading, after the venue
		{Line: 12, Text: "??!! 12345 ;;"},                  // among the attendees
		{Line: 14, Text: "the quick brown fox jumps over"}, // among the apologies, not a name
		{Line: 19, Text: "------"},                         // in an item, no letters
		{Line: 20, Text: "#### 0000 ####"},
	}
	if !reflect.DeepEqual(doc.Unrecognised, want) {
		t.Errorf("unrecognised %+v\nwant %+v", doc.Unrecognised, want)
	}
	// The garbage does not disturb what is around it.
	if doc.Meeting.Venue != "London" || doc.Meeting.Number != 107 || len(doc.Attendees) != 1 || len(doc.Items) != 1 || len(doc.Items[0].Decisions) != 1 {
		t.Errorf("document %+v", doc)
	}
}

func TestParseAmbiguousNames(t *testing.T) {
	text := "Attendees:\n\n\tNo Heading\nDCC\tDanielle Jackson\n\n\tGary Stuart\nAlone Person\n"
	doc := ParseText(text, Options{})
	var got []Warning
	for _, w := range doc.Warnings {
		if w.Line > 0 {
			got = append(got, w)
		}
	}
	// 3: a name under no heading; 4: no column heading says what "DCC" is;
	// 6 and 7: names after a blank line, taken to continue "DCC".
	if len(got) != 4 || got[0].Line != 3 || got[1].Line != 4 || got[2].Line != 6 || got[3].Line != 7 {
		t.Errorf("warnings %+v", got)
	}
	if doc.Attendees[0].Representing != "" || doc.Attendees[0].Category != "" || doc.Attendees[2].Representing != "DCC" {
		t.Errorf("attendees %+v", doc.Attendees)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, filename string }{
		{"BadZip", "PK\x03\x04this is not a zip archive", "minutes.docx"},
		{"PDF", "%PDF-1.7\n...", "minutes.pdf"},
		{"Doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "minutes.doc"},
		{"DocxNotZip", "Operations Group Meeting 105", "minutes.docx"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.data), tc.filename, Options{})
			if !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), tc.filename) {
				t.Errorf("got %v, want an ErrUnreadable naming %s", err, tc.filename)
			}
		})
	}
}

func TestParseEncodings(t *testing.T) {
	t.Run("Windows1252", func(t *testing.T) {
		doc, err := Parse(strings.NewReader("Operations Group Meeting 105\n23 October 2023, 12:20 \x96 16:00\n"), "m.txt", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Meeting.End != "16:00" || doc.Warnings[0].Line != 0 || !strings.Contains(doc.Warnings[0].Text, "Windows-1252") {
			t.Errorf("meeting %+v, warnings %+v", doc.Meeting, doc.Warnings)
		}
	})
	t.Run("UTF16", func(t *testing.T) {
		var b []byte
		b = append(b, 0xff, 0xfe)
		for _, r := range "Operations Group Meeting 105\r\n" {
			b = append(b, byte(r), 0)
		}
		doc, err := Parse(strings.NewReader(string(b)), "m.txt", Options{})
		if err != nil || doc.Meeting.Number != 105 {
			t.Errorf("got %+v, %v", doc, err)
		}
	})
}
