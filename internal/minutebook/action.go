package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// ActionStatus is open or closed.
type ActionStatus string

// The statuses of an action.
const (
	ActionOpen   ActionStatus = "open"
	ActionClosed ActionStatus = "closed"
)

// Label is the word the actions outstanding table shows: "Open", "Closed".
func (s ActionStatus) Label() string {
	if s == ActionClosed {
		return "Closed"
	}
	return "Open"
}

// Action is raised within an item at a meeting and stays open across meetings
// until the committee closes it at a meeting.
type Action struct {
	ID              int64
	CommitteeID     int64
	CommitteeCode   string // read-only
	MeetingNumber   int
	Sequence        int
	RaisedMeetingID *int64 // nil when raised at a meeting not in minutebook
	ItemID          *int64
	RaisedOn        time.Time
	Text            string
	OwnerID         int64 // the owner organisation
	OwnerName       string
	OwnerPersonID   *int64
	OwnerPersonName string
	// TargetDate is the target as first set; CurrentTarget the latest revision.
	TargetDate      *time.Time
	CurrentTarget   *time.Time
	Status          ActionStatus
	ClosedMeetingID *int64
	ClosedOn        *time.Time
	Events          []ActionEvent
	Version         int
}

// ActionReference formats the full reference: "OPSG 105/01".
func ActionReference(code string, meetingNumber, sequence int) string {
	return fmt.Sprintf("%s %s", code, ShortActionReference(meetingNumber, sequence))
}

// ShortActionReference formats the reference as an item shows it: "105/01".
func ShortActionReference(meetingNumber, sequence int) string {
	return fmt.Sprintf("%d/%02d", meetingNumber, sequence)
}

// Reference is the action's full reference: "OPSG 105/01".
func (a *Action) Reference() string {
	return ActionReference(a.CommitteeCode, a.MeetingNumber, a.Sequence)
}

// ShortReference is the reference as the raising item shows it: "105/01".
func (a *Action) ShortReference() string { return ShortActionReference(a.MeetingNumber, a.Sequence) }

// Overdue reports whether the action is open past its current target on day.
func (a *Action) Overdue(day time.Time) bool {
	return a.Status == ActionOpen && a.CurrentTarget != nil && a.CurrentTarget.Before(day)
}

// ParseActionReference reads "OPSG 105/01", "105/01" (with code given) or
// "OPSG 105/1" into its parts.
func ParseActionReference(s, defaultCode string) (code string, meeting, sequence int, err error) {
	s = strings.TrimSpace(s)
	code = defaultCode
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		code, s = strings.ToUpper(strings.TrimSpace(s[:i])), s[i+1:]
	}
	if _, err := fmt.Sscanf(s, "%d/%d", &meeting, &sequence); err != nil || meeting < 1 || sequence < 1 || code == "" {
		return "", 0, 0, Errorf(EINVALID, "%q is not an action reference such as OPSG 105/01.", s)
	}
	return code, meeting, sequence, nil
}

// ValidateRaised checks an action as an item raises it: its words, an owner
// organisation, and a target date no earlier than the meeting.
func (a *Action) ValidateRaised(meetingDate time.Time) error {
	fe := FieldErrors{}
	a.Text = strings.TrimSpace(a.Text)
	if a.Text == "" {
		fe.Add("text", "Enter the action, such as “The DCC to provide …”.")
	} else if len(a.Text) > 5000 {
		fe.Add("text", "The action is too long: 5,000 characters at most.")
	}
	if a.OwnerID == 0 {
		fe.Add("owner", "Choose the organisation that owns the action.")
	}
	if a.TargetDate != nil && a.TargetDate.Before(meetingDate) {
		fe.Add("target_date", "The target date cannot be before the meeting that raised the action.")
	}
	return fe.Err()
}

// ValidateEarlier checks an action entered from earlier history (raised at
// a meeting that may not be in minutebook): the reference, the date raised,
// the text and the owner. Messages are keyed as the form names its fields.
func (a *Action) ValidateEarlier() error {
	a.Text = strings.TrimSpace(a.Text)
	fe := FieldErrors{}
	if a.CommitteeID == 0 {
		fe.Add("committee", "Choose the committee.")
	}
	if a.MeetingNumber < 1 || a.Sequence < 1 || a.Sequence > 99 {
		fe.Add("reference", "Enter the action's reference, such as 102/01.")
	}
	if a.RaisedOn.IsZero() {
		fe.Add("raised_on", "Enter the date the action was raised.")
	}
	if a.Text == "" {
		fe.Add("text", "Enter the action as the minutes record it.")
	} else if len(a.Text) > MaxActionNote {
		fe.Add("text", "The action is too long: 4000 characters at most.")
	}
	if a.OwnerID == 0 {
		fe.Add("owner", "Choose the owner organisation.")
	}
	if a.TargetDate != nil && !a.RaisedOn.IsZero() && a.TargetDate.Before(a.RaisedOn) {
		fe.Add("target_date", "The target date cannot be before the action was raised.")
	}
	return fe.Err()
}

// ActionEventKind is what happened to an action after it was raised.
type ActionEventKind string

// The kinds of action event.
const (
	ActionEventRevised  ActionEventKind = "revised"
	ActionEventUpdate   ActionEventKind = "update"
	ActionEventClosed   ActionEventKind = "closed"
	ActionEventReopened ActionEventKind = "reopened"
)

// ActionEvent is one step in an action's life after it was raised.
type ActionEvent struct {
	ID             int64
	ActionID       int64
	MeetingID      *int64
	MeetingNumber  int        // read-only, 0 when no meeting
	MeetingDate    *time.Time // read-only, nil when no meeting
	Kind           ActionEventKind
	PreviousTarget *time.Time
	NewTarget      *time.Time
	Note           string
	// NoteWithheld is set, and Note empty, when the reader may not read
	// the note: it was recorded at minutes the reader may not read.
	NoteWithheld bool
	ActorName    string
	At           time.Time
}
