package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// formalFixture is minutesFixture with a chair and four members seated,
// meeting 105's roll call (the chair, Kevin and Shuba present, Owen in part
// for item 2, Alex with apologies) and a decision in its item.
type formalFixture struct {
	*minutesFixture
	people   map[string]int64
	decision *mb.Decision
}

func newFormalFixture(t *testing.T, s *postgres.Store) *formalFixture {
	t.Helper()
	ctx := context.Background()
	f := &formalFixture{minutesFixture: newMinutesFixture(t, s), people: map[string]int64{}}
	since := time.Date(2022, 4, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []struct {
		name string
		role mb.MemberRole
		cat  string
	}{{"Dave Warner", mb.RoleChair, "Operations Group Chair"}, {"Kevin Donnelly", mb.RoleMember, "Large Suppliers"},
		{"Shuba Khatun", mb.RoleMember, "Large Suppliers"}, {"Owen Pritchard", mb.RoleMember, "Large Suppliers"}, {"Alex Ford", mb.RoleMember, "Large Suppliers"}} {
		person := &mb.Person{Name: p.name}
		if err := s.CreatePerson(ctx, person); err != nil {
			t.Fatal(err)
		}
		f.people[p.name] = person.ID
		if err := s.CreateMembership(ctx, &mb.Membership{CommitteeID: f.committee.ID, PersonID: person.ID, Role: p.role, Category: p.cat, From: since}); err != nil {
			t.Fatal(err)
		}
	}
	roll := []mb.Attendee{
		{PersonID: f.people["Dave Warner"], Status: mb.Present, Category: "Operations Group Chair"},
		{PersonID: f.people["Kevin Donnelly"], Status: mb.Present, Category: "Large Suppliers"},
		{PersonID: f.people["Shuba Khatun"], Status: mb.Present, Category: "Large Suppliers"},
		{PersonID: f.people["Owen Pritchard"], Status: mb.Part, PartItems: "2", Category: "Large Suppliers"},
		{PersonID: f.people["Alex Ford"], Status: mb.Apologies, Category: "Large Suppliers"},
	}
	if _, err := s.SaveAttendance(ctx, f.m105.ID, f.m105.AttendanceVersion, roll); err != nil {
		t.Fatal(err)
	}
	f.decision = &mb.Decision{ItemID: f.item.ID, Kind: "APPROVED", Text: "the modification"}
	if err := s.CreateDecision(ctx, f.decision); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *formalFixture) ballot(name string, c mb.VoteChoice) mb.Ballot {
	return mb.Ballot{VoterID: f.people[name], Choice: c}
}

func TestSaveVote(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)

	t.Run("OKNamed", func(t *testing.T) {
		v := &mb.Vote{DecisionID: f.decision.ID, Named: true, Ballots: []mb.Ballot{
			f.ballot("Dave Warner", mb.VoteFor), f.ballot("Kevin Donnelly", mb.VoteFor), f.ballot("Shuba Khatun", mb.VoteAgainst),
			{VoterID: f.people["Shuba Khatun"], MemberID: f.people["Alex Ford"], Choice: mb.VoteAbstain}}}
		if err := s.SaveVote(ctx, v); err != nil {
			t.Fatal(err, mb.ErrorFields(err))
		}
		d, err := s.Decision(ctx, f.decision.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Vote == nil || !d.Vote.Named || d.Vote.For != 2 || d.Vote.Against != 1 || d.Vote.Abstain != 1 || len(d.Vote.Ballots) != 4 {
			t.Fatalf("vote %+v", d.Vote)
		}
		if b := d.Vote.Ballots[3]; b.Display() != "Shuba Khatun for Alex Ford" {
			t.Errorf("proxy ballot %q", b.Display())
		}
		items, err := s.Items(ctx, f.m105.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := mb.DecisionSentence("OPSG", items[0].Decisions[0]); got != "The OPSG voted 2 for, 1 against, with 1 abstention, and APPROVED the modification." {
			t.Errorf("sentence %q", got)
		}
	})
	t.Run("ErrStale", func(t *testing.T) {
		err := s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, For: 3})
		if mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("got %v, want a conflict", err)
		}
	})
	t.Run("OKCountsReplace", func(t *testing.T) {
		if err := s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, For: 3, Against: 1, Version: 1}); err != nil {
			t.Fatal(err)
		}
		d, _ := s.Decision(ctx, f.decision.ID)
		if d.Vote.Named || len(d.Vote.Ballots) != 0 || d.Vote.For != 3 || d.Vote.Version != 2 {
			t.Fatalf("vote %+v", d.Vote)
		}
	})
	t.Run("ErrCasting", func(t *testing.T) {
		err := s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, For: 2, Against: 2, CastingVote: mb.VoteFor, Version: 2})
		if !strings.Contains(mb.ErrorFields(err)["casting_vote"], "no casting vote") {
			t.Fatalf("got %v", mb.ErrorFields(err))
		}
	})
	t.Run("OKDelete", func(t *testing.T) {
		if err := s.DeleteVote(ctx, f.decision.ID); err != nil {
			t.Fatal(err)
		}
		d, _ := s.Decision(ctx, f.decision.ID)
		if d.Vote != nil {
			t.Fatal("the vote should be gone")
		}
	})
}

// TestVoteRefusesDeclaredMember is the issue's own case: a member who
// declared an interest and left the room cannot be counted in the vote.
func TestVoteRefusesDeclaredMember(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	d := &mb.Declaration{ItemID: f.item.ID, PersonID: f.people["Kevin Donnelly"], Nature: "Albion Energy has bid in the tender", Effect: mb.LeftRoom}
	if err := s.CreateDeclaration(ctx, d); err != nil {
		t.Fatal(err, mb.ErrorFields(err))
	}
	err := s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, Named: true, Ballots: []mb.Ballot{f.ballot("Kevin Donnelly", mb.VoteFor)}})
	want := "Kevin Donnelly declared an interest in item 1 and left the room, so cannot be counted in the vote."
	if got := mb.ErrorFields(err)["ballot-0"]; got != want {
		t.Fatalf("got %q (%v), want %q", got, err, want)
	}
	// Counts: the chair and Shuba may vote, and Alex and Owen by proxy: 4.
	err = s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, For: 4, Against: 1})
	if got := mb.ErrorFields(err)["counts"]; !strings.Contains(got, "only 4 could vote on item 1: "+want) {
		t.Fatalf("got %q", got)
	}
	if err := s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, For: 3, Against: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Decision(ctx, f.decision.ID); err != nil {
		t.Fatal(err)
	}
}
