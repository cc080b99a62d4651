package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

var committeeRulesConstraints = map[string]*mb.Error{
	"committees_signatory_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing person to sign the minutes.",
		Fields: map[string]string{"signatory": "Choose an existing person to sign the minutes."}},
	"committees_quorum_rule": {Code: mb.EINVALID, Message: "Give the quorum's number of members, or its share of the seats, as its kind asks.",
		Fields: map[string]string{"quorum_kind": "Give the number of members, or the share of the seats, as the kind of quorum asks."}},
}

// UpdateCommitteeRules saves the committee's formal rules (c.Rules) when
// its stored version is still c.Version, and refuses with ECONFLICT
// otherwise; c.Version then holds the new version.
func (s *Store) UpdateCommitteeRules(ctx context.Context, c *mb.Committee) error {
	r := &c.Rules
	if err := r.Validate(); err != nil {
		return err
	}
	var members, share *int
	switch r.Quorum.Kind {
	case mb.QuorumMembers:
		members = &r.Quorum.Members
	case mb.QuorumShare:
		share = &r.Quorum.Share
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := scanCommittee(tx.QueryRow(ctx, `SELECT `+committeeColumns+committeeFrom+` WHERE c.id = $1 FOR UPDATE OF c`, c.ID))
		if err != nil {
			return notFound(err, "There is no such committee.")
		}
		if before.Version != c.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this committee while you were editing its rules.")
		}
		if err := tx.QueryRow(ctx, `
			UPDATE committees SET quorum_kind = $2, quorum_members = $3, quorum_share = $4, quorum_chair = $5,
			       casting_vote = $6, signatory_id = $7, interests_classification = $8,
			       version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING version, coalesce((SELECT name FROM people WHERE id = $7), '')`,
			c.ID, string(r.Quorum.Kind), members, share, r.Quorum.Chair, r.CastingVote, r.SignatoryID, r.InterestsLevel.String(),
		).Scan(&c.Version, &r.SignatoryName); err != nil {
			return err
		}
		var ch changeList
		ch.add("quorum", before.Rules.Quorum.Label(), r.Quorum.Label())
		ch.add("casting vote", yesNo(before.Rules.CastingVote), yesNo(r.CastingVote))
		ch.add("signatory", before.Rules.SignatoryLabel(), r.SignatoryLabel())
		ch.add("register of interests", before.Rules.InterestsLevel.String(), r.InterestsLevel.String())
		return audit(ctx, tx, "committee", c.ID, &c.ID, "rules", "Updated the rules of "+before.Code+": "+ch.String())
	})
	return storeError(err, committeeRulesConstraints, "update committee rules")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
