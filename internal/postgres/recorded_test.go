package postgres_test

import (
	"context"
	"testing"
)

// TestRecordedAtOneMeeting checks that Recorded and RecordedAmong, which
// ask about one meeting or a few, agree with RecordedMeetings: present and
// in part admit, apologies do not, and another person's attendance never.
func TestRecordedAtOneMeeting(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)
	var person, other int64
	if err := s.Pool().QueryRow(ctx, `INSERT INTO people (name) VALUES ('Kevin Donnelly') RETURNING id`).Scan(&person); err != nil {
		t.Fatal(err)
	}
	if err := s.Pool().QueryRow(ctx, `INSERT INTO people (name) VALUES ('Gary Stuart') RETURNING id`).Scan(&other); err != nil {
		t.Fatal(err)
	}
	attend := func(n int, who int64, status, part string) {
		t.Helper()
		if _, err := s.Pool().Exec(ctx, `INSERT INTO attendance (meeting_id, person_id, status, part_items) VALUES ($1, $2, $3, $4)`,
			f.meetings[n].ID, who, status, part); err != nil {
			t.Fatal(err)
		}
	}
	attend(101, person, "present", "")
	attend(102, person, "part", "5")
	attend(103, person, "apologies", "")
	attend(104, other, "present", "")
	want := map[int]bool{101: true, 102: true, 103: false, 104: false, 105: false}
	all, err := s.RecordedMeetings(ctx, person)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for n, recorded := range want {
		id := f.meetings[n].ID
		ids = append(ids, id)
		got, err := s.Recorded(ctx, person, id)
		if err != nil {
			t.Fatal(err)
		}
		if got != recorded || all[id] != recorded {
			t.Errorf("meeting %d: Recorded %v, RecordedMeetings %v, want %v", n, got, all[id], recorded)
		}
	}
	among, err := s.RecordedAmong(ctx, person, ids)
	if err != nil {
		t.Fatal(err)
	}
	for n, recorded := range want {
		if among[f.meetings[n].ID] != recorded {
			t.Errorf("meeting %d: RecordedAmong %v, want %v", n, among[f.meetings[n].ID], recorded)
		}
	}
	if among, err := s.RecordedAmong(ctx, person, []int64{f.meetings[103].ID}); err != nil || len(among) != 0 {
		t.Errorf("among apologies only: %v %v, want none", among, err)
	}
	if among, err := s.RecordedAmong(ctx, person, nil); err != nil || len(among) != 0 {
		t.Errorf("among no meetings: %v %v, want none", among, err)
	}
}
