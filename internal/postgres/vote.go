package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// committeeOn reads the committee with its seats held on the day, in one
// statement: the minutes need both, the seats for the quorum.
func committeeOn(ctx context.Context, q querier, committeeID int64, day time.Time) (*mb.Committee, []mb.Seat, error) {
	var ids []int64
	var names, roles []string
	var alternates []bool
	c, err := scanCommittee(q.QueryRow(ctx, `SELECT `+committeeColumns+`,
		coalesce(seats.ids, '{}'), coalesce(seats.names, '{}'), coalesce(seats.roles, '{}'), coalesce(seats.alternates, '{}')`+committeeFrom+`
		LEFT JOIN LATERAL (SELECT array_agg(cm.person_id ORDER BY cm.id) AS ids, array_agg(sp.name ORDER BY cm.id) AS names,
		                          array_agg(cm.role ORDER BY cm.id) AS roles, array_agg(cm.alternate_for IS NOT NULL ORDER BY cm.id) AS alternates
		                   FROM committee_memberships cm JOIN people sp ON sp.id = cm.person_id
		                   WHERE cm.committee_id = c.id AND cm.starts_on <= $2 AND (cm.ends_on IS NULL OR cm.ends_on >= $2)) seats ON true
		WHERE c.id = $1`, committeeID, day), &ids, &names, &roles, &alternates)
	if err != nil {
		return nil, nil, notFound(err, "There is no such committee.")
	}
	seats := make([]mb.Seat, len(ids))
	for i := range ids {
		seats[i] = mb.Seat{PersonID: ids[i], PersonName: names[i], Role: mb.MemberRole(roles[i]), Alternate: alternates[i]}
	}
	return c, seats, nil
}

// electorate works out who could vote on the item of the meeting, locked
// within tx; declared, when not nil, stands in for the item's stored
// declarations (a declaration about to be saved).
func electorate(ctx context.Context, tx querier, m *mb.Meeting, it *mb.Item, declared []mb.Declaration) (*mb.Electorate, *mb.Committee, error) {
	roll, err := attendanceOf(ctx, tx, m.ID)
	if err != nil {
		return nil, nil, err
	}
	all, err := declarationsAt(ctx, tx, m.ID)
	if err != nil {
		return nil, nil, err
	}
	var mine []mb.Declaration
	for _, d := range all {
		replaced := false
		for _, x := range declared {
			replaced = replaced || (x.ID != 0 && x.ID == d.ID) || x.PersonID == d.PersonID
		}
		if d.ItemID == it.ID && !replaced {
			mine = append(mine, d)
		}
	}
	c, seats, err := committeeOn(ctx, tx, m.CommitteeID, m.Date)
	if err != nil {
		return nil, nil, err
	}
	return mb.NewElectorate(it, roll, append(mine, declared...), seats), c, nil
}

// recheckVotes refuses a change to the item's declarations (declared) that
// would leave a vote already recorded in the item counting someone who may
// no longer be counted.
func recheckVotes(ctx context.Context, tx pgx.Tx, m *mb.Meeting, it *mb.Item, declared []mb.Declaration) error {
	rows, err := tx.Query(ctx, `SELECT `+decisionColumns+decisionFrom+` WHERE d.item_id = $1 AND v.decision_id IS NOT NULL ORDER BY d.position`, it.ID)
	if err != nil {
		return err
	}
	voted, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Decision, error) { return scanDecision(r) })
	if err != nil || len(voted) == 0 {
		return err
	}
	e, _, err := electorate(ctx, tx, m, it, declared)
	if err != nil {
		return err
	}
	for _, d := range voted {
		// Only who is counted is in question here, not the casting vote.
		if err := d.Vote.Validate(e, true); err != nil {
			msg := "The vote recorded on “" + mb.DecisionSentence(m.CommitteeCode, *d) + "” would then count someone who may not be counted: " + voteProblem(err) + " Change the vote first."
			return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"effect": msg}}
		}
	}
	return nil
}

// voteProblem is the first message a refused vote gives.
func voteProblem(err error) string {
	for _, m := range mb.ErrorFields(err) {
		return m
	}
	return mb.ErrorMessage(err)
}

