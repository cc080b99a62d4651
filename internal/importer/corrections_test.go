package importer_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The preview corrects everything that was read (issue 15, point 3); each
// correction is kept in the document, and applying it again changes
// nothing more.
func TestCorrections(t *testing.T) {
	doc := parse(t, fixture.Path(fixture.OPSG105))
	categories := []string{"Operations Group Chair", "Network Parties", "Large Suppliers", "Small Suppliers", "Other SEC Parties"}
	n := len(doc.Attendees)
	v := importer.FormValues(doc)
	// What the page shows as read.
	if v[importer.PersonField(16, "name")] != "Adam Rawling" || v[importer.PersonField(16, "status")] != "part" || v[importer.PersonField(16, "part")] != "5" ||
		v[importer.DecisionField(0, 0, "text")] != "the minutes from OPSG 103 as final" || v[importer.ActionField(3, 0, "ref")] != "105/01" {
		t.Fatalf("values %v", v)
	}
	sent := importer.Values{
		"date": "2023-10-24", "venue": "London", "classification": "AMBER",
		importer.ItemField(0, "title"):           "Minutes of OPSG 103",
		importer.ItemField(6, "number"):          "6", // 5.2 made an item of its own
		importer.ItemField(8, "classification"):  "RED",
		importer.PersonField(26, "organisation"): "DESNZ (formerly BEIS)",
		importer.PersonField(11, "category"):     "large suppliers", importer.PersonField(11, "organisation"): "DCC",
		importer.PersonField(3, "status"): "apologies",
		importer.PersonField(4, "status"): "absent",
		importer.PersonField(5, "status"): "part", importer.PersonField(5, "part"): "3 and 4",
		importer.PersonField(n+5, "status"):    "present", // Ian Drummond came after all
		importer.PersonField(0, "name"):        "David Warner",
		importer.DecisionField(1, 0, "kind"):   "", // "NOTED the update" is no decision
		importer.DecisionField(2, 1, "kind"):   "ENDORSED",
		importer.DecisionField(2, 1, "text"):   "the summary of DCC reporting",
		importer.ActionField(3, 0, "owner"):    "SECAS",
		importer.ActionField(3, 0, "target"):   "2023-12-01",
		importer.ActionField(7, 2, "text"):     "", // not an action
		importer.RiskField(8, 0, "likelihood"): "5", importer.RiskField(8, 0, "impact"): "3",
		importer.OutstandingField(0, "status"): "Open",
		importer.NextMeetingField(1, "date"):   "",
	}
	c, fe := importer.ReadCorrections(doc, sent)
	if len(fe) != 0 {
		t.Fatalf("errors %v", fe)
	}
	c.Apply(doc, categories)
	once := importer.FormValues(doc)
	// The page shown again, and sent back unchanged, changes nothing.
	again, fe := importer.ReadCorrections(doc, once)
	if len(fe) != 0 {
		t.Fatalf("errors %v", fe)
	}
	again.Apply(doc, categories)
	if twice := importer.FormValues(doc); !reflect.DeepEqual(once, twice) {
		for k, v := range twice {
			if once[k] != v {
				t.Errorf("sent back unchanged, %s became %q from %q", k, v, once[k])
			}
		}
	}
	for field, want := range sent {
		if strings.HasPrefix(field, "p-") {
			continue // people move in the roll call; checked below by name
		}
		if field == importer.DecisionField(1, 0, "kind") {
			continue
		}
		if got := once[field]; got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	people := map[string]importer.PersonCorrection{}
	for _, p := range importer.Roll(doc) {
		people[p.Name] = p
	}
	for name, want := range map[string]importer.PersonCorrection{
		"David Warner":      {Name: "David Warner", Category: "Operations Group Chair", Status: "present"},
		"Rachel Allen":      {Name: "Rachel Allen", Organisation: "DESNZ (formerly BEIS)", Status: "present"},
		"Danielle Jackson":  {Name: "Danielle Jackson", Organisation: "DCC", Category: "Large Suppliers", Status: "present"}, // the committee's spelling
		"Rochelle Harrison": {Name: "Rochelle Harrison", Category: "Large Suppliers", Status: "apologies"},
		"Sam Draper":        {Name: "Sam Draper", Category: "Large Suppliers", Status: "absent"},
		"George Macgregor":  {Name: "George Macgregor", Category: "Large Suppliers", Status: "part", PartItems: "3, 4"},
		"Ian Drummond":      {Name: "Ian Drummond", Organisation: "DCC", Status: "present"},
	} {
		if got := people[name]; got != want {
			t.Errorf("%s: %+v, want %+v", name, got, want)
		}
	}
	if len(doc.Attendees) != n || len(doc.Apologies) != 6 {
		t.Errorf("the roll call: %d attendees, %d apologies", len(doc.Attendees), len(doc.Apologies))
	}

	imp, err := importer.Convert(doc, importer.Options{Committee: "OPSG"})
	if err != nil {
		t.Fatalf("%v %v", err, mb.ErrorFields(err))
	}
	var names []string
	for _, a := range imp.Attendees {
		names = append(names, a.Name)
	}
	if strings.Contains(strings.Join(names, ","), doc.Attendees[3].Name) {
		t.Errorf("the absent attendee %s is recorded", doc.Attendees[3].Name)
	}
	if it := imp.Items[1]; len(it.Decisions) != 0 || !strings.Contains(it.Minute, "The OPSG NOTED the update.") {
		t.Errorf("item 2: decisions %v, minute %q", it.Decisions, it.Minute)
	}
	if got := imp.Items[2].Decisions[1]; got.Kind != "ENDORSED" || got.Text != "the summary of DCC reporting" {
		t.Errorf("corrected decision %+v", got)
	}
	if len(imp.Items[4].Children) != 1 || imp.Items[5].Title != "Prepayment Analysis" {
		t.Errorf("5.2 as an item: %+v", imp.Items[4:6])
	}
	a := itemNumbered(imp, "4").Actions[0]
	if a.Owner != "SECAS" || a.Target == nil || a.Target.Format("2006-01-02") != "2023-12-01" {
		t.Errorf("corrected action %+v", a)
	}
	if len(imp.NextMeetings) != 1 {
		t.Errorf("next meetings %+v", imp.NextMeetings)
	}
}

func TestReadCorrectionsKeepsWhatWasTyped(t *testing.T) {
	doc := parse(t, fixture.Path(fixture.OPSG105))
	_, fe := importer.ReadCorrections(doc, importer.Values{
		"number": "one hundred and five", importer.RiskField(8, 0, "impact"): "9", importer.ActionField(3, 0, "target"): "31/12/2023",
		importer.PersonField(16, "part"): "", importer.PersonField(2, "name"): " ",
	})
	for _, field := range []string{"number", importer.RiskField(8, 0, "impact"), importer.ActionField(3, 0, "target"), importer.PersonField(16, "part"), importer.PersonField(2, "name")} {
		if fe[field] == "" {
			t.Errorf("no message for %s: %v", field, fe)
		}
	}
}

// A line the parser could not place can be put in an item's minute.
func TestLineBelongsToAnItem(t *testing.T) {
	doc := parse(t, fixture.Layout("workgroup-action-log.txt"))
	c, _ := importer.ReadCorrections(doc, importer.Values{importer.LineField(28): "item 1", importer.LineField(1): "noise", "number": "4"})
	c.Apply(doc, nil)
	imp, err := importer.Convert(doc, importer.Options{Committee: "GW417"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(imp.Items[0].Minute, "Copies of all papers are available at") {
		t.Errorf("item 1's minute %q", imp.Items[0].Minute)
	}
}
