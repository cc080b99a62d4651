package scaledemo

import (
	"context"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// loadFormal loads the formal record: declarations of interest, votes with
// their ballots, and the registers of interests. It runs when the
// migration that adds them has been applied.
func (l *loader) loadFormal(ctx context.Context) error {
	cols, err := l.b.Columns(ctx, "declarations")
	if err != nil || len(cols) == 0 {
		return err
	}
	f := l.w.formal
	// Sub-committees need five voting members with the chair or a deputy;
	// parent bodies half their seats, their chair with a casting vote.
	var ids []int64
	var rules []mb.CommitteeRules
	for _, c := range l.w.committees {
		r := mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumMembers, Members: 5, Chair: true}, InterestsLevel: mb.Amber}
		if c.parent == nil {
			r = mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumShare, Share: 50}, CastingVote: true, InterestsLevel: mb.Amber}
		}
		ids, rules = append(ids, c.id), append(rules, r)
	}
	if err := l.b.SetCommitteeRules(ctx, ids, rules); err != nil {
		return err
	}
	if err := l.copy(ctx, "declarations", []string{"id", "item_id", "person_id", "nature", "effect", "position"}, len(f.declarations), func(i int, v []any) []any {
		d := f.declarations[i]
		return append(v, d.id, d.itemID, d.person.id, d.nature, d.effect, d.position)
	}); err != nil {
		return err
	}
	if err := l.copy(ctx, "decision_votes", []string{"decision_id", "named", "votes_for", "votes_against", "abstentions"}, len(f.votes), func(i int, v []any) []any {
		x := f.votes[i]
		return append(v, x.decisionID, x.named, x.votesFor, x.against, x.abs)
	}); err != nil {
		return err
	}
	type row struct {
		decisionID int64
		position   int
		b          ballot
	}
	var ballots []row
	for _, x := range f.votes {
		for i, b := range x.ballots {
			ballots = append(ballots, row{x.decisionID, i + 1, b})
		}
	}
	if err := l.copy(ctx, "vote_ballots", []string{"decision_id", "member_id", "voter_id", "choice", "position"}, len(ballots), func(i int, v []any) []any {
		b := ballots[i]
		return append(v, b.decisionID, b.b.member.id, b.b.voter.id, b.b.choice, b.position)
	}); err != nil {
		return err
	}
	return l.copy(ctx, "standing_interests", []string{"committee_id", "person_id", "nature", "starts_on", "ends_on"}, len(f.interests), func(i int, v []any) []any {
		si := f.interests[i]
		var to any
		if !si.to.IsZero() {
			to = si.to
		}
		return append(v, si.committee.id, si.person.id, si.nature, si.from, to)
	})
}
