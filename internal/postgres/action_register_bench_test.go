package postgres_test

import (
	"context"
	"strconv"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// BenchmarkRegisterPage measures one page of a member's filtered register,
// with its counts and slippage, over 2,000 actions.
func BenchmarkRegisterPage(b *testing.B) {
	ctx := context.Background()
	s := mustOpen(b)
	f := newRegisterFixture(b, s)
	for i := 1; i <= 2000; i++ {
		owner := f.dcc
		if i%3 == 0 {
			owner = f.albion
		}
		a := &mb.Action{CommitteeID: f.c.ID, MeetingNumber: 50 + i/99, Sequence: i%99 + 1, RaisedOn: day(2022, 1, 1).AddDate(0, 0, i/10),
			Text: "The DCC to report on item number " + strconv.Itoa(i) + ".", OwnerID: owner, TargetDate: ptr(day(2023, 1, 1).AddDate(0, 0, i/5))}
		if err := s.RecordEarlierAction(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	member := &mb.Reader{User: &mb.User{ID: 1, PersonID: 1}, Roles: map[int64][]mb.MemberRole{f.c.ID: {mb.RoleMember}}}
	filter := mb.ActionFilter{OwnerID: &f.albion, Status: mb.FilterOverdue, Words: []string{"report"}, Sort: mb.SortTarget, Limit: 50, Today: day(2024, 6, 1)}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.RegisterTotals(ctx, member, filter); err != nil {
			b.Fatal(err)
		}
		if list, err := s.RegisterEntries(ctx, member, filter); err != nil || len(list) != 50 {
			b.Fatalf("%d entries, %v", len(list), err)
		}
	}
}
