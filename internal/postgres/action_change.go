package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// RecordActionChange records one change to an action (an update, a revised
// target date, closure or reopening) as an action_events row, and moves the
// action itself to match, in one transaction, when the stored version is
// still c.Version.
func (s *Store) RecordActionChange(ctx context.Context, c *mb.ActionChange) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error { return s.applyActionChange(ctx, tx, c) })
	if err != nil {
		return fmt.Errorf("postgres: record action change: %w", err)
	}
	return nil
}

// ReviewActions records a meeting's review of its outstanding actions: every
// change at the meeting, in one transaction, all or nothing. Problems are
// reported for every row at once, each message keyed by ReviewField.
func (s *Store) ReviewActions(ctx context.Context, meetingID int64, changes []mb.ActionChange) error {
	fe := mb.FieldErrors{}
	for i := range changes {
		c := &changes[i]
		c.MeetingID = &meetingID
		c.Normalize()
		prefixFields(fe, c.ActionID, c.Validate())
	}
	if err := fe.Err(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		for i := range changes {
			if err := s.applyActionChange(ctx, tx, &changes[i]); err != nil {
				var e *mb.Error
				if !asDomainError(err, &e) {
					return err
				}
				// Carry on so that every row's problem is reported; the
				// transaction is rolled back by the error returned below.
				prefixFields(fe, changes[i].ActionID, err)
			}
		}
		if len(fe) > 0 {
			return reviewError(fe)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: review actions at meeting %d: %w", meetingID, err)
	}
	return nil
}

// prefixFields copies err's messages into fe under the row's field names;
// a message for the row as a whole goes under its note.
func prefixFields(fe mb.FieldErrors, actionID int64, err error) {
	if err == nil {
		return
	}
	fields := mb.ErrorFields(err)
	if len(fields) == 0 {
		fe.Add(mb.ReviewField(actionID, "note"), mb.ErrorMessage(err))
		return
	}
	for k, v := range fields {
		fe.Add(mb.ReviewField(actionID, k), v)
	}
}

// reviewError is the review's refusal: a conflict when any row is, so the
// form answers 409, else invalid.
func reviewError(fe mb.FieldErrors) error {
	e := fe.Err().(*mb.Error)
	for _, msg := range fe {
		if msg == staleActionMessage {
			e.Code = mb.ECONFLICT
			e.Message = "Someone else changed an action while you were reviewing: nothing was saved. Check the rows marked below and save again."
		}
	}
	return e
}

const staleActionMessage = "Someone else changed this action while you were reviewing it: reload it before saving."

// applyActionChange is the one place a change is checked and written,
// within the caller's transaction.
func (s *Store) applyActionChange(ctx context.Context, tx pgx.Tx, c *mb.ActionChange) error {
	a, err := scanAction(tx.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+` WHERE a.id = $1 FOR UPDATE OF a`, c.ActionID))
	if err != nil {
		return notFound(err, "There is no such action.")
	}
	if a.Version != c.Version {
		return &mb.Error{Code: mb.ECONFLICT, Message: staleActionMessage, Fields: map[string]string{"note": staleActionMessage}}
	}
	// Every change locks the action row first, so the events read here
	// (committed, outside this transaction) are all there are.
	if err := s.attachEvents(ctx, []*mb.Action{a}, nil); err != nil {
		return err
	}
	var m *mb.Meeting
	if c.MeetingID != nil {
		// A share lock keeps the minutes from being approved meanwhile.
		m, err = scanMeeting(tx.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1 FOR SHARE OF m`, *c.MeetingID))
		if err != nil {
			return &mb.Error{Code: mb.EINVALID, Message: "Choose an existing meeting.", Fields: map[string]string{"meeting": "Choose an existing meeting."}}
		}
	}
	if err := c.CheckAgainst(a, m); err != nil {
		return err
	}
	summary := c.Summary(a, m)
	e := c.Apply(a, m)
	var actorID *int64
	if u := mb.ActorFromContext(ctx); u != nil {
		actorID = &u.ID
	}
	if _, err := tx.Exec(ctx, `
		INSERT INTO action_events (action_id, meeting_id, kind, previous_target, new_target, note, actor_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		a.ID, e.MeetingID, string(e.Kind), e.PreviousTarget, e.NewTarget, e.Note, actorID); err != nil {
		return err
	}
	if err := tx.QueryRow(ctx, `
		UPDATE actions SET status = $2, current_target_date = $3, closed_meeting_id = $4, closed_on = $5,
		       version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version`,
		a.ID, string(a.Status), a.CurrentTarget, a.ClosedMeetingID, a.ClosedOn).Scan(&c.Version); err != nil {
		return err
	}
	return audit(ctx, tx, "action", a.ID, &a.CommitteeID, actionAuditVerb[c.Kind], summary)
}

var actionAuditVerb = map[mb.ActionEventKind]string{
	mb.ActionEventUpdate: "update_note", mb.ActionEventRevised: "revise", mb.ActionEventClosed: "close", mb.ActionEventReopened: "reopen",
}

// asDomainError reports whether err carries a domain error, and sets *e.
func asDomainError(err error, e **mb.Error) bool { return errors.As(err, e) }

// ActionsToReview returns the committee's open actions raised before
// meeting number, with their events, in reference order: the rows of that
// meeting's review.
func (s *Store) ActionsToReview(ctx context.Context, committeeID int64, number int) ([]*mb.Action, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+actionColumns+actionFrom+`
		WHERE a.committee_id = $1 AND a.meeting_number < $2 AND a.status = 'open'
		ORDER BY a.meeting_number, a.sequence`, committeeID, number)
	if err != nil {
		return nil, fmt.Errorf("postgres: actions to review: %w", err)
	}
	list, err := collectActions(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: actions to review: %w", err)
	}
	return list, s.attachEvents(ctx, list, nil)
}
