package web

import (
	"time"

	"github.com/a-h/templ"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// MinutesView is a meeting's rendered minutes, shaped as the model document:
// the attendee tables, the numbered items, the actions outstanding table
// and the next meetings.
type MinutesView struct {
	Meeting     *mb.Meeting
	Members     []mb.AttendeeGroup
	Others      []mb.AttendeeGroup
	Apologies   []mb.AttendeeGroup
	Items       []*ItemView
	Outstanding []mb.OutstandingAction
	// OutstandingWithheld counts the actions outstanding raised above the
	// reader's level, which the table leaves out and says so.
	OutstandingWithheld int
	// OutstandingInItem is set when an item titled "Actions Outstanding"
	// holds the table, as in the model document; otherwise it closes the
	// document in a section of its own.
	OutstandingInItem bool
	Next              []mb.NextMeeting
	ApprovedBy        string
	// Controls holds what the reader may do inside the document; nil for
	// a plain document (the public site, the print view).
	Controls *MinutesControls
}

// MinutesControls are the working controls shown inside the document to the
// secretariat (editing) and to members (comments). They never print.
type MinutesControls struct {
	CanEdit    bool // the secretariat, while the minutes are editable
	CanComment bool // members, while the draft is circulated
	// SeesAllComments is true for the secretariat, who resolves them;
	// members see their own.
	SeesAllComments bool
	ViewerID        int64
}

// ItemView is one agenda item as a reader sees it.
type ItemView struct {
	Item     *mb.Item
	Withheld bool
	Children []*ItemView
	Comments []*mb.Comment
	// Outstanding shows the meeting's actions outstanding table in this item.
	Outstanding bool
	// Addenda are sections other registers add inside the item, after its
	// minute and before its decisions: the risk register's reviews go here
	// (see server.itemReviews). Nil when there are none.
	Addenda templ.Component
	// Reviews are the risk reviews Addenda shows, for the exports.
	Reviews []mb.RiskReview
}

// MeetingMinutesPage is a meeting's working page: the header, the lifecycle
// panel and the minutes with the reader's controls.
type MeetingMinutesPage struct {
	Chrome
	Minutes *MinutesView
	// Document, when set, is the minutes already rendered (kept for their
	// kind of reader while they cannot change); Minutes then carries only
	// the meeting.
	Document templ.Component
	// CanEditHeader allows editing the meeting's header.
	CanEditHeader bool
	// Lifecycle moves the reader may make now.
	CanCirculate, CanApprove, CanPublish, CanCorrect, CanFinishCorrection bool
	CanSeeHistory                                                         bool
	OpenComments                                                          int
}

// PublicMinutesPage is a published document on the public site.
type PublicMinutesPage struct {
	Chrome
	Minutes *MinutesView
	// Document, when set, is the minutes already rendered, as for
	// MeetingMinutesPage.
	Document templ.Component
}

// PublicCommitteePage lists one committee's published minutes.
type PublicCommitteePage struct {
	Chrome
	Code     string
	Name     string
	Meetings []*mb.Meeting
}

// AttendanceFormPage records who attended.
type AttendanceFormPage struct {
	Chrome
	Meeting       *mb.Meeting
	Form          *form.Attendance
	People        []Option
	Organisations []Option
	Members       []Option
	Categories    []Option
	// Saved is the stored roll call, shown beside the form after a conflict.
	Saved []mb.Attendee
}

// ItemFormPage adds or edits an agenda item.
type ItemFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Form    *form.Item
	IsNew   bool
	Parents []Option
	Action  string
	// Saved is the stored item, shown beside the typed one after a conflict.
	Saved *mb.Item
}

// DecisionFormPage records or edits a decision.
type DecisionFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Item    *mb.Item
	Form    *form.Decision
	IsNew   bool
	Words   []Option
	Action  string
	Saved   *mb.Decision
}

// RaisedActionFormPage raises or edits an action within an item.
type RaisedActionFormPage struct {
	Chrome
	Meeting       *mb.Meeting
	Item          *mb.Item
	Form          *form.RaisedAction
	IsNew         bool
	Reference     string // "OPSG 105/01" when editing
	Organisations []Option
	People        []Option
	Action        string
	Saved         *mb.Action
}

// ApproveFormPage records the approval of circulated minutes at a later meeting.
type ApproveFormPage struct {
	Chrome
	Meeting    *mb.Meeting
	ApprovedAt string
	Item       string
	Meetings   []Option
	Items      []Option
	Errors     form.Errors
}

// CorrectionFormPage opens a correction of approved minutes.
type CorrectionFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Reason  string
	Errors  form.Errors
}

// HistoryPage lists the versions of the minutes and a difference between two.
type HistoryPage struct {
	Chrome
	Meeting  *mb.Meeting
	Versions []*mb.MinutesVersion
	From, To string
	Options  []Option
	Diff     []mb.DiffLine
	FromName string
	ToName   string
}

func dateTime(t time.Time) string { return t.Format("2 Jan 2006 15:04") }

func attendanceStatusOptions() []Option {
	var o []Option
	for _, s := range mb.AttendanceStatuses {
		o = append(o, Option{Value: string(s), Label: s.Label()})
	}
	return o
}

// decisionAnchor is a decision's fragment in the minutes page, which the
// escalations dashboard links to: "decision-42".
func decisionAnchor(d mb.Decision) string { return "decision-" + i64(d.ID) }
