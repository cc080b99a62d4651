package postgres

import (
	"context"
	"fmt"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// SetCommitteeRules gives the loaded committees their formal rules: the
// quorum and the chair's casting vote, by committee id (issue 20).
func (b *Bulk) SetCommitteeRules(ctx context.Context, ids []int64, rules []mb.CommitteeRules) error {
	kinds, members, shares, chairs, casting := make([]string, len(rules)), make([]*int32, len(rules)), make([]*int32, len(rules)), make([]bool, len(rules)), make([]bool, len(rules))
	for i, r := range rules {
		kinds[i], chairs[i], casting[i] = string(r.Quorum.Kind), r.Quorum.Chair, r.CastingVote
		switch r.Quorum.Kind {
		case mb.QuorumMembers:
			n := int32(r.Quorum.Members)
			members[i] = &n
		case mb.QuorumShare:
			n := int32(r.Quorum.Share)
			shares[i] = &n
		}
	}
	_, err := b.tx.Exec(ctx, `UPDATE committees c SET quorum_kind = s.kind, quorum_members = s.members, quorum_share = s.share,
		quorum_chair = s.chair, casting_vote = s.casting
		FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::boolean[], $6::boolean[]) AS s(id, kind, members, share, chair, casting)
		WHERE c.id = s.id`, ids, kinds, members, shares, chairs, casting)
	if err != nil {
		return fmt.Errorf("postgres: set committee rules: %w", err)
	}
	return nil
}
