package export_test

import (
	"fmt"
	"time"

	"github.com/minutebook/minutebook/internal/export"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sample is a small document with every kind of part, and one item the
// reader may not see: item 3, AMBER, whose words must appear nowhere. Its
// names and words carry the characters a font must have: – ’ é ✓.
func sample(status mb.MinutesStatus) *export.Document {
	m := &mb.Meeting{
		ID: 1, CommitteeID: 1, CommitteeCode: "OPSG", CommitteeName: "Operations Group", Number: 105,
		Kind: mb.MainMeeting, Date: day(2023, 10, 23), Start: &mb.TimeOfDay{Hour: 12, Minute: 20}, End: &mb.TimeOfDay{Hour: 16},
		Venue: "Teleconference", Reference: "OPSG_105_2310", Classification: mb.Clear, Status: status,
	}
	person := func(name, category, org string) mb.Attendee {
		return mb.Attendee{PersonName: name, Category: category, RepresentingName: org, Status: mb.Present}
	}
	target := day(2024, 2, 28)
	d := &export.Document{
		Meeting: m,
		Members: []mb.AttendeeGroup{
			{Name: "Operations Group Chair", Attendees: []mb.Attendee{person("Dave Warner", "Operations Group Chair", "")}},
			{Name: "Large Suppliers", Attendees: []mb.Attendee{person("Renée Lefèvre", "Large Suppliers", ""), person("Kevin Donnelly", "Large Suppliers", "")}},
		},
		Others: []mb.AttendeeGroup{{Name: "DCC", Attendees: []mb.Attendee{
			{PersonName: "Adam Rawling", RepresentingName: "DCC", Status: mb.Part, PartItems: "5"},
		}}},
		Apologies: []mb.AttendeeGroup{{Name: "SECAS", Attendees: []mb.Attendee{{PersonName: "Conroy Saunders", RepresentingName: "SECAS", Status: mb.Apologies}}}},
		Items: []*export.Item{
			{Item: &mb.Item{Number: "1", Title: "Previous Meeting Minutes", Minute: "The Chair invited members to comment.",
				Decisions: []mb.Decision{{Kind: "APPROVED", Text: "the minutes from OPSG 103 as final"}}}},
			{Item: &mb.Item{Number: "2", Title: "Actions Outstanding", Minute: "SECAS presented the actions outstanding ✓.",
				Decisions: []mb.Decision{{Kind: "NOTED", Text: "the update"}}}, Outstanding: true},
			// The server hands a withheld item over with its number and level
			// only; the renderer must not write more even when given more.
			{Item: &mb.Item{Number: "3", Title: withheldWords, Minute: withheldWords + " in full.", Classification: mb.Amber,
				Decisions: []mb.Decision{{Kind: "NOTED", Text: withheldWords}}}, Withheld: true},
			{Item: &mb.Item{Number: "4", Title: "Risk Register – Progress Report", Placement: mb.AfterSubItems, Minute: "**Key risks**\n\nThe OPSG reviewed the risks:\n\n- first point\n- second *point*\n\n1. one\n2. two",
				Decisions: []mb.Decision{{Kind: "NOTED", Text: "the presentation"}, {Kind: "AGREED", Text: "all four risks be escalated"}},
				Actions:   []mb.Action{{CommitteeCode: "OPSG", MeetingNumber: 105, Sequence: 1, Text: "The DCC to provide a simplified graphic."}}},
				Reviews:  []mb.RiskReview{{Reference: "OPSG-006", Statement: "There is a risk CSP N will fail", Likelihood: 4, Impact: 5, Band: "Critical", Comment: "SECAS advised."}},
				Children: []*export.Item{{Item: &mb.Item{Number: "4.1", Title: "Sub-item’s title", Minute: "Text of the sub-item."}}}},
		},
		Outstanding: []mb.OutstandingAction{{
			Action:     &mb.Action{CommitteeCode: "OPSG", MeetingNumber: 102, Sequence: 1, Text: "The DCC to provide TABASC with the formal report.", OwnerName: "DCC", RaisedOn: day(2023, 9, 12)},
			LastTarget: &target, StatusAfter: mb.ActionClosed,
		}},
		OutstandingInItem: true,
		Next:              []mb.NextMeeting{{Kind: mb.MainMeeting, Number: 106, Date: day(2023, 11, 14)}},
		Made:              time.Date(2023, 11, 20, 9, 30, 0, 0, time.UTC),
	}
	if status == mb.Approved || status == mb.Published {
		d.ApprovedBy = "OPSG 106"
	}
	return d
}

// withheldWords are the words of the withheld item, which no reader below
// AMBER may find in either file.
const withheldWords = "Confidential incident review"

// long is the sample with enough attendees and actions outstanding to run
// over several pages, so that page breaks fall inside the tables.
func long() *export.Document {
	d := sample(mb.Published)
	for g := range 12 {
		grp := mb.AttendeeGroup{Name: fmt.Sprintf("Organisation %02d", g)}
		for k := range 7 {
			grp.Attendees = append(grp.Attendees, mb.Attendee{PersonName: fmt.Sprintf("Person %02d-%d", g, k), RepresentingName: grp.Name, Status: mb.Present})
		}
		d.Others = append(d.Others, grp)
	}
	for k := range 60 {
		d.Outstanding = append(d.Outstanding, mb.OutstandingAction{
			Action:      &mb.Action{CommitteeCode: "OPSG", MeetingNumber: 90 + k/10, Sequence: k%10 + 1, Text: fmt.Sprintf("The DCC to report on the performance of measure number %d across all the regions and service providers concerned.", k), OwnerName: "DCC", RaisedOn: day(2023, 1, 1).AddDate(0, 0, k)},
			StatusAfter: mb.ActionOpen,
		})
	}
	return d
}
