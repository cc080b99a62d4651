package postgres_test

import (
	"context"
	"fmt"
	"sort"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// TestRegisterScopeMatchesReader checks the register's scope, decided in
// SQL, against the Reader's rules (Reader.ActionScope given every meeting,
// item and recorded meeting) for every minutes status and classification,
// items classified on their own and beneath a classified item, and readers
// recorded at RED meetings or not.
func TestRegisterScopeMatchesReader(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := s.Pool().Exec(ctx, sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	var person int64
	if err := s.Pool().QueryRow(ctx, `INSERT INTO people (name) VALUES ('Kevin Donnelly') RETURNING id`).Scan(&person); err != nil {
		t.Fatal(err)
	}
	type combo struct {
		meeting  *mb.Meeting
		status   mb.MinutesStatus
		level    mb.Classification
		recorded bool
	}
	var combos []combo
	var items []mb.ItemLevel
	var actions []*mb.Action
	number := 200
	for _, st := range mb.MinutesStatuses {
		for _, level := range mb.Classifications {
			for _, recorded := range []bool{false, true} {
				number++
				m := &mb.Meeting{CommitteeID: f.c.ID, Number: number, Kind: mb.MainMeeting, Date: day(2023, 6, 1), Classification: mb.Clear, Status: mb.Draft}
				if err := s.CreateMeeting(ctx, m); err != nil {
					t.Fatal(err)
				}
				m.Classification, m.Status = level, st
				combos = append(combos, combo{m, st, level, recorded})
				if recorded {
					exec(`INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, 'present')`, m.ID, person)
				}
				actions = append(actions, f.raise(t, s, number, 1, m.Date, f.dcc, nil, "Plain."))
				// An action in an item at each level, and one in an
				// unclassified sub-item of an item at each level.
				for i, itemLevel := range mb.Classifications {
					var parent, sub int64
					if err := s.Pool().QueryRow(ctx, `INSERT INTO agenda_items (meeting_id, position, title, classification)
						VALUES ($1, $2, 'Item', $3) RETURNING id`, m.ID, i+1, itemLevel.String()).Scan(&parent); err != nil {
						t.Fatal(err)
					}
					if err := s.Pool().QueryRow(ctx, `INSERT INTO agenda_items (meeting_id, parent_id, position, title)
						VALUES ($1, $2, 1, 'Sub-item') RETURNING id`, m.ID, parent).Scan(&sub); err != nil {
						t.Fatal(err)
					}
					items = append(items, mb.ItemLevel{ID: parent, MeetingID: m.ID, CommitteeID: f.c.ID, Classification: itemLevel},
						mb.ItemLevel{ID: sub, MeetingID: m.ID, CommitteeID: f.c.ID, Classification: itemLevel})
					for j, id := range []int64{parent, sub} {
						a := f.raise(t, s, number, 2+2*i+j, m.Date, f.dcc, nil, fmt.Sprintf("In item %d.", id))
						exec(`UPDATE actions SET item_id = $2 WHERE id = $1`, a.ID, id)
						a.ItemID = &id
						actions = append(actions, a)
					}
				}
			}
		}
	}
	// Set last: published minutes take no new actions or items.
	var meetings []*mb.Meeting
	for _, c := range combos {
		exec(`UPDATE meetings SET classification = $2, minutes_status = $3 WHERE id = $1`, c.meeting.ID, c.level.String(), string(c.status))
		meetings = append(meetings, c.meeting)
	}
	recorded := map[int64]bool{}
	for _, c := range combos {
		recorded[c.meeting.ID] = c.recorded
	}
	signedIn := func(roles map[int64][]mb.MemberRole) *mb.Reader {
		return &mb.Reader{User: &mb.User{ID: 7, PersonID: person}, Roles: roles}
	}
	readers := map[string]*mb.Reader{
		"Anonymous":   mb.Anonymous,
		"NonMember":   signedIn(nil),
		"Member":      signedIn(map[int64][]mb.MemberRole{f.c.ID: {mb.RoleMember}}),
		"Chair":       signedIn(map[int64][]mb.MemberRole{f.c.ID: {mb.RoleChair}}),
		"Secretariat": signedIn(map[int64][]mb.MemberRole{f.c.ID: {mb.RoleSecretariat}}),
		"OtherBody":   signedIn(map[int64][]mb.MemberRole{f.c.ID + 1000: {mb.RoleSecretariat}}),
	}
	for name, rd := range readers {
		t.Run(name, func(t *testing.T) {
			var want []string
			rules := rd.ActionScope(meetings, recorded, items)
			for _, a := range actions {
				raised := *a
				for _, c := range combos {
					if c.meeting.Number == a.MeetingNumber {
						raised.RaisedMeetingID = &c.meeting.ID
					}
				}
				if rules.Sees(&raised) {
					want = append(want, a.Reference())
				}
			}
			sc, err := s.ActionScope(ctx, rd)
			if err != nil {
				t.Fatal(err)
			}
			list, err := s.RegisterEntries(ctx, sc, mb.ActionFilter{Today: day(2023, 7, 1)})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Action.Reference())
			}
			sort.Strings(want)
			sort.Strings(got)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("the register shows %d actions, the Reader's rules %d:\ngot  %v\nwant %v", len(got), len(want), got, want)
			}
			t.Logf("%d of %d actions in scope", len(got), len(actions))
			if len(want) == 0 && name != "Anonymous" && name != "OtherBody" {
				t.Error("the reader should see some actions")
			}
		})
	}
}
