package postgres_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// TestRecordedAtOneMeeting checks that Recorded, and the reading rule in
// SQL (a RED meeting's minutes for those recorded there), agree: present
// and in part admit, apologies do not, and another person's attendance
// never.
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
	if _, err := s.Pool().Exec(ctx, `UPDATE meetings SET classification = 'RED', minutes_status = 'published' WHERE committee_id = $1`, f.c.ID); err != nil {
		t.Fatal(err)
	}
	rd := &mb.Reader{User: &mb.User{ID: 1, PersonID: person}}
	readable, err := s.Meetings(ctx, mb.MeetingFilter{CommitteeID: &f.c.ID, Reader: rd})
	if err != nil {
		t.Fatal(err)
	}
	admitted := map[int64]bool{}
	for _, m := range readable {
		admitted[m.ID] = true
	}
	want := map[int]bool{101: true, 102: true, 103: false, 104: false, 105: false}
	for n, recorded := range want {
		id := f.meetings[n].ID
		got, err := s.Recorded(ctx, person, id)
		if err != nil {
			t.Fatal(err)
		}
		if got != recorded || admitted[id] != recorded {
			t.Errorf("meeting %d: Recorded %v, its RED minutes readable %v, want %v", n, got, admitted[id], recorded)
		}
	}
}
