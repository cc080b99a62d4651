package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// outstanding takes the actions outstanding table into the register: each
// row's action is matched by reference (or entered from earlier history
// when the register lacks it), and what the meeting did to it (a revised
// target date, closure) is recorded at the meeting, as the secretariat would
// on the review page. A change the register cannot take (the action moved on
// at a later meeting already) is noted, not forced. The meeting's own table
// is then derived from the register, never typed twice.
func (x *minutesImport) outstanding(ctx context.Context) error {
	for _, row := range x.in.Outstanding {
		ref := row.Reference()
		switch {
		case row.Code != x.c.Code:
			x.rep.Note(row.Line, "%s is not an action of %s: the row is left out of the register.", ref, x.c.Code)
			continue
		case row.MeetingNumber >= x.m.Number:
			x.rep.Note(row.Line, "%s was not raised before %s, so it cannot be outstanding at it: the row is left out of the register.", ref, x.m.ShortName())
			continue
		}
		a, err := scanAction(x.tx.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+`
			WHERE a.committee_id = $1 AND a.meeting_number = $2 AND a.sequence = $3`, x.c.ID, row.MeetingNumber, row.Sequence))
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			if a, err = x.enterEarlier(ctx, row); err != nil || a == nil {
				return err
			}
		case err != nil:
			return err
		default:
			if row.Target != nil && a.CurrentTarget != nil && !row.Target.Equal(*a.CurrentTarget) && (row.RevisedTarget == nil || a.TargetDate == nil) {
				x.rep.Note(row.Line, "The minutes give %s a last target date of %s; the register has %s.", ref, row.Target.Format("02/01/2006"), a.CurrentTarget.Format("02/01/2006"))
			}
		}
		if err := x.reconcile(ctx, row, a); err != nil {
			return err
		}
	}
	return nil
}

// enterEarlier enters an action the register lacks from its row, tied to
// its raising meeting when that is in minutebook and still editable. It
// returns nil when the row says too little to enter it.
func (x *minutesImport) enterEarlier(ctx context.Context, row mb.ImportedOutstanding) (*mb.Action, error) {
	ref := row.Reference()
	owner, person, err := x.owner(ctx, actionOwner{row.Owner, row.OwnerPerson, ""}, row.Line, ref)
	if err != nil {
		return nil, err
	}
	a := &mb.Action{CommitteeID: x.c.ID, CommitteeCode: x.c.Code, MeetingNumber: row.MeetingNumber, Sequence: row.Sequence,
		Text: row.Text, OwnerID: owner, OwnerPersonID: person, TargetDate: row.Target}
	var raising *mb.Meeting
	raising, err = scanMeeting(x.tx.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.committee_id = $1 AND m.number = $2`, x.c.ID, row.MeetingNumber))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		raising = nil
	case err != nil:
		return nil, err
	}
	switch {
	case raising != nil:
		if row.Raised != nil && !row.Raised.Equal(raising.Date) {
			x.rep.Note(row.Line, "The minutes date %s %s; %s was held on %s, the date it is entered with.", ref, row.Raised.Format("02/01/2006"), raising.ShortName(), raising.DateLabel())
		}
		a.RaisedOn = raising.Date
	case row.Raised != nil:
		a.RaisedOn = *row.Raised
	default:
		x.rep.Note(row.Line, "%s gives no date raised and %s %d is not in minutebook: it is not entered in the register.", ref, x.c.Code, row.MeetingNumber)
		return nil, nil
	}
	if a.TargetDate != nil && a.TargetDate.Before(a.RaisedOn) {
		x.rep.Note(row.Line, "%s has a target date before it was raised; it is entered without one.", ref)
		a.TargetDate = nil
	}
	if err := a.ValidateEarlier(); err != nil {
		return nil, mb.Errorf(mb.ErrorCode(err), "%s (line %d): %s", ref, row.Line, firstMessage(err))
	}
	summary := "Entered " + ref + " (raised " + a.RaisedOn.Format(time.DateOnly) + ") from the actions outstanding of " + x.m.ShortName() + ": " + a.Text
	if raising != nil && raising.Locked() {
		// Approved minutes do not change, so the action stands beside
		// them; its number is still taken at that meeting.
		if _, err := x.tx.Exec(ctx, `UPDATE meetings SET last_action_sequence = greatest(last_action_sequence, $2) WHERE id = $1`, raising.ID, a.Sequence); err != nil {
			return nil, err
		}
		if err := insertAction(ctx, x.tx, a, summary); err != nil {
			return nil, err
		}
	} else if err := recordEarlierAction(ctx, x.tx, a); err != nil {
		return nil, err
	}
	x.rep.Register = append(x.rep.Register, "entered "+ref+" from earlier history")
	return a, nil
}

// firstMessage is a domain error's first field message, or its message.
func firstMessage(err error) string {
	for _, msg := range mb.ErrorFields(err) {
		return msg
	}
	return mb.ErrorMessage(err)
}

// reconcile records at the meeting what its table says happened to the
// action: a revised target date, then closure; or, for a re-import that
// now shows open an action an earlier import closed here, its reopening.
func (x *minutesImport) reconcile(ctx context.Context, row mb.ImportedOutstanding, a *mb.Action) error {
	ref := row.Reference()
	var changes []mb.ActionChange
	if row.RevisedTarget != nil && a.Status == mb.ActionOpen && (a.CurrentTarget == nil || !row.RevisedTarget.Equal(*a.CurrentTarget)) {
		t := *row.RevisedTarget
		changes = append(changes, mb.ActionChange{Kind: mb.ActionEventRevised, NewTarget: &t,
			Note: "Revised target date, as the minutes of " + x.m.ShortName() + " record."})
	}
	switch {
	case row.Closed && a.Status == mb.ActionOpen:
		changes = append(changes, mb.ActionChange{Kind: mb.ActionEventClosed, Note: "Closed, as the minutes of " + x.m.ShortName() + " record."})
	case !row.Closed && a.Status == mb.ActionClosed && a.ClosedMeetingID != nil && *a.ClosedMeetingID == x.m.ID:
		changes = append(changes, mb.ActionChange{Kind: mb.ActionEventReopened, Note: "The minutes of " + x.m.ShortName() + " show it open."})
	case !row.Closed && a.Status == mb.ActionClosed:
		x.rep.Note(row.Line, "The minutes show %s %s; the register has it closed already.", ref, row.Status)
	}
	if len(changes) == 0 {
		x.rep.Register = append(x.rep.Register, "matched "+ref)
		return nil
	}
	version := a.Version
	for _, c := range changes {
		c.ActionID, c.Version, c.MeetingID = a.ID, version, &x.m.ID
		err := x.s.applyActionChange(ctx, x.tx, &c)
		var e *mb.Error
		if errors.As(err, &e) {
			// A check refused it before anything was written: the
			// register knows better, so the minutes' word is only noted.
			x.rep.Note(row.Line, "Not recorded for %s: %s", ref, firstMessage(err))
			return nil
		}
		if err != nil {
			return err
		}
		version = c.Version
		x.rep.Register = append(x.rep.Register, changeWords(c, ref))
	}
	return nil
}

func changeWords(c mb.ActionChange, ref string) string {
	switch c.Kind {
	case mb.ActionEventRevised:
		return fmt.Sprintf("revised the target date of %s to %s", ref, c.NewTarget.Format("02/01/2006"))
	case mb.ActionEventClosed:
		return "closed " + ref
	}
	return "reopened " + ref
}
