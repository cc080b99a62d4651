package importer_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/fixture"

	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

func parse(t *testing.T, path string) *minutesimport.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Read in the words of a committee that decides as the document does.
	doc, err := minutesimport.Parse(f, path, minutesimport.Options{DecisionWords: fixture.DecisionWords(path)})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func day(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

func TestConvertFixture(t *testing.T) {
	imp, err := importer.Convert(parse(t, fixture.Path(fixture.OPSG105)), importer.Options{Source: "opsg-105.txt"})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Header", func(t *testing.T) {
		if imp.CommitteeCode != "OPSG" || imp.Number != 105 || imp.Kind != mb.MainMeeting || !imp.Date.Equal(day("2023-10-23")) ||
			imp.Start.String() != "12:20" || imp.End.String() != "16:00" || imp.Venue != "Teleconference" ||
			imp.Classification != mb.Clear || imp.Reference != "OPSG_105_2310" || !imp.Final || imp.Source != "opsg-105.txt" {
			t.Errorf("header %+v", imp)
		}
		if len(imp.Notes) != 0 {
			t.Errorf("notes %+v, want none for the model document", imp.Notes)
		}
	})
	t.Run("Attendance", func(t *testing.T) {
		count := map[mb.AttendanceStatus]int{}
		for _, a := range imp.Attendees {
			count[a.Status]++
			if a.Name == "Adam Rawling" && (a.Status != mb.Part || a.PartItems != "5" || a.Representing != "DCC") {
				t.Errorf("Adam Rawling: %+v", a)
			}
			if a.Name == "Geoff Huckerby" && (a.Status != mb.Apologies || a.Representing != "Other SEC Parties") {
				t.Errorf("Geoff Huckerby: %+v", a)
			}
		}
		if want := map[mb.AttendanceStatus]int{mb.Present: 25, mb.Part: 2, mb.Apologies: 6}; !reflect.DeepEqual(count, want) {
			t.Errorf("attendance %v, want %v", count, want)
		}
	})
	t.Run("ItemsNestedAndNumbered", func(t *testing.T) {
		var got []string
		for _, it := range imp.Items {
			got = append(got, it.Number)
			for _, c := range it.Children {
				got = append(got, c.Number)
			}
		}
		want := strings.Fields("1 2 3 4 5 5.1 5.2 5.3 6 7 8 9 10 10.1 10.2")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("items %v, want %v", got, want)
		}
	})
	t.Run("DecisionsAreWhatFollowsTheWord", func(t *testing.T) {
		want := map[string][]mb.Decision{
			"1": {{Kind: "APPROVED", Text: "the minutes from OPSG 103 as final"}},
			"3": {{Kind: "NOTED", Text: "the SEC Panel Reports"}, {Kind: "AGREED", Text: "with the summary of DCC reporting (Annex 1) noting that the report reflected the service experienced by Users"}},
			"6": {{Kind: "NOTED", Text: "the presentation"}, {Kind: "AGREED", Text: "all four risks above be escalated to the SEC Panel"}},
		}
		for n, w := range want {
			if got := itemNumbered(imp, n).Decisions; !reflect.DeepEqual(got, w) {
				t.Errorf("item %s decisions %+v, want %+v", n, got, w)
			}
		}
	})
	t.Run("ActionsInTheirItems", func(t *testing.T) {
		a := itemNumbered(imp, "5.3").Actions
		if len(a) != 3 || a[0].MeetingNumber != 105 || a[0].Sequence != 2 || a[0].Owner != "DCC" || a[0].Reference("OPSG") != "OPSG 105/02" {
			t.Errorf("item 5.3 actions %+v", a)
		}
	})
	t.Run("RisksLeaveTheMinuteForReviews", func(t *testing.T) {
		it := itemNumbered(imp, "6")
		if want := "The OPSG reviewed the existing four highest severity risks and agreed that risks with severity ratings of 15 and above should be escalated to the SEC Panel:"; it.Minute != want {
			t.Errorf("item 6 minute %q", it.Minute)
		}
		if len(it.Risks) != 4 {
			t.Fatalf("risks %+v", it.Risks)
		}
		r := it.Risks[1]
		if r.Reference != "OPSG-019" || r.Severity != 16 || r.Band != "High" || !strings.HasPrefix(r.Statement, "There is a risk congestion") ||
			r.Comment != "SECAS advised that work is ongoing between SECAS and the DCC as part of the SEC Panel sponsored project to provide proposed next steps to address the risks around Peak Demand and Capacity issues to complement the programmes of work the DCC already has underway. The OPSG did not ask for any change to the Risk Severity rating." ||
			!strings.HasPrefix(r.Entry, "- OPSG-019: There is a risk") {
			t.Errorf("OPSG-019 %+v", r)
		}
	})
	t.Run("OutstandingAndNextMeetings", func(t *testing.T) {
		o := imp.Outstanding
		if len(o) != 2 || o[0].Reference() != "OPSG 102/01" || !o[0].Closed || !o[0].Raised.Equal(day("2023-09-12")) || !o[0].Target.Equal(day("2024-02-28")) || o[0].RevisedTarget != nil || o[0].Owner != "DCC" {
			t.Errorf("outstanding %+v", o)
		}
		want := []mb.ImportedNextMeeting{{Kind: mb.MainMeeting, Date: day("2023-11-14")}, {Kind: mb.ReportingMeeting, Date: day("2023-11-27")}}
		if !reflect.DeepEqual(imp.NextMeetings, want) {
			t.Errorf("next meetings %+v", imp.NextMeetings)
		}
	})
}

