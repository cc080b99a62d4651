package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

var raisedActionConstraints = map[string]*mb.Error{
	"actions_owner_organisation_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing organisation.",
		Fields: map[string]string{"owner": "Choose an existing organisation."}},
	"actions_owner_person_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing person.",
		Fields: map[string]string{"owner_person": "Choose an existing person."}},
	"actions_reference_key": {Code: mb.ECONFLICT, Message: "That action reference is already taken."},
}

// RaiseAction records an action raised within item a.ItemID and gives it the
// meeting's next reference ("OPSG 105/03"). The number comes from the
// meeting's counter, whose row lock serialises two people raising actions at
// once; a number once handed out is never handed out again.
func (s *Store) RaiseAction(ctx context.Context, a *mb.Action) error {
	if a.ItemID == nil {
		return mb.Errorf(mb.EINVALID, "An action is raised within an agenda item.")
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		_, m, err := lockItem(ctx, tx, *a.ItemID)
		if err != nil {
			return err
		}
		if err := a.ValidateRaised(m.Date); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE meetings SET last_action_sequence = last_action_sequence + 1 WHERE id = $1 RETURNING last_action_sequence`,
			m.ID).Scan(&a.Sequence); err != nil {
			return err
		}
		a.CommitteeID, a.CommitteeCode, a.MeetingNumber, a.RaisedMeetingID, a.RaisedOn = m.CommitteeID, m.CommitteeCode, m.Number, &m.ID, m.Date
		return insertAction(ctx, tx, a, "Raised ACTION "+a.Reference()+": "+a.Text)
	})
	return storeError(err, raisedActionConstraints, "raise action")
}

// insertAction stores a new open action with its reference as given, within
// tx, and audits it with summary. Its current target starts as its target.
func insertAction(ctx context.Context, tx pgx.Tx, a *mb.Action, summary string) error {
	a.CurrentTarget, a.Status = a.TargetDate, mb.ActionOpen
	if err := tx.QueryRow(ctx, `
		INSERT INTO actions (committee_id, meeting_number, sequence, raised_meeting_id, item_id, raised_on, text,
		                     owner_organisation_id, owner_person_id, target_date, current_target_date)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id, version`,
		a.CommitteeID, a.MeetingNumber, a.Sequence, a.RaisedMeetingID, a.ItemID, a.RaisedOn, a.Text, a.OwnerID, a.OwnerPersonID, a.TargetDate,
	).Scan(&a.ID, &a.Version); err != nil {
		return err
	}
	return audit(ctx, tx, "action", a.ID, &a.CommitteeID, "create", summary)
}

// lockRaisedAction reads an action under lock with the editable meeting that raised it.
func lockRaisedAction(ctx context.Context, tx pgx.Tx, id int64) (*mb.Action, *mb.Meeting, error) {
	var meetingID *int64
	if err := tx.QueryRow(ctx, `SELECT raised_meeting_id FROM actions WHERE id = $1`, id).Scan(&meetingID); err != nil {
		return nil, nil, notFound(err, "There is no such action.")
	}
	if meetingID == nil {
		return nil, nil, mb.Errorf(mb.EINVALID, "This action was not raised in minutes kept here; change it in the actions register.")
	}
	m, err := lockEditable(ctx, tx, *meetingID)
	if err != nil {
		return nil, nil, err
	}
	a, err := scanAction(tx.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+` WHERE a.id = $1 FOR UPDATE OF a`, id))
	if err != nil {
		return nil, nil, notFound(err, "There is no such action.")
	}
	return a, m, nil
}

// UpdateRaisedAction saves an action's words, owner and target date as its
// minutes record them, when the stored version is still a.Version. The
// current target follows the first target until the register revises it.
func (s *Store) UpdateRaisedAction(ctx context.Context, a *mb.Action) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, m, err := lockRaisedAction(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if before.Version != a.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed action %s while you were editing it.", before.Reference())
		}
		if err := a.ValidateRaised(m.Date); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `
			UPDATE actions SET text = $2, owner_organisation_id = $3, owner_person_id = $4, target_date = $5,
			       current_target_date = CASE WHEN EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = actions.id AND e.kind = 'revised')
			                                  THEN current_target_date ELSE $5 END,
			       version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING version`, a.ID, a.Text, a.OwnerID, a.OwnerPersonID, a.TargetDate).Scan(&a.Version); err != nil {
			return err
		}
		a.CommitteeCode, a.MeetingNumber, a.Sequence, a.ItemID = before.CommitteeCode, before.MeetingNumber, before.Sequence, before.ItemID
		var c changeList
		c.add("text", before.Text, a.Text)
		c.add("owner", fmt.Sprint(before.OwnerID), fmt.Sprint(a.OwnerID))
		c.add("owner person", idString(before.OwnerPersonID), idString(a.OwnerPersonID))
		c.add("target date", dateString(before.TargetDate), dateString(a.TargetDate))
		return audit(ctx, tx, "action", a.ID, &m.CommitteeID, "update", "Updated ACTION "+before.Reference()+": "+c.String())
	})
	return storeError(err, raisedActionConstraints, "update action")
}

func dateString(t *time.Time) string {
	if t == nil {
		return "none"
	}
	return t.Format(time.DateOnly)
}

// DeleteRaisedAction removes an action from minutes that are still editable.
// Its number is not handed out again.
func (s *Store) DeleteRaisedAction(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		a, m, err := lockRaisedAction(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM actions WHERE id = $1`, id); err != nil {
			return err
		}
		return audit(ctx, tx, "action", id, &m.CommitteeID, "delete", "Deleted ACTION "+a.Reference()+" from "+m.ShortName()+"; its number is not reused")
	})
	return storeError(err, raisedActionConstraints, "delete action")
}
