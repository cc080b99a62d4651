package minutesimport

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

var fixturePath = fixture.Path(fixture.OPSG105)

func readFixture(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(fixturePath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// opsgWords is what the model document is read with: it is imported into
// OPSG, whose decision words are minutebook's default ones.
var opsgWords = Options{DecisionWords: mb.DefaultDecisionVocabulary}

func TestParseFixture(t *testing.T) {
	doc := ParseText(readFixture(t), opsgWords)

	t.Run("Meeting", func(t *testing.T) {
		want := Meeting{
			Committee: "OPSG", CommitteeName: "Operations Group", Number: 105, Kind: "main",
			Date: "2023-10-23", Start: "12:20", End: "16:00", Venue: "Teleconference",
			Reference: "OPSG_105_2310", Status: "final", Classification: "CLEAR",
		}
		if got := doc.Meeting; got != want {
			t.Errorf("got %+v\nwant %+v", got, want)
		}
	})

	t.Run("Members", func(t *testing.T) {
		got := map[string][]string{}
		var order []string
		for _, a := range doc.Attendees {
			if a.Category == "" {
				continue
			}
			if a.Representing != "" {
				t.Errorf("%s has both a category and an organisation", a.Name)
			}
			if got[a.Category] == nil {
				order = append(order, a.Category)
			}
			got[a.Category] = append(got[a.Category], a.Name)
		}
		want := map[string][]string{
			"Operations Group Chair": {"Dave Warner"},
			"Network Parties":        {"Shuba Khatun"},
			"Large Suppliers":        {"Kevin Donnelly", "Rochelle Harrison", "Sam Draper", "George Macgregor", "Ralph Baxter", "Laurence Cross"},
			"Other SEC Parties":      {"Martin Christie", "Michael Snowden", "Alex Ford"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
		wantOrder := []string{"Operations Group Chair", "Network Parties", "Large Suppliers", "Other SEC Parties"}
		if !reflect.DeepEqual(order, wantOrder) {
			t.Errorf("categories in order %v, want %v", order, wantOrder)
		}
		n := 0
		for _, names := range got {
			n += len(names)
		}
		if n != 11 {
			t.Errorf("%d members, want 11", n)
		}
	})

	t.Run("OtherParticipants", func(t *testing.T) {
		got := map[string][]string{}
		for _, a := range doc.Attendees {
			if a.Representing != "" {
				got[a.Representing] = append(got[a.Representing], a.Name)
			}
		}
		want := map[string][]string{
			// Gary Stuart and David Rollason follow a blank line with no
			// organisation of their own; they are taken to continue the
			// DCC's group, with a warning each (see Warnings).
			"DCC":                   {"Danielle Jackson", "Val Cumberland", "Timothy Dunning", "Daniel Heathcote", "Gary Fairclough", "Adam Rawling", "Andy Rowley", "Ryan Todd", "Gary Stuart", "David Rollason"},
			"SECAS":                 {"Sarah Roebel", "Eugene Asante", "Cherrelle Mclean", "Tim Newton", "Alison Beard"},
			"DESNZ (formally BEIS)": {"Rachel Allen"}, // as written
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %v\nwant %v", got, want)
		}
		if len(doc.Attendees) != 11+16 {
			t.Errorf("%d attendees, want 27", len(doc.Attendees))
		}
	})

	t.Run("PartAttendance", func(t *testing.T) {
		for _, a := range doc.Attendees {
			want := []string{}
			if a.Name == "Adam Rawling" || a.Name == "Andy Rowley" {
				want = []string{"5"}
			}
			if !reflect.DeepEqual(a.PartItems, want) {
				t.Errorf("%s: part_items %q, want %q", a.Name, a.PartItems, want)
			}
			if a.AlternateFor != "" {
				t.Errorf("%s: alternate_for %q, want none", a.Name, a.AlternateFor)
			}
		}
		if a := doc.Attendees[16]; a.Name != "Adam Rawling" || a.Line != 34 {
			t.Errorf("attendee 17 is %s at line %d, want Adam Rawling at line 34", a.Name, a.Line)
		}
	})

	t.Run("Apologies", func(t *testing.T) {
		want := []Apology{
			{Name: "Conroy Saunders", Representing: "SECAS", Line: 50},
			{Name: "Geoff Huckerby", Representing: "Other SEC Parties", Line: 51},
			{Name: "Nick Coombs", Representing: "Large Suppliers", Line: 52},
			{Name: "Emslie Law", Representing: "Large Suppliers", Line: 53},
			{Name: "Cassie Bowerman", Representing: "Small Suppliers", Line: 54},
			{Name: "Ian Drummond", Representing: "DCC", Line: 55},
		}
		if !reflect.DeepEqual(doc.Apologies, want) {
			t.Errorf("got %+v\nwant %+v", doc.Apologies, want)
		}
	})

	t.Run("Items", func(t *testing.T) {
		type item struct{ number, title string }
		want := []item{
			{"1", "Previous Meeting Minutes"},
			{"2", "Actions Outstanding"},
			{"3", "SEC Panel Reports – September 2023"},
			{"4", "Performance Measurement Report – August 2023"},
			{"5", "Business Processes Indicator Performance Summary"},
			{"5.1", "Business Process Indicators"},
			{"5.2", "Prepayment Analysis"},
			{"5.3", "3G Sunsetting Performance"},
			{"6", "Risk Register – Progress Report"},
			{"7", "Major Incident Review"},
			{"8", "Work Package Q2 2023/24 Lookback"},
			{"9", "November 2023 SEC Release"},
			{"10", "Any Other Business"},
			{"10.1", "OPSG 2024 Dates"},
			{"10.2", "OPSG 2023 In-Person Meeting"},
		}
		var got []item
		for _, it := range doc.Items {
			got = append(got, item{it.Number, it.Title})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
		lines := []int{57, 61, 76, 87, 113, 115, 125, 139, 155, 170, 189, 197, 201, 203, 207}
		for k, it := range doc.Items {
			if k < len(lines) && it.Line != lines[k] {
				t.Errorf("item %s at line %d, want %d", it.Number, it.Line, lines[k])
			}
		}
	})

	t.Run("Decisions", func(t *testing.T) {
		type decision struct{ item, kind, text string }
		want := []decision{
			// The bold wraps the committee as well: "The **OPSG APPROVED**".
			{"1", "APPROVED", "The OPSG APPROVED the minutes from OPSG 103 as final."},
			{"2", "NOTED", "The OPSG NOTED the update."},
			// The list form, under "The OPSG:".
			{"3", "NOTED", "NOTED the SEC Panel Reports."},
			{"3", "AGREED", "AGREED with the summary of DCC reporting (Annex 1) noting that the report reflected the service experienced by Users."},
			{"4", "NOTED", "The OPSG NOTED the presentation."},
			{"5.3", "NOTED", "The OPSG NOTED the presentation."},
			{"6", "NOTED", "NOTED the presentation."},
			{"6", "AGREED", "AGREED all four risks above be escalated to the SEC Panel."},
			{"7", "NOTED", "NOTED presentation."},
			{"7", "AGREED", "AGREED that the Review Report for Incident INC000001076111 would require another draft to reflect further investigation before it could be published to all SEC Parties."},
			{"8", "NOTED", "The OPSG NOTED the presentation."},
			// At the end of a paragraph that also holds the minute.
			{"9", "NOTED", "The OPSG NOTED the presentation."},
		}
		var got []decision
		kinds := map[string]int{}
		for _, it := range doc.Items {
			for _, d := range it.Decisions {
				got = append(got, decision{it.Number, d.Kind, d.Text})
				kinds[d.Kind]++
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if w := map[string]int{"APPROVED": 1, "NOTED": 8, "AGREED": 3}; !reflect.DeepEqual(kinds, w) {
			t.Errorf("kinds %v, want %v", kinds, w)
		}
		if d := doc.Items[0].Decisions[0]; d.Line != 59 {
			t.Errorf("the approval is at line %d, want 59", d.Line)
		}
	})

	t.Run("ItemText", func(t *testing.T) {
		// The sentence before the approval stays; the decision does not
		// appear twice.
		if got, want := doc.Items[0].Text, "The Chair invited Operations Group (OPSG) members to comment on the Draft Minutes from OPSG 103."; got != want {
			t.Errorf("item 1 text %q, want %q", got, want)
		}
		if got := doc.Items[11].Text; strings.Contains(got, "NOTED") || !strings.HasSuffix(got, "ahead of implementation.") {
			t.Errorf("item 9 text %q", got)
		}
		// The risks stay in the minute with their review comments, as a list.
		if got := doc.Items[8].Text; !strings.Contains(got, ":\n\n- OPSG-006: There is a risk CSP N") ||
			!strings.Contains(got, "rating.\n- OPSG-002:") || !strings.Contains(got, "\n\n- OPSG-017:") {
			t.Errorf("item 6 text %q", got)
		}
		// The outstanding actions table is not repeated in the text.
		if got, want := doc.Items[1].Text, "SECAS presented the actions outstanding."; got != want {
			t.Errorf("item 2 text %q, want %q", got, want)
		}
		if got := doc.Items[6].Text; !strings.Contains(got, "inclusion into MP242 Change to Operational Metrics to Measure on Success.") {
			t.Errorf("item 5.2 text keeps the link markup: %q", got)
		}
		for _, it := range doc.Items {
			if strings.Contains(it.Text, "*") || strings.Contains(it.Text, "ACTION") || strings.Contains(it.Text, "<i>") {
				t.Errorf("item %s text has markup, an action or a decision: %q", it.Number, it.Text)
			}
		}
	})

	t.Run("Actions", func(t *testing.T) {
		type action struct{ item, ref, owner string }
		want := []action{
			{"4", "105/01", "DCC"},
			{"5.3", "105/02", "DCC"},
			{"5.3", "105/03", "DCC"},
			{"5.3", "105/04", "DCC"},
			{"7", "105/05", "DCC"},
		}
		var got []action
		for _, it := range doc.Items {
			for _, a := range it.Actions {
				got = append(got, action{it.Number, a.Ref, a.Owner})
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q\nwant %q", got, want)
		}
		a := doc.Items[3].Actions[0]
		if !strings.HasPrefix(a.Text, "The DCC to provide a simplified graphic") || !strings.HasSuffix(a.Text, "operational matters.") || a.Line != 111 {
			t.Errorf("action 105/01: %+v", a)
		}
	})

	t.Run("OutstandingActions", func(t *testing.T) {
		want := []OutstandingAction{
			{
				Ref:    "OPSG 102/01",
				Text:   "The DCC to provide TABASC with the formal report relating to Incident 1076111 (SSI/SSMI/Remedy/SMKI Repo and all DUIS traffic) for more detailed review.",
				Raised: "2023-09-12", Target: "2024-02-28", RevisedTarget: "", Owner: "DCC", Status: "Closed", Line: 66,
			},
			{
				Ref: "OPSG 102/05",
				// Joined across the page break, where the heading row repeats.
				Text:   "The DCC to provide an update to the OPSG detailing the cause(s) for the low success rates of, and improvement trajectory for, prepayment and firmware activations observed in SMETS1 FOC.",
				Raised: "2023-09-12", Target: "2023-12-31", RevisedTarget: "", Owner: "DCC", Status: "Closed", Line: 68,
			},
		}
		if !reflect.DeepEqual(doc.OutstandingActions, want) {
			t.Errorf("got %+v\nwant %+v", doc.OutstandingActions, want)
		}
	})

	t.Run("Risks", func(t *testing.T) {
		type risk struct {
			ref      string
			severity int
			band     string
		}
		want := []risk{{"OPSG-006", 20, "Critical"}, {"OPSG-019", 16, "High"}, {"OPSG-002", 15, "High"}, {"OPSG-017", 15, "High"}}
		var flat, item6 []risk
		for _, r := range doc.Risks {
			flat = append(flat, risk{r.Ref, r.Severity, r.Band})
		}
		for _, r := range doc.Items[8].Risks {
			item6 = append(item6, risk{r.Ref, r.Severity, r.Band})
		}
		if !reflect.DeepEqual(flat, want) || !reflect.DeepEqual(item6, want) {
			t.Errorf("flat %v, item 6 %v, want %v", flat, item6, want)
		}
		if got, want := doc.Risks[0].Text, "There is a risk CSP N will fail to meet SEC requirements, creating barriers for Service Users when operating at a large scale."; got != want {
			t.Errorf("OPSG-006 text %q, want %q", got, want)
		}
		for _, it := range doc.Items {
			if it.Number != "6" && len(it.Risks) > 0 {
				t.Errorf("item %s has risks %v", it.Number, it.Risks)
			}
		}
	})

	t.Run("NextMeetings", func(t *testing.T) {
		want := []NextMeeting{{Kind: "main", Date: "2023-11-14"}, {Kind: "reporting", Date: "2023-11-27"}}
		if !reflect.DeepEqual(doc.NextMeetings, want) {
			t.Errorf("got %v, want %v", doc.NextMeetings, want)
		}
	})

	t.Run("UnrecognisedAndWarnings", func(t *testing.T) {
		// Every line of the model document is placed.
		if len(doc.Unrecognised) != 0 {
			t.Errorf("unrecognised: %+v", doc.Unrecognised)
		}
		// The only ambiguity: Gary Stuart (38) and David Rollason (39)
		// follow a blank line with no organisation of their own.
		var lines []int
		for _, w := range doc.Warnings {
			lines = append(lines, w.Line)
		}
		if want := []int{38, 39}; !reflect.DeepEqual(lines, want) {
			t.Errorf("warnings %+v, want lines %v", doc.Warnings, want)
		}
	})
}

func TestFixtureEveryLineAccounted(t *testing.T) {
	text := readFixture(t)
	doc := ParseText(text, opsgWords)
	for _, p := range unaccounted(doc, text) {
		t.Error(p)
	}
	// And the check itself has teeth: a line nobody claims is caught.
	doc.roles[59] = ""
	if len(unaccounted(doc, text)) == 0 {
		t.Error("an unclaimed line went unnoticed")
	}
}

func BenchmarkParseFixture(b *testing.B) {
	text := readFixture(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ParseText(text, opsgWords)
	}
}
