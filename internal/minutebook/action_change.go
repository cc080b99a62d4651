package minutebook

import (
	"strconv"
	"strings"
	"time"
)

// ActionChange is one thing recorded against an action after it was raised:
// an update note, a revised target date with its reason, or closure with a
// closing note, each at a meeting; or reopening, by the secretariat, with a
// reason. The store applies it as one action_events row and the matching
// change to the action itself, in one transaction.
type ActionChange struct {
	ActionID int64
	// Version is the action's version as the person saw it; a change to an
	// action that moved since is refused rather than silently stacked.
	Version int
	Kind    ActionEventKind
	// MeetingID is the meeting at which the change was recorded: required
	// for updates, revisions and closure, optional for reopening.
	MeetingID *int64
	// NewTarget is the revised target date, for a revision.
	NewTarget *time.Time
	// Note is the update, the reason for a revision, the closing note or the
	// reason for reopening.
	Note string
	// Backfill allows the change at a meeting whose minutes are already
	// approved or published. Approved minutes do not change, and their
	// actions outstanding table is derived from these records, so only a
	// committee entering its earlier history (the demo, an import) sets it.
	Backfill bool
}

// MaxActionNote is the longest note an action change may carry.
const MaxActionNote = 4000

// Normalize tidies the typed note.
func (c *ActionChange) Normalize() { c.Note = strings.TrimSpace(c.Note) }

// Validate checks the change's own rules, with messages keyed "meeting",
// "target" and "note" as the forms name those fields.
func (c *ActionChange) Validate() error {
	fe := FieldErrors{}
	switch c.Kind {
	case ActionEventUpdate:
		if c.Note == "" {
			fe.Add("note", "Write the update.")
		}
	case ActionEventRevised:
		if c.NewTarget == nil {
			fe.Add("target", "Enter the revised target date.")
		}
		if c.Note == "" {
			fe.Add("note", "Give the reason for the revised target date.")
		}
	case ActionEventClosed:
		if c.Note == "" {
			fe.Add("note", "Write a closing note, such as “Report received and reviewed”.")
		}
	case ActionEventReopened:
		if c.Note == "" {
			fe.Add("note", "Give the reason for reopening the action.")
		}
	default:
		fe.Add("kind", "Choose what to record: an update, a revised target date or closure.")
	}
	if c.Kind != ActionEventReopened && c.MeetingID == nil {
		fe.Add("meeting", "Choose the meeting at which this was recorded.")
	}
	if len(c.Note) > MaxActionNote {
		fe.Add("note", "The note is too long: 4000 characters at most.")
	}
	return fe.Err()
}

// CheckAgainst checks the change against the action as stored and the
// meeting it is recorded at (nil when none): the action's state, the
// meeting's committee, order and minutes status.
func (c *ActionChange) CheckAgainst(a *Action, m *Meeting) error {
	fe := FieldErrors{}
	switch c.Kind {
	case ActionEventReopened:
		if a.Status != ActionClosed {
			return Errorf(ECONFLICT, "%s is open: only a closed action can be reopened.", a.Reference())
		}
	default:
		if a.Status != ActionOpen {
			return Errorf(ECONFLICT, "%s is closed: reopen it first.", a.Reference())
		}
	}
	if c.Kind == ActionEventRevised && c.NewTarget != nil {
		switch {
		case a.CurrentTarget != nil && c.NewTarget.Equal(*a.CurrentTarget):
			fe.Add("target", "That is already the target date: enter the revised one.")
		case c.NewTarget.Before(a.RaisedOn):
			fe.Add("target", "The target date cannot be before the action was raised ("+a.RaisedOn.Format("02/01/2006")+").")
		}
	}
	if m != nil {
		if m.CommitteeID != a.CommitteeID {
			fe.Add("meeting", "Choose a meeting of "+a.CommitteeCode+".")
		} else if m.Number <= a.MeetingNumber || m.Date.Before(a.RaisedOn) {
			fe.Add("meeting", "Choose a meeting after the one that raised "+a.Reference()+".")
		} else if last := lastEventDay(a); last != nil && m.Date.Before(*last) {
			fe.Add("meeting", m.ShortName()+" is earlier than the last change recorded for "+a.Reference()+".")
		} else if (m.Status == Approved || m.Status == Published) && !c.Backfill {
			fe.Add("meeting", "The minutes of "+m.ShortName()+" are "+string(m.Status)+" and no longer change: record this at a later meeting.")
		}
	}
	return fe.Err()
}

// lastEventDay is the day of the action's latest recorded change, if any.
func lastEventDay(a *Action) *time.Time {
	var last *time.Time
	for i := range a.Events {
		d := a.Events[i].eventDay()
		if last == nil || d.After(*last) {
			last = &d
		}
	}
	return last
}

// Apply moves the action as the change says: its status, current target
// and closure. The caller stores both the event and the action.
func (c *ActionChange) Apply(a *Action, m *Meeting) ActionEvent {
	e := ActionEvent{ActionID: a.ID, MeetingID: c.MeetingID, Kind: c.Kind, Note: c.Note}
	switch c.Kind {
	case ActionEventRevised:
		e.PreviousTarget, e.NewTarget = a.CurrentTarget, c.NewTarget
		a.CurrentTarget = c.NewTarget
	case ActionEventClosed:
		a.Status = ActionClosed
		day := SystemClock.Today() // a closure is recorded at a meeting: this is a fallback
		if m != nil {
			day = m.Date
			a.ClosedMeetingID = &m.ID
		}
		a.ClosedOn = &day
	case ActionEventReopened:
		a.Status, a.ClosedMeetingID, a.ClosedOn = ActionOpen, nil, nil
	}
	return e
}

// Summary says in words what the change does, for the audit log and flash
// messages: "Closed OPSG 102/01 at OPSG 105: Report received".
func (c *ActionChange) Summary(a *Action, m *Meeting) string {
	var s string
	switch c.Kind {
	case ActionEventUpdate:
		s = "Recorded an update on " + a.Reference()
	case ActionEventRevised:
		prev := "none"
		if a.CurrentTarget != nil {
			prev = a.CurrentTarget.Format(time.DateOnly)
		}
		s = "Revised the target date of " + a.Reference() + " from " + prev + " to " + c.NewTarget.Format(time.DateOnly)
	case ActionEventClosed:
		s = "Closed " + a.Reference()
	case ActionEventReopened:
		s = "Reopened " + a.Reference()
	}
	if m != nil {
		s += " at " + m.ShortName()
	}
	return s + ": " + c.Note
}

// ReviewField names a field of one row of a meeting's review of its
// outstanding actions, so that messages land beside the right row: "a12-note".
func ReviewField(actionID int64, field string) string {
	return "a" + strconv.FormatInt(actionID, 10) + "-" + field
}
