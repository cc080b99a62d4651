package postgres_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestCommitteeRules(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	c, err := s.Committee(ctx, f.committee.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules.Quorum.Set() || c.Rules.InterestsLevel != mb.Amber || c.Rules.CastingVote {
		t.Fatalf("a new committee's rules: %+v", c.Rules)
	}
	chair := f.people["Dave Warner"]
	c.Rules = mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumMembers, Members: 3, Chair: true}, CastingVote: true, SignatoryID: &chair, InterestsLevel: mb.Green}
	if err := s.UpdateCommitteeRules(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Committee(ctx, c.ID)
	if got.Rules.Quorum.Label() != "3 voting members, including the chair or a deputy" || got.Rules.SignatoryName != "Dave Warner" || got.Rules.InterestsLevel != mb.Green {
		t.Fatalf("rules %+v", got.Rules)
	}
	stale := *got
	stale.Version--
	if err := s.UpdateCommitteeRules(ctx, &stale); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("stale rules: %v", err)
	}
	got.Rules.Quorum = mb.QuorumRule{Kind: mb.QuorumShare, Share: 0}
	if err := s.UpdateCommitteeRules(ctx, got); mb.ErrorFields(err)["quorum_share"] == "" {
		t.Fatalf("a share of 0: %v", err)
	}

	// The minutes carry the rule and the seats: meeting 105 is quorate,
	// item 1 (Owen came for item 2 only) has the chair, Kevin and Shuba.
	got.Rules.Quorum, got.Rules.SignatoryID = mb.QuorumRule{Kind: mb.QuorumShare, Share: 75}, nil
	if err := s.UpdateCommitteeRules(ctx, got); err != nil {
		t.Fatal(err)
	}
	if got.Rules.SignatoryLabel() != "The chair" {
		t.Errorf("without a signatory the chair signs: %q", got.Rules.SignatoryLabel())
	}
	doc, err := s.Minutes(ctx, f.m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	q := mb.JudgeQuorum(doc)
	if len(doc.Seats) != 5 || q.Meeting.Required != 4 || q.Meeting.Present != 4 || !q.Meeting.Quorate || q.Items[0].Quorate {
		t.Fatalf("quorum %+v items %+v", q.Meeting, q.Items)
	}
	if got := q.InquorateDecisions(); len(got) != 1 || got[0] != "1" {
		t.Errorf("inquorate decisions %v", got)
	}
}
