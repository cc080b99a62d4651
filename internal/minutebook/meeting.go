package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// MeetingKind says what sort of meeting it is.
type MeetingKind string

// The kinds of meeting. The model document's committee alternates main and
// reporting meetings and holds extraordinary ones when it must.
const (
	MainMeeting          MeetingKind = "main"
	ReportingMeeting     MeetingKind = "reporting"
	ExtraordinaryMeeting MeetingKind = "extraordinary"
)

// MeetingKinds lists the kinds in the order forms offer them.
var MeetingKinds = []MeetingKind{MainMeeting, ReportingMeeting, ExtraordinaryMeeting}

// Label is how the documents name the kind: "Main Meeting".
func (k MeetingKind) Label() string {
	switch k {
	case MainMeeting:
		return "Main Meeting"
	case ReportingMeeting:
		return "Reporting Meeting"
	case ExtraordinaryMeeting:
		return "Extraordinary Meeting"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k MeetingKind) Valid() bool {
	for _, v := range MeetingKinds {
		if k == v {
			return true
		}
	}
	return false
}

// MinutesStatus is where a meeting's minutes are in their lifecycle.
type MinutesStatus string

// The lifecycle: Draft → Circulated → Approved → Published.
const (
	Draft      MinutesStatus = "draft"
	Circulated MinutesStatus = "circulated"
	Approved   MinutesStatus = "approved"
	Published  MinutesStatus = "published"
)

// MinutesStatuses lists the states in lifecycle order.
var MinutesStatuses = []MinutesStatus{Draft, Circulated, Approved, Published}

// Label is the word the interface shows: "Draft".
func (s MinutesStatus) Label() string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// DocumentLabel is the word in the document's title line: a draft or
// circulated document reads "Draft Minutes", an approved or published one
// "Final Minutes".
func (s MinutesStatus) DocumentLabel() string {
	if s == Approved || s == Published {
		return "Final Minutes"
	}
	return "Draft Minutes"
}

// Meeting is one meeting of a committee.
type Meeting struct {
	ID             int64
	CommitteeID    int64
	CommitteeCode  string // read-only, filled by the store
	CommitteeName  string // read-only, filled by the store
	Number         int
	Kind           MeetingKind
	Date           time.Time // the day, at midnight UTC
	Start          *TimeOfDay
	End            *TimeOfDay
	Venue          string
	Reference      string // "OPSG_105_2310", derived by MeetingReference
	Classification Classification
	Status         MinutesStatus
	Version        int
	// AttendanceVersion guards the roll call, saved as a whole.
	AttendanceVersion int
	// ApprovedMeetingID names the later meeting that approved the minutes.
	ApprovedMeetingID *int64
	// CorrectionReason is set while a correction of approved minutes is open.
	CorrectionReason string
	// CommentsDue is the day by which members are asked to comment on the
	// circulated draft, when the secretariat set one.
	CommentsDue *time.Time
	// Epoch is read-only: the count of the writes to what the minutes show
	// beside their own content (the register, the schedule, names), kept on
	// the committee; with Version it says when a rendered document is stale.
	Epoch     int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// TimeOfDay is a wall-clock time, such as a meeting's start.
type TimeOfDay struct{ Hour, Minute int }

// ParseTimeOfDay reads "12:20" or "9:05".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return TimeOfDay{}, Errorf(EINVALID, "%q is not a time: use HH:MM, such as 12:20.", s)
	}
	return TimeOfDay{t.Hour(), t.Minute()}, nil
}

// String returns "12:20".
func (t TimeOfDay) String() string { return fmt.Sprintf("%02d:%02d", t.Hour, t.Minute) }

// Minutes returns the minutes since midnight.
func (t TimeOfDay) Minutes() int { return t.Hour*60 + t.Minute }

// MeetingReference derives a document reference from the committee code,
// meeting number and date: OPSG, 105, 23 October 2023 → "OPSG_105_2310".
func MeetingReference(code string, number int, date time.Time) string {
	return fmt.Sprintf("%s_%d_%s", code, number, date.Format("0601"))
}

// Title is the document's heading: "Operations Group Meeting 105".
func (m *Meeting) Title() string {
	return fmt.Sprintf("%s Meeting %d", m.CommitteeName, m.Number)
}

// ShortName is how other documents cite the meeting: "OPSG 105".
func (m *Meeting) ShortName() string {
	return fmt.Sprintf("%s %d", m.CommitteeCode, m.Number)
}

// DateLabel is the date as the documents print it: "23 October 2023".
func (m *Meeting) DateLabel() string { return m.Date.Format("2 January 2006") }

// TimeLabel is the time range as the documents print it: "12:20 – 16:00",
// or just the start, or "" when no time is recorded.
func (m *Meeting) TimeLabel() string {
	switch {
	case m.Start != nil && m.End != nil:
		return m.Start.String() + " – " + m.End.String()
	case m.Start != nil:
		return m.Start.String()
	}
	return ""
}

// DocumentTitle is the reference and status line: "OPSG_105_2310 – Draft Minutes".
func (m *Meeting) DocumentTitle() string {
	return m.Reference + " – " + m.Status.DocumentLabel()
}

// Normalize tidies typed values.
func (m *Meeting) Normalize() {
	m.Venue = strings.Join(strings.Fields(m.Venue), " ")
}

// Validate checks the meeting's own rules; the store checks that the number is
// free in the committee.
func (m *Meeting) Validate() error {
	fe := FieldErrors{}
	if m.CommitteeID == 0 {
		fe.Add("committee", "Choose the committee.")
	}
	if m.Number < 1 {
		fe.Add("number", "Enter the meeting number, a whole number from 1.")
	}
	if !m.Kind.Valid() {
		fe.Add("kind", "Choose the kind of meeting.")
	}
	if m.Date.IsZero() {
		fe.Add("date", "Enter the date of the meeting.")
	}
	if m.End != nil && m.Start == nil {
		fe.Add("start", "Enter the start time as well as the end time.")
	}
	if m.Start != nil && m.End != nil && m.End.Minutes() <= m.Start.Minutes() {
		fe.Add("end", "The meeting must end after it starts.")
	}
	if len(m.Venue) > 200 {
		fe.Add("venue", "The venue is too long: 200 characters at most.")
	}
	if !m.Classification.Valid() {
		fe.Add("classification", "Choose a classification.")
	}
	return fe.Err()
}

// Locked reports whether the minutes may no longer change: approved or
// published, with no correction open.
func (m *Meeting) Locked() bool {
	return (m.Status == Approved || m.Status == Published) && m.CorrectionReason == ""
}

// Editable reports whether the secretariat may change the minutes' content.
func (m *Meeting) Editable() bool { return !m.Locked() }

// NextStatus is the state the lifecycle moves to from s, or "" at its end.
func (s MinutesStatus) NextStatus() MinutesStatus {
	switch s {
	case Draft:
		return Circulated
	case Circulated:
		return Approved
	case Approved:
		return Published
	}
	return ""
}
