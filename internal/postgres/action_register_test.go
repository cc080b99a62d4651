package postgres_test

import (
	"context"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestActionsRegister(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)
	today := day(2023, 7, 1)
	d := func(n int) time.Time { return f.meetings[n].Date }
	overdue := f.raise(t, s, 101, 1, d(101), f.albion, ptr(day(2023, 3, 1)), "Albion Energy to share 100% of the vend_failure data.")
	f.change(t, s, overdue, mb.ActionEventRevised, 102, ptr(day(2023, 4, 1)), "Data late.")
	f.change(t, s, overdue, mb.ActionEventRevised, 103, ptr(day(2023, 5, 1)), "Data later.")
	f.raise(t, s, 101, 2, d(101), f.dcc, ptr(day(2023, 12, 31)), "The DCC to publish the outage plan.")
	closed := f.raise(t, s, 101, 3, d(101), f.dcc, ptr(day(2023, 2, 1)), "The DCC to brief the group.")
	f.change(t, s, closed, mb.ActionEventClosed, 102, nil, "Briefed.")
	f.raise(t, s, 104, 1, d(104), f.albion, ptr(day(2023, 5, 1)), "Albion Energy to report on the amber matter.")
	f.raise(t, s, 90, 1, day(2022, 6, 1), f.dcc, ptr(day(2022, 9, 1)), "The DCC to review the old plan.")
	// An action raised in a RED item of the CLEAR meeting 101.
	redItem := f.raise(t, s, 101, 4, d(101), f.albion, ptr(day(2023, 4, 1)), "Albion Energy to brief on the red matter.")
	var itemID int64
	if err := s.Pool().QueryRow(ctx, `INSERT INTO agenda_items (meeting_id, position, title, classification) VALUES ($1, 1, 'Security incident', 'RED') RETURNING id`,
		f.meetings[101].ID).Scan(&itemID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Pool().Exec(ctx, `UPDATE actions SET item_id = $2 WHERE id = $1`, redItem.ID, itemID); err != nil {
		t.Fatal(err)
	}
	// 101 is CLEAR and published; 104 AMBER and circulated (members only).
	// Set last: published minutes take no new actions or items.
	for n, class := range map[int]string{101: "CLEAR", 104: "AMBER"} {
		status := "published"
		if n == 104 {
			status = "circulated"
		}
		if _, err := s.Pool().Exec(ctx, `UPDATE meetings SET classification = $2, minutes_status = $3 WHERE id = $1`, f.meetings[n].ID, class, status); err != nil {
			t.Fatal(err)
		}
	}

	member := &mb.Reader{User: &mb.User{ID: 999, PersonID: 999}, Roles: map[int64][]mb.MemberRole{f.c.ID: {mb.RoleMember}}}
	refs := func(t *testing.T, rd *mb.Reader, filter mb.ActionFilter) []string {
		t.Helper()
		filter.Today = today
		list, err := s.RegisterEntries(ctx, rd, filter)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range list {
			out = append(out, e.Action.Reference())
		}
		return out
	}
	same := func(t *testing.T, got []string, want ...string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	}

	t.Run("AnonymousSeesPublishedClearOnly", func(t *testing.T) {
		// 102 and 103 are circulated (members only), so their events do
		// not hide 101's actions, but 104's AMBER action, the RED item's
		// action and the earlier-history action are not shown.
		same(t, refs(t, mb.Anonymous, mb.ActionFilter{}), "OPSG 101/01", "OPSG 101/02", "OPSG 101/03")
	})
	t.Run("MemberSeesAmberAndHistoryButNotTheRedItem", func(t *testing.T) {
		same(t, refs(t, member, mb.ActionFilter{}), "OPSG 90/01", "OPSG 101/01", "OPSG 101/02", "OPSG 101/03", "OPSG 104/01")
	})
	t.Run("AdminSeesAll", func(t *testing.T) {
		same(t, refs(t, &mb.Reader{User: &mb.User{ID: 1, Admin: true}}, mb.ActionFilter{}), "OPSG 90/01", "OPSG 101/01", "OPSG 101/02", "OPSG 101/03", "OPSG 101/04", "OPSG 104/01")
	})
	t.Run("OverdueForOneOwner", func(t *testing.T) {
		same(t, refs(t, member, mb.ActionFilter{OwnerID: &f.albion, Status: mb.FilterOverdue}), "OPSG 101/01", "OPSG 104/01")
	})
	t.Run("ClosedAndRaisedBetween", func(t *testing.T) {
		same(t, refs(t, member, mb.ActionFilter{Status: mb.FilterClosed}), "OPSG 101/03")
		same(t, refs(t, member, mb.ActionFilter{RaisedFrom: ptr(day(2023, 1, 1)), RaisedTo: ptr(day(2023, 4, 11))}), "OPSG 101/01", "OPSG 101/02", "OPSG 101/03", "OPSG 104/01")
	})
	t.Run("WordsMatchLiterally", func(t *testing.T) {
		same(t, refs(t, member, mb.ActionFilter{Words: []string{"100%", "vend_failure"}}), "OPSG 101/01")
		same(t, refs(t, member, mb.ActionFilter{Words: []string{"10_%"}}))
		same(t, refs(t, member, mb.ActionFilter{Words: []string{"dcc", "PLAN"}}), "OPSG 90/01", "OPSG 101/02")
	})
	t.Run("SortedByTargetAndAgeAndPaged", func(t *testing.T) {
		same(t, refs(t, member, mb.ActionFilter{Sort: mb.SortTarget}), "OPSG 90/01", "OPSG 101/03", "OPSG 101/01", "OPSG 104/01", "OPSG 101/02")
		same(t, refs(t, member, mb.ActionFilter{Sort: mb.SortAge, Limit: 2, Offset: 1}), "OPSG 101/01", "OPSG 101/02")
	})
	t.Run("CountsAndSlippage", func(t *testing.T) {
		totals, err := s.RegisterTotals(ctx, member, mb.ActionFilter{Today: today, Status: mb.FilterClosed})
		if err != nil {
			t.Fatal(err)
		}
		c := mb.CountsOf(totals)
		if c != (mb.RegisterCounts{All: 5, Open: 4, Overdue: 3, Closed: 1}) {
			t.Errorf("counts = %+v", c)
		}
		list, _ := s.RegisterEntries(ctx, member, mb.ActionFilter{Today: today, Words: []string{"vend"}})
		if got := list[0].Slippage; got != (mb.Slippage{Revisions: 2, Days: 61}) {
			t.Errorf("slippage of 101/01 = %+v, want 2 revisions, 61 days", got)
		}
		totals, err = s.RegisterTotals(ctx, member, mb.ActionFilter{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		owners := mb.SlippageByOwner(totals, "")
		if len(owners) != 2 || owners[0].OwnerName != "Albion Energy" || owners[0].Open != 2 || owners[0].Overdue != 2 ||
			owners[0].Revised != 1 || owners[0].AverageSlip != 30.5 || owners[1].Open != 2 || owners[1].Overdue != 1 {
			t.Errorf("owner slippage = %+v", owners)
		}
	})
	t.Run("AgesByOwner", func(t *testing.T) {
		totals, err := s.RegisterTotals(ctx, member, mb.ActionFilter{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		ages := mb.AgesByOwner(totals, "")
		// DCC: 90/01 (13 months) and 101/02 (almost 6 months); Albion:
		// 101/01 (almost 6 months) and 104/01 (under 3 months).
		if len(ages) != 2 || ages[0].OwnerName != "Albion Energy" || ages[0].Bands[0] != 1 || ages[0].Bands[1] != 1 ||
			ages[1].Bands[1] != 1 || ages[1].Bands[3] != 1 {
			t.Errorf("ages = %+v", ages)
		}
	})
}
