package minutebook

import (
	"strings"
	"testing"
)

func TestAttendeeDisplay(t *testing.T) {
	tests := []struct {
		name string
		a    Attendee
		want string
	}{
		{"Present", Attendee{PersonName: "Dave Warner", Status: Present}, "Dave Warner"},
		{"PartOneItem", Attendee{PersonName: "Adam Rawling", Status: Part, PartItems: "5"}, "Adam Rawling (Part) (Agenda Item 5)"},
		{"PartItems", Attendee{PersonName: "Andy Rowley", Status: Part, PartItems: "5, 7"}, "Andy Rowley (Part) (Agenda Items 5, 7)"},
		{"Alternate", Attendee{PersonName: "Jo Bloggs", Status: Present, AlternateForName: "Kevin Donnelly"}, "Jo Bloggs (alternate for Kevin Donnelly)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Display(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidateAttendance(t *testing.T) {
	dcc := int64(9)
	tests := []struct {
		name    string
		list    []Attendee
		wantErr string
	}{
		{"OK", []Attendee{{PersonID: 1, Status: Present, Category: "Large Suppliers"}, {PersonID: 2, Status: Apologies, RepresentingID: &dcc}}, ""},
		{"ErrPersonTwice", []Attendee{{PersonID: 1, PersonName: "Kevin", Status: Present, Category: "X"}, {PersonID: 1, PersonName: "Kevin", Status: Apologies, Category: "X"}}, "appears once per meeting"},
		{"ErrPartWithoutItems", []Attendee{{PersonID: 1, Status: Part, RepresentingID: &dcc}}, "which agenda items"},
		{"ErrNoGroup", []Attendee{{PersonID: 1, Status: Present}}, "organisation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateAttendance(tt.list)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			var msgs []string
			for _, m := range ErrorFields(err) {
				msgs = append(msgs, m)
			}
			if !strings.Contains(strings.Join(msgs, " "), tt.wantErr) {
				t.Errorf("messages %q lack %q", msgs, tt.wantErr)
			}
		})
	}
}

func TestGroupAttendance(t *testing.T) {
	list := []Attendee{
		{PersonName: "Kevin Donnelly", Category: "Large Suppliers", Status: Present},
		{PersonName: "Dave Warner", Category: "Operations Group Chair", Status: Present},
		{PersonName: "Danielle Jackson", RepresentingName: "DCC", Status: Present},
		{PersonName: "Conroy Saunders", RepresentingName: "SECAS", Status: Apologies},
		{PersonName: "Nick Coombs", Category: "Large Suppliers", Status: Apologies},
	}
	members, others, apologies := GroupAttendance(list, []string{"Operations Group Chair", "Large Suppliers"})
	if len(members) != 2 || members[0].Name != "Operations Group Chair" || members[1].Name != "Large Suppliers" {
		t.Errorf("members = %+v, want the committee's category order", members)
	}
	if len(others) != 1 || others[0].Name != "DCC" {
		t.Errorf("others = %+v", others)
	}
	if len(apologies) != 2 || apologies[0].Name != "SECAS" || apologies[1].Name != "Large Suppliers" {
		t.Errorf("apologies = %+v, want by organisation or category as recorded", apologies)
	}
}

func TestItemValidate(t *testing.T) {
	it := &Item{Title: "  Risk   Register ", Classification: Amber}
	if err := it.Validate(Clear); err != nil || it.Title != "Risk Register" {
		t.Fatalf("err = %v, title %q", err, it.Title)
	}
	it = &Item{Title: "X", Classification: Clear}
	if err := it.Validate(Amber); ErrorFields(err)["classification"] == "" {
		t.Errorf("an item classified below its document was accepted: %v", err)
	}
	if err := (&Item{}).Validate(Clear); ErrorFields(err)["title"] == "" {
		t.Errorf("an item without a title was accepted")
	}
}

func TestDecisionValidateAndSentence(t *testing.T) {
	d := &Decision{Kind: " noted", Text: "the update"}
	if err := d.Validate(DefaultDecisionVocabulary); err != nil {
		t.Fatal(err)
	}
	if got, want := DecisionSentence("OPSG", *d), "The OPSG NOTED the update."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := (&Decision{Kind: "ENDORSED", Text: "x"}).Validate(DefaultDecisionVocabulary); ErrorFields(err)["kind"] == "" {
		t.Error("a word outside the vocabulary was accepted")
	}
}

func TestDiffLines(t *testing.T) {
	got := DiffLines("a\nb\nc\n", "a\nc\nd\n")
	var b strings.Builder
	for _, l := range got {
		b.WriteString([]string{" ", "-", "+"}[l.Op] + l.Text + "|")
	}
	if want := " a|-b| c|+d|"; b.String() != want {
		t.Errorf("diff = %q, want %q", b.String(), want)
	}
	if len(DiffLines("", "")) != 0 {
		t.Error("two empty texts differ")
	}
}

func TestMinutesTextWithholds(t *testing.T) {
	m := &Minutes{Meeting: &Meeting{CommitteeCode: "OPSG", CommitteeName: "Operations Group", Number: 105, Reference: "OPSG_105_2310", Status: Published, Classification: Clear},
		Items: []*Item{{Title: "Open"}, {Title: "Secret", Minute: "hidden words", Classification: Amber}}}
	NumberItems(m.Items)
	text := m.Text(func(it *Item) bool { return it.Classification == Amber })
	if strings.Contains(text, "hidden words") || !strings.Contains(text, "Item 2 is classified AMBER and is not shown.") {
		t.Errorf("text = %q", text)
	}
	if !strings.Contains(text, "OPSG_105_2310 – Final Minutes") || !strings.Contains(text, "1. Open") {
		t.Errorf("text = %q", text)
	}
}