// SaveVote records how the committee voted on a decision of editable
// minutes, replacing the vote already recorded when its version is still
// v.Version (0 when there was none). A named vote's counts are taken from
// its ballots. A member who declared an interest in the item and did not
// vote, or left the room, cannot be counted.
func (s *Store) SaveVote(ctx context.Context, v *mb.Vote) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		d, m, err := lockDecision(ctx, tx, v.DecisionID)
		if err != nil {
			return err
		}
		it, err := scanItem(tx.QueryRow(ctx, `SELECT `+itemColumns+` FROM agenda_items i WHERE i.id = $1`, d.ItemID))
		if err != nil {
			return err
		}
		itemNumber(ctx, tx, it)
		var stored int
		if err := tx.QueryRow(ctx, `SELECT coalesce((SELECT version FROM decision_votes WHERE decision_id = $1 FOR UPDATE), 0)`, d.ID).Scan(&stored); err != nil {
			return err
		}
		if stored != v.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else recorded a vote on this decision while you were editing it.")
		}
		e, c, err := electorate(ctx, tx, m, it, nil)
		if err != nil {
			return err
		}
		if err := v.Validate(e, c.Rules.CastingVote); err != nil {
			return err
		}
		var castingVote *string
		if v.CastingVote != "" {
			c := string(v.CastingVote)
			castingVote = &c
		}
		if err := tx.QueryRow(ctx, `
			INSERT INTO decision_votes (decision_id, named, votes_for, votes_against, abstentions, casting_vote)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (decision_id) DO UPDATE SET named = EXCLUDED.named, votes_for = EXCLUDED.votes_for,
			       votes_against = EXCLUDED.votes_against, abstentions = EXCLUDED.abstentions,
			       casting_vote = EXCLUDED.casting_vote, version = decision_votes.version + 1
			RETURNING version`, d.ID, v.Named, v.For, v.Against, v.Abstain, castingVote).Scan(&v.Version); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM vote_ballots WHERE decision_id = $1`, d.ID); err != nil {
			return err
		}
		for i, b := range v.Ballots {
			if _, err := tx.Exec(ctx, `INSERT INTO vote_ballots (decision_id, member_id, voter_id, choice, position) VALUES ($1, $2, $3, $4, $5)`,
				d.ID, b.MemberID, b.VoterID, string(b.Choice), i+1); err != nil {
				return err
			}
		}
		d.Vote = v
		action := "vote"
		if stored != 0 {
			action = "revote"
		}
		return audit(ctx, tx, "decision", d.ID, &m.CommitteeID, action, "Recorded the vote at "+m.ShortName()+", item "+it.Number+": "+mb.DecisionSentence(m.CommitteeCode, *d))
	})
	return storeError(err, voteConstraints, "save vote")
}

var voteConstraints = map[string]*mb.Error{
	"vote_ballots_member_id_fkey": {Code: mb.EINVALID, Message: "Choose members who exist."},
	"vote_ballots_voter_id_fkey":  {Code: mb.EINVALID, Message: "Choose voters who exist."},
}

// DeleteVote removes the vote recorded on a decision of editable minutes:
// the decision stays, taken without a vote.
func (s *Store) DeleteVote(ctx context.Context, decisionID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		d, m, err := lockDecision(ctx, tx, decisionID)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `DELETE FROM decision_votes WHERE decision_id = $1`, d.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return mb.Errorf(mb.ENOTFOUND, "No vote is recorded on this decision.")
		}
		return audit(ctx, tx, "decision", d.ID, &m.CommitteeID, "unvote", "Removed the vote on a decision of "+m.ShortName()+": "+mb.DecisionSentence(m.CommitteeCode, *d))
	})
	return storeError(err, nil, "delete vote")
}

// Electorate is who could vote on the item of the meeting as the minutes
// stand, for the vote form.
func (s *Store) Electorate(ctx context.Context, m *mb.Meeting, it *mb.Item) (*mb.Electorate, error) {
	itemNumber(ctx, s.pool, it)
	e, _, err := electorate(ctx, s.pool, m, it, nil)
	return e, storeError(err, nil, "electorate")
}
