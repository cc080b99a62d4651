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
		{"ErrPartWithoutItems", []Attendee{{PersonID: 1, Status: Part, RepresentingID: &dcc}}, "agenda items"},
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

func TestPartItemsFollowTheItems(t *testing.T) {
	items := []*Item{{ID: 10, Number: "1"}, {ID: 20, Number: "2", Children: []*Item{{ID: 21, Number: "2.1"}}}}
	list := []Attendee{{PersonName: "Adam Rawling", Status: Part, PartItemIDs: []int64{21, 10}}, {PersonName: "Old", Status: Part, PartItems: "5"}}
	LabelPartItems(list, items)
	if list[0].PartItems != "1, 2.1" || list[0].Display() != "Adam Rawling (Part) (Agenda Items 1, 2.1)" || list[1].PartItems != "5" {
		t.Errorf("labels %q, %q", list[0].Display(), list[1].PartItems)
	}
	// Renumbered: item 2 is now first.
	items[0].Number, items[1].Number, items[1].Children[0].Number = "2", "1", "1.1"
	items[0], items[1] = items[1], items[0]
	LabelPartItems(list, items)
	if list[0].PartItems != "1.1, 2" {
		t.Errorf("after the reorder: %q", list[0].PartItems)
	}
	for text, want := range map[string][]string{"5": {"5"}, "5, 7": {"5", "7"}, "5 and 7.1": {"5", "7.1"}} {
		if got, ok := PartItemNumbers(text); !ok || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("PartItemNumbers(%q) = %v, %v", text, got, ok)
		}
	}
	if _, ok := PartItemNumbers("the afternoon"); ok {
		t.Error("words read as item numbers")
	}
}

func TestValidateAttendanceNewPeople(t *testing.T) {
	err := ValidateAttendance([]Attendee{
		{Status: Present, NewPerson: &NewPerson{Name: "Rae Allan", Organisation: "DESNZ"}},
		{Status: Present, NewPerson: &NewPerson{Name: "rae  allan", Organisation: "DESNZ"}},
		{Status: Present, NewPerson: &NewPerson{Name: "No Organisation"}},
	})
	fields := ErrorFields(err)
	if fields["row-0"] != "" || !strings.Contains(fields["row-1"], "already on row 1") || !strings.Contains(fields["row-2"], "organisation") {
		t.Errorf("fields = %v", fields)
	}
}
