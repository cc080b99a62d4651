package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// Item is an agenda item of a meeting, holding the minute itself. Items nest
// one level: item 5 holds 5.1, 5.2 and 5.3.
type Item struct {
	ID        int64
	MeetingID int64
	ParentID  *int64
	Position  int    // order among siblings, from 1
	Number    string // "5" or "5.1", derived from the positions
	Title     string
	Minute    string // the minute, in the small safe text format
	// Classification is set when the item needs more protection than its
	// document; zero means "as the document".
	Classification Classification
	// Access is what the reading rule needs of the item: its effective
	// level is the strictest of its document's, its own and its parent's.
	Access Access `json:"-"`
	// Withheld is set on an item the reader may not read, as
	// Reader.ReadableMinutes returns it: only its number and level remain.
	Withheld  bool `json:"-"`
	Decisions []Decision
	Actions   []Action
	// Children are the sub-items (5.1, 5.2) of a top-level item, in order.
	Children  []*Item
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// HoldsOutstanding reports whether the item is where the minutes show the
// actions outstanding table: an item titled "Actions Outstanding", as item
// 2 of the model document. The first such item holds it.
func (i *Item) HoldsOutstanding() bool {
	return strings.EqualFold(strings.TrimSpace(i.Title), "Actions Outstanding")
}

// Decision is a decision recorded in an item, in the committee's voice:
// "The OPSG NOTED the update."
type Decision struct {
	ID       int64
	ItemID   int64
	Position int
	Kind     string // a word of the committee's vocabulary: NOTED, AGREED, …
	Text     string // what follows the word: "the update"
	Version  int
}

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

// ActionEventKind is what happened to an action after it was raised.
type ActionEventKind string

// The kinds of action event.
const (
	ActionRevised  ActionEventKind = "revised"
	ActionUpdate   ActionEventKind = "update"
	ActionClosedEv ActionEventKind = "closed"
	ActionReopened ActionEventKind = "reopened"
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

// DecisionSentence renders one decision in the committee's voice, as plain
// text: "The OPSG NOTED the update."
func DecisionSentence(code string, d Decision) string {
	text := strings.TrimSpace(d.Text)
	if text != "" && !strings.HasSuffix(text, ".") {
		text += "."
	}
	return fmt.Sprintf("The %s %s %s", code, d.Kind, text)
}
