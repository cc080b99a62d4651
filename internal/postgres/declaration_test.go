package postgres_test

import (
	"context"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestDeclarations(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)

	t.Run("ErrNotPresent", func(t *testing.T) {
		err := s.CreateDeclaration(ctx, &mb.Declaration{ItemID: f.item.ID, PersonID: f.people["Alex Ford"], Nature: "A contract", Effect: mb.DidNotVote})
		if !strings.Contains(mb.ErrorFields(err)["person"], "Alex Ford is not recorded present at OPSG 105") {
			t.Fatalf("got %v", err)
		}
	})
	d := &mb.Declaration{ItemID: f.item.ID, PersonID: f.people["Shuba Khatun"], Nature: "Northgrid is a bidder", Effect: mb.TookPart}
	if err := s.CreateDeclaration(ctx, d); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrTwice", func(t *testing.T) {
		err := s.CreateDeclaration(ctx, &mb.Declaration{ItemID: f.item.ID, PersonID: f.people["Shuba Khatun"], Nature: "Again", Effect: mb.TookPart})
		if !strings.Contains(mb.ErrorMessage(err), "already declared") {
			t.Fatalf("got %v", err)
		}
	})
	// Shuba voted; a declaration saying she did not vote would leave the
	// vote counting her, and is refused until the vote changes.
	if err := s.SaveVote(ctx, &mb.Vote{DecisionID: f.decision.ID, Named: true, Ballots: []mb.Ballot{f.ballot("Shuba Khatun", mb.VoteFor)}}); err != nil {
		t.Fatal(err, mb.ErrorFields(err))
	}
	t.Run("ErrVoteWouldCountThem", func(t *testing.T) {
		d.Effect = mb.DidNotVote
		err := s.UpdateDeclaration(ctx, d)
		if !strings.Contains(mb.ErrorMessage(err), "Shuba Khatun declared an interest in item 1 and did not vote, so cannot be counted") {
			t.Fatalf("got %v", err)
		}
	})
	if err := s.DeleteVote(ctx, f.decision.ID); err != nil {
		t.Fatal(err)
	}
	d.Effect = mb.DidNotVote
	if err := s.UpdateDeclaration(ctx, d); err != nil {
		t.Fatal(err)
	}
	items, err := s.Items(ctx, f.m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := items[0].Declarations; len(got) != 1 || got[0].Sentence() != "Shuba Khatun declared an interest: Northgrid is a bidder. Shuba Khatun did not vote." || got[0].ItemNumber != "1" {
		t.Fatalf("declarations %+v", got)
	}
	// Approved minutes lock their declarations.
	if err := s.Circulate(ctx, f.m105.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Approve(ctx, postgres.Approval{MeetingID: f.m105.ID, ApprovedAt: f.m106.ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDeclaration(ctx, d.ID); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("deleting a declaration of approved minutes: got %v, want a conflict", err)
	}
	if err := s.DeleteVote(ctx, f.decision.ID); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("deleting a vote of approved minutes: got %v, want a conflict", err)
	}
}
