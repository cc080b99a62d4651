package web

import (
	"github.com/a-h/templ"

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
	// Declarations are the interests declared in the items the reader may
	// read, listed near the top of the minutes.
	Declarations []mb.Declaration
	// Quorum says whether the meeting, and each item, was quorate; nil or
	// without a rule when the committee has none.
	Quorum *mb.QuorumRecord
	// Signature is the chair's signature, standing or voided; nil if none.
	Signature *mb.Signature
	// Controls holds what the reader may do inside the document; nil for
	// a plain document (the public site, the print view).
	Controls *MinutesControls
	// Links links the references the minutes name; nil in the files.
	Links *ReferenceLinks
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
	// Quorum is the item's quorum when the item was inquorate; nil otherwise.
	Quorum *mb.ItemQuorum
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
	// CanSign offers the chair the signature of approved minutes.
	CanSign bool
	// InquorateDecisions are the items whose decisions were taken while
	// inquorate: circulating the draft asks the secretariat to confirm.
	InquorateDecisions []string
}
