package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// RecordEarlierAction enters an action raised before the committee's
// minutes were kept here (the fixture's OPSG 102/01, raised 12/09/2023), so
// that a committee can start mid-history. The secretariat gives the
// reference; one already used is refused, since references are never
// reused. When the raising meeting is in minutebook the action is tied to
// it, must carry its date, and the meeting's counter moves past the number
// so that it is never handed out again.
func (s *Store) RecordEarlierAction(ctx context.Context, a *mb.Action) error {
	if err := a.ValidateEarlier(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error { return recordEarlierAction(ctx, tx, a) })
	if e := constraintError(err, map[string]*mb.Error{
		"actions_reference_key": referenceTakenError,
		"actions_owner_organisation_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing organisation.",
			Fields: map[string]string{"owner": "Choose an existing organisation."}},
		"actions_owner_person_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing person.",
			Fields: map[string]string{"owner_person": "Choose an existing person."}},
	}); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: record earlier action: %w", err)
	}
	return nil
}

// recordEarlierAction enters a validated action from earlier history within
// tx; see RecordEarlierAction.
func recordEarlierAction(ctx context.Context, tx pgx.Tx, a *mb.Action) error {
	if err := tx.QueryRow(ctx, `SELECT code FROM committees WHERE id = $1`, a.CommitteeID).Scan(&a.CommitteeCode); err != nil {
		return notFound(err, "There is no such committee.")
	}
	var meetingID int64
	var held time.Time
	var handedOut int
	err := tx.QueryRow(ctx, `SELECT id, date, last_action_sequence FROM meetings WHERE committee_id = $1 AND number = $2 FOR UPDATE`,
		a.CommitteeID, a.MeetingNumber).Scan(&meetingID, &held, &handedOut)
	switch {
	case err == nil:
		if !held.Equal(a.RaisedOn) {
			msg := fmt.Sprintf("%s %d was held on %s: an action it raised carries that date.", a.CommitteeCode, a.MeetingNumber, held.Format("02/01/2006"))
			return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"raised_on": msg}}
		}
		if a.Sequence <= handedOut {
			if taken, err := referenceTaken(ctx, tx, a); err != nil {
				return err
			} else if taken {
				return referenceTakenError
			}
			msg := "That number was handed out at the meeting and its action deleted: references are never reused."
			return &mb.Error{Code: mb.ECONFLICT, Message: msg, Fields: map[string]string{"reference": msg}}
		}
		a.RaisedMeetingID = &meetingID
		if _, err := tx.Exec(ctx, `UPDATE meetings SET last_action_sequence = greatest(last_action_sequence, $2) WHERE id = $1`,
			meetingID, a.Sequence); err != nil {
			return err
		}
	case err == pgx.ErrNoRows:
		a.RaisedMeetingID = nil
	default:
		return err
	}
	if taken, err := referenceTaken(ctx, tx, a); err != nil {
		return err
	} else if taken {
		return referenceTakenError
	}
	a.ItemID = nil
	return insertAction(ctx, tx, a, "Entered "+a.Reference()+" (raised "+a.RaisedOn.Format(time.DateOnly)+") from earlier history: "+a.Text)
}

var referenceTakenError = &mb.Error{Code: mb.ECONFLICT, Message: "That reference is already in the register: references are never reused.",
	Fields: map[string]string{"reference": "That reference is already in the register: references are never reused."}}

// referenceTaken reports whether an action already has a's reference.
func referenceTaken(ctx context.Context, tx pgx.Tx, a *mb.Action) (bool, error) {
	var taken bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM actions WHERE committee_id = $1 AND meeting_number = $2 AND sequence = $3)`,
		a.CommitteeID, a.MeetingNumber, a.Sequence).Scan(&taken)
	return taken, err
}
