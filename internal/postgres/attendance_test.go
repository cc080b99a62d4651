package postgres_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestAttendance(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	second := &mb.Item{MeetingID: f.m105.ID, Title: "Business Processes Indicator Performance Summary"}
	if err := s.CreateItem(ctx, second); err != nil {
		t.Fatal(err)
	}
	label := func(t *testing.T) map[string]mb.Attendee {
		t.Helper()
		doc, err := s.Minutes(ctx, f.m105.ID)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]mb.Attendee{}
		for _, a := range doc.Attendance {
			out[a.PersonName] = a
		}
		return out
	}
	version := 1
	t.Run("NewPersonAddedWithTheRollCall", func(t *testing.T) {
		var err error
		version, err = s.SaveAttendance(ctx, f.m105.ID, version, []mb.Attendee{
			{Status: mb.Part, PartItemIDs: []int64{second.ID}, NewPerson: &mb.NewPerson{Name: "Adam  Rawling", Organisation: "DCC"}},
			{Status: mb.Present, NewPerson: &mb.NewPerson{Name: "Rachel Allen", Organisation: "DESNZ (formerly BEIS)"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		got := label(t)
		if a := got["Adam Rawling"]; a.RepresentingName != "DCC" || a.Display() != "Adam Rawling (Part) (Agenda Item 2)" {
			t.Errorf("Adam Rawling %+v", a)
		}
		if a := got["Rachel Allen"]; a.RepresentingName != "DESNZ (formerly BEIS)" {
			t.Errorf("Rachel Allen %+v", a)
		}
		people, _ := s.People(ctx)
		if len(people) != 2 {
			t.Errorf("%d people, want the two added", len(people))
		}
	})
	t.Run("PartAttendanceFollowsAReorder", func(t *testing.T) {
		if err := s.MoveItem(ctx, second.ID, "up"); err != nil {
			t.Fatal(err)
		}
		if a := label(t)["Adam Rawling"]; a.Display() != "Adam Rawling (Part) (Agenda Item 1)" {
			t.Errorf("after the move: %q", a.Display())
		}
	})
	t.Run("ItemsOfAnotherMeetingRefused", func(t *testing.T) {
		other := &mb.Item{MeetingID: f.m106.ID, Title: "Elsewhere"}
		if err := s.CreateItem(ctx, other); err != nil {
			t.Fatal(err)
		}
		list := label(t)
		adam := list["Adam Rawling"]
		adam.PartItemIDs = []int64{other.ID, second.ID}
		var err error
		if version, err = s.SaveAttendance(ctx, f.m105.ID, version, []mb.Attendee{adam}); err != nil {
			t.Fatal(err)
		}
		if a := label(t)["Adam Rawling"]; len(a.PartItemIDs) != 1 || a.PartItemIDs[0] != second.ID {
			t.Errorf("part items %v: another meeting's item kept", a.PartItemIDs)
		}
	})
	t.Run("TextRecordedBeforeBecomesItems", func(t *testing.T) {
		adam := label(t)["Adam Rawling"]
		adam.PartItemIDs, adam.PartItems = nil, "2"
		var err error
		if version, err = s.SaveAttendance(ctx, f.m105.ID, version, []mb.Attendee{adam}); err != nil {
			t.Fatal(err)
		}
		if a := label(t)["Adam Rawling"]; len(a.PartItemIDs) != 1 || a.PartItemIDs[0] != f.item.ID || a.PartItems != "2" {
			t.Errorf("%+v", a)
		}
	})
	t.Run("DeletedItemLeavesThePartAttendance", func(t *testing.T) {
		if err := s.DeleteItem(ctx, f.item.ID); err != nil {
			t.Fatal(err)
		}
		if a := label(t)["Adam Rawling"]; len(a.PartItemIDs) != 0 {
			t.Errorf("part items %v name a deleted item", a.PartItemIDs)
		}
	})
}
