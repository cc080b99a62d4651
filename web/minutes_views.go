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
	// Editor is the form open in place, when the secretariat opened one.
	Editor *Editor
	// CanReview allows reviewing the outstanding actions and the risks at
	// the meeting (not once its minutes are approved).
	CanReview bool
	// Approvable are the committee's earlier meetings whose circulated
	// minutes this meeting may approve, offered in its item "Previous
	// Meeting Minutes".
	Approvable []*mb.Meeting
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
	// FirstOpenComment is the first comment still to resolve, which the
	// count of them links to.
	FirstOpenComment int64
	// CanSign offers the chair the signature of approved minutes.
	CanSign bool
	// InquorateDecisions are the items whose decisions were taken while
	// inquorate: circulating the draft asks the secretariat to confirm.
	InquorateDecisions []string
}

// editor is the form open in place, or nil.
func (v *MinutesView) editor() *Editor {
	if v.Controls == nil || !v.Controls.CanEdit {
		return nil
	}
	return v.Controls.Editor
}

// canEdit says whether the reader may change the minutes now.
func (v *MinutesView) canEdit() bool { return v.Controls != nil && v.Controls.CanEdit }

// The sections of the workspace that big forms open in: the roll call,
// the actions outstanding table and the risk review.
const (
	AttendeesAnchor   = "attendees"
	OutstandingAnchor = "actions-outstanding"
	RiskReviewAnchor  = "risk-review"
)

// inPlace makes a link or a form of the workspace, with JavaScript, ask
// for its address and swap only the section with the id target for that
// section of the answer: the page the address serves without JavaScript.
// htmx's attributes are written data-hx-…, so that the pages stay valid HTML.
func inPlace(target string) templ.Attributes {
	return templ.Attributes{"data-hx-select": "#" + target, "data-hx-target": "#" + target, "data-hx-swap": "outerHTML"}
}

// inPlaceGet is inPlace for a link to path.
func inPlaceGet(path, target string) templ.Attributes {
	a := inPlace(target)
	a["data-hx-get"] = path
	return a
}

// inPlacePost is inPlace for a form or a button that posts to path. Its
// children inherit nothing from it: a live preview inside a form asks for
// a fragment of its own.
func inPlacePost(path, target string) templ.Attributes {
	a := inPlace(target)
	a["data-hx-post"] = path
	a["data-hx-disinherit"] = "*"
	return a
}