func itemNumbered(imp *mb.MinutesImport, n string) *mb.ImportedItem {
	for i := range imp.Items {
		if imp.Items[i].Number == n {
			return &imp.Items[i]
		}
		for j := range imp.Items[i].Children {
			if imp.Items[i].Children[j].Number == n {
				return &imp.Items[i].Children[j]
			}
		}
	}
	return &mb.ImportedItem{}
}

func TestConvertProblems(t *testing.T) {
	t.Run("ErrWhatTheDocumentLacks", func(t *testing.T) {
		doc := minutesimport.ParseText("Some notes\n\n1. \n\nText.\n", minutesimport.Options{})
		_, err := importer.Convert(doc, importer.Options{})
		fields := mb.ErrorFields(err)
		for _, f := range []string{importer.FieldCommittee, importer.FieldNumber, importer.FieldDate} {
			if fields[f] == "" {
				t.Errorf("no message for %s in %v", f, fields)
			}
		}
		if mb.ErrorCode(err) != mb.EINVALID || !strings.Contains(mb.ErrorMessage(err), "does not name its committee") {
			t.Errorf("err = %v (%s)", err, mb.ErrorMessage(err))
		}
	})
	t.Run("OKCommitteeGivenOverrulesWithANote", func(t *testing.T) {
		imp, err := importer.Convert(parse(t, fixture.Path(fixture.OPSG105)), importer.Options{Committee: "opsgx"})
		if err != nil {
			t.Fatal(err)
		}
		if imp.CommitteeCode != "OPSGX" || len(imp.Notes) != 1 || !strings.Contains(imp.Notes[0].Text, "names the committee OPSG") {
			t.Errorf("code %s notes %+v", imp.CommitteeCode, imp.Notes)
		}
	})
	t.Run("OKUnclassifiedIsAmberWithANote", func(t *testing.T) {
		doc := parse(t, fixture.Path(fixture.OPSG105))
		doc.Meeting.Classification = ""
		imp, err := importer.Convert(doc, importer.Options{})
		if err != nil || imp.Classification != mb.Amber || len(imp.Notes) != 1 {
			t.Errorf("classification %v notes %+v err %v", imp.Classification, imp.Notes, err)
		}
	})
	t.Run("ErrEndBeforeStart", func(t *testing.T) {
		doc := parse(t, fixture.Path(fixture.OPSG105))
		doc.Meeting.End = "11:00"
		doc.Items[3].Title = " "
		_, err := importer.Convert(doc, importer.Options{})
		if f := mb.ErrorFields(err); f[importer.FieldEnd] == "" || f[importer.TitleField(3)] == "" {
			t.Errorf("fields %v", f)
		}
	})
	t.Run("OKIrregularNumbersRenumberedWithNotes", func(t *testing.T) {
		doc := minutesimport.ParseText("OPSG_105_2310 – Draft Minutes\n\n23 October 2023\n\n1. First\n\nText.\n\n3. Third\n\nMore.\n\n3.2. Sub\n\nSub text.\n", minutesimport.Options{Committee: "OPSG", DecisionWords: mb.DefaultDecisionVocabulary})
		imp, err := importer.Convert(doc, importer.Options{Committee: "OPSG"})
		if err != nil {
			t.Fatal(err)
		}
		if len(imp.Items) != 2 || imp.Items[1].Number != "2" || imp.Items[1].Written != "3" || imp.Items[1].Children[0].Number != "2.1" {
			t.Errorf("items %+v", imp.Items)
		}
		if len(imp.Notes) != 3 { // unclassified, and the two renumbered items
			t.Errorf("notes %+v", imp.Notes)
		}
	})
}

func TestDecisionText(t *testing.T) {
	for _, tc := range []struct{ kind, sentence, want string }{
		{"NOTED", "The OPSG NOTED the update.", "the update"},
		{"APPROVED", "The OPSG APPROVED the minutes from OPSG 103 as final.", "the minutes from OPSG 103 as final"},
		{"AGREED", "AGREED with the summary.", "with the summary"},
		{"NOTED", "The OPSG NOTED.", "The OPSG NOTED"},
		{"ENDORSED", "The TABASC ENDORSED: the plan", "the plan"},
	} {
		if got := importer.DecisionText(tc.kind, tc.sentence); got != tc.want {
			t.Errorf("DecisionText(%q, %q) = %q, want %q", tc.kind, tc.sentence, got, tc.want)
		}
	}
}
