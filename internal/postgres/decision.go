package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// decisionColumns and decisionFrom read decisions with their votes: a
// named vote's ballots come in the same row, in arrays, so that a
// meeting's decisions and votes are one statement.
const decisionColumns = `d.id, d.item_id, d.position, d.kind, d.text, d.version,
	v.decision_id IS NOT NULL, coalesce(v.named, false), coalesce(v.votes_for, 0), coalesce(v.votes_against, 0),
	coalesce(v.abstentions, 0), coalesce(v.casting_vote, ''), coalesce(v.version, 0),
	coalesce(b.members, '{}'), coalesce(b.member_names, '{}'), coalesce(b.voters, '{}'), coalesce(b.voter_names, '{}'), coalesce(b.choices, '{}')`

const decisionFrom = ` FROM decisions d
	LEFT JOIN decision_votes v ON v.decision_id = d.id
	LEFT JOIN LATERAL (
		SELECT array_agg(vb.member_id ORDER BY vb.position) AS members, array_agg(mp.name ORDER BY vb.position) AS member_names,
		       array_agg(vb.voter_id ORDER BY vb.position) AS voters, array_agg(vp.name ORDER BY vb.position) AS voter_names,
		       array_agg(vb.choice ORDER BY vb.position) AS choices
		FROM vote_ballots vb JOIN people mp ON mp.id = vb.member_id JOIN people vp ON vp.id = vb.voter_id
		WHERE vb.decision_id = d.id AND v.named) b ON true`

func scanDecision(row pgx.Row) (*mb.Decision, error) {
	var d mb.Decision
	var voted bool
	var v mb.Vote
	var casting string
	var members, voters []int64
	var memberNames, voterNames, choices []string
	if err := row.Scan(&d.ID, &d.ItemID, &d.Position, &d.Kind, &d.Text, &d.Version,
		&voted, &v.Named, &v.For, &v.Against, &v.Abstain, &casting, &v.Version,
		&members, &memberNames, &voters, &voterNames, &choices); err != nil {
		return nil, err
	}
	if voted {
		v.DecisionID, v.CastingVote = d.ID, mb.VoteChoice(casting)
		for i := range members {
			v.Ballots = append(v.Ballots, mb.Ballot{MemberID: members[i], MemberName: memberNames[i],
				VoterID: voters[i], VoterName: voterNames[i], Choice: mb.VoteChoice(choices[i])})
		}
		d.Vote = &v
	}
	return &d, nil
}

