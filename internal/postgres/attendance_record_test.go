package postgres_test

import (
	"context"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestAttendanceRecord(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	// At 106 Kevin sends apologies and Shuba attends for him.
	kevin := f.people["Kevin Donnelly"]
	roll := []mb.Attendee{
		{PersonID: f.people["Dave Warner"], Status: mb.Present, Category: "Operations Group Chair"},
		{PersonID: kevin, Status: mb.Apologies, Category: "Large Suppliers"},
		{PersonID: f.people["Owen Pritchard"], Status: mb.Present, Category: "Large Suppliers", AlternateForID: &kevin},
	}
	if _, err := s.SaveAttendance(ctx, f.m106.ID, f.m106.AttendanceVersion, roll); err != nil {
		t.Fatal(err)
	}
	period := mb.AttendancePeriod{From: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)}
	list, err := s.AttendanceRecord(ctx, f.committee.ID, []int64{f.m105.ID, f.m106.ID}, period)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]mb.MemberAttendance{}
	for _, m := range list {
		got[m.Name] = m
	}
	if len(list) != 5 || list[0].Name != "Dave Warner" {
		t.Fatalf("record %+v", list)
	}
	if m := got["Kevin Donnelly"]; m.Eligible != 2 || m.Attended != 1 || m.ByAlternate != 1 || m.Percent() != 50 {
		t.Errorf("Kevin %+v", m)
	}
	if m := got["Owen Pritchard"]; m.Attended != 2 {
		t.Errorf("Owen %+v: in part at 105 and present at 106", m)
	}
	if m := got["Alex Ford"]; m.Attended != 0 || m.Eligible != 2 {
		t.Errorf("Alex %+v", m)
	}
	// Only the meetings given count: a reader who may open 105 alone.
	list, _ = s.AttendanceRecord(ctx, f.committee.ID, []int64{f.m105.ID}, period)
	for _, m := range list {
		if m.Eligible != 1 {
			t.Errorf("%s eligible for %d meetings of one", m.Name, m.Eligible)
		}
	}
}