// Decision returns the decision with the id and its vote.
func (s *Store) Decision(ctx context.Context, id int64) (*mb.Decision, error) {
	d, err := scanDecision(s.pool.QueryRow(ctx, `SELECT `+decisionColumns+decisionFrom+` WHERE d.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: decision %d: %w", id, notFound(err, "There is no such decision."))
	}
	return d, nil
}

// vocabulary returns the decision words of the meeting's committee.
func vocabulary(ctx context.Context, tx pgx.Tx, committeeID int64) ([]string, error) {
	var words []string
	err := tx.QueryRow(ctx, `SELECT decision_vocabulary FROM committees WHERE id = $1`, committeeID).Scan(&words)
	return words, err
}

var decisionConstraints = map[string]*mb.Error{
	"meetings_approval_decision_fkey": {Code: mb.ECONFLICT,
		Message: "This decision approved an earlier meeting's minutes and cannot be deleted."},
}

// CreateDecision records a decision at the end of its item's decisions.
func (s *Store) CreateDecision(ctx context.Context, d *mb.Decision) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		_, m, err := lockItem(ctx, tx, d.ItemID)
		if err != nil {
			return err
		}
		return insertDecision(ctx, tx, m, d)
	})
	return storeError(err, decisionConstraints, "create decision")
}

// insertDecision adds d to its item within tx; m is the item's locked meeting.
func insertDecision(ctx context.Context, tx pgx.Tx, m *mb.Meeting, d *mb.Decision) error {
	words, err := vocabulary(ctx, tx, m.CommitteeID)
	if err != nil {
		return err
	}
	if err := d.Validate(words); err != nil {
		return err
	}
	return insertDecisionUnchecked(ctx, tx, m, d)
}

// insertDecisionUnchecked records a decision at the end of its item's
// decisions without checking its word against the vocabulary: for words the
// system chooses (APPROVED at approval, AGREED at escalation) and for
// insertDecision once it has checked. Every decision is written here.
func insertDecisionUnchecked(ctx context.Context, tx pgx.Tx, m *mb.Meeting, d *mb.Decision) error {
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(position), 0) + 1 FROM decisions WHERE item_id = $1`, d.ItemID).Scan(&d.Position); err != nil {
		return err
	}
	if err := tx.QueryRow(ctx, `INSERT INTO decisions (item_id, position, kind, text) VALUES ($1, $2, $3, $4) RETURNING id, version`,
		d.ItemID, d.Position, d.Kind, d.Text).Scan(&d.ID, &d.Version); err != nil {
		return err
	}
	return audit(ctx, tx, "decision", d.ID, &m.CommitteeID, "create", "Recorded at "+m.ShortName()+": "+mb.DecisionSentence(m.CommitteeCode, *d))
}

// lockDecision reads a decision under lock with its editable meeting.
func lockDecision(ctx context.Context, tx pgx.Tx, id int64) (*mb.Decision, *mb.Meeting, error) {
	var itemID int64
	if err := tx.QueryRow(ctx, `SELECT item_id FROM decisions WHERE id = $1`, id).Scan(&itemID); err != nil {
		return nil, nil, notFound(err, "There is no such decision.")
	}
	_, m, err := lockItem(ctx, tx, itemID)
	if err != nil {
		return nil, nil, err
	}
	var d mb.Decision
	if err := tx.QueryRow(ctx, `SELECT id, item_id, position, kind, text, version FROM decisions WHERE id = $1 FOR UPDATE`, id).
		Scan(&d.ID, &d.ItemID, &d.Position, &d.Kind, &d.Text, &d.Version); err != nil {
		return nil, nil, notFound(err, "There is no such decision.")
	}
	return &d, m, nil
}

// UpdateDecision saves a decision's word and text when the stored version is
// still d.Version.
func (s *Store) UpdateDecision(ctx context.Context, d *mb.Decision) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, m, err := lockDecision(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		if before.Version != d.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this decision while you were editing it.")
		}
		words, err := vocabulary(ctx, tx, m.CommitteeID)
		if err != nil {
			return err
		}
		if err := d.Validate(words); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE decisions SET kind = $2, text = $3, version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING version`, d.ID, d.Kind, d.Text).Scan(&d.Version); err != nil {
			return err
		}
		d.ItemID, d.Position = before.ItemID, before.Position
		return audit(ctx, tx, "decision", d.ID, &m.CommitteeID, "update", "Changed a decision of "+m.ShortName()+" from “"+
			mb.DecisionSentence(m.CommitteeCode, *before)+"” to “"+mb.DecisionSentence(m.CommitteeCode, *d)+"”")
	})
	return storeError(err, decisionConstraints, "update decision")
}

// DeleteDecision removes a decision of editable minutes.
func (s *Store) DeleteDecision(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		d, m, err := lockDecision(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM decisions WHERE id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE decisions SET position = position - 1 WHERE item_id = $1 AND position > $2`, d.ItemID, d.Position); err != nil {
			return err
		}
		return audit(ctx, tx, "decision", id, &m.CommitteeID, "delete", "Deleted from "+m.ShortName()+": "+mb.DecisionSentence(m.CommitteeCode, *d))
	})
	return storeError(err, decisionConstraints, "delete decision")
}

// MoveDecision swaps a decision with its neighbour above ("up") or below ("down").
func (s *Store) MoveDecision(ctx context.Context, id int64, direction string) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		d, m, err := lockDecision(ctx, tx, id)
		if err != nil {
			return err
		}
		to := d.Position - 1
		if direction == MoveDown {
			to = d.Position + 1
		} else if direction != MoveUp {
			return mb.Errorf(mb.EINVALID, "Move a decision up or down.")
		}
		tag, err := tx.Exec(ctx, `UPDATE decisions SET position = $3 WHERE item_id = $1 AND position = $2`, d.ItemID, to, d.Position)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return mb.Errorf(mb.EINVALID, "The decision is already %s.", map[string]string{MoveUp: "first", MoveDown: "last"}[direction])
		}
		if _, err := tx.Exec(ctx, `UPDATE decisions SET position = $2 WHERE id = $1`, id, to); err != nil {
			return err
		}
		return audit(ctx, tx, "decision", id, &m.CommitteeID, "move", fmt.Sprintf("Moved a decision of %s %s", m.ShortName(), direction))
	})
	return storeError(err, decisionConstraints, "move decision")
}
