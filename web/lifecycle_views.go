package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ApproveFormPage records the approval of circulated minutes at a later meeting.
type ApproveFormPage struct {
	Chrome
	Meeting  *mb.Meeting
	Form     *form.Approval
	Meetings []Option
	Items    []Option
	// Audience is who may read the minutes once approved.
	Audience []mb.AudienceGroup
	Members  int
	// Schedule schedules the committee's next meeting and comes back here.
	Schedule string
}

// CorrectionFormPage opens a correction of approved minutes.
type CorrectionFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Form    *form.Correction
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

// ConfirmTransitionPage confirms circulating or publishing the minutes.
type ConfirmTransitionPage struct {
	Chrome
	Meeting *mb.Meeting
	// Move is "circulate" or "publish"; Action the address that makes it.
	Move, Action, Button string
	// Consequence says what else follows ("Members may comment …").
	Consequence string
	Audience    []mb.AudienceGroup
	// Members counts the committee's members today.
	Members int
	// AsksDeadline offers a date by which members comment (circulating).
	AsksDeadline bool
	// Inquorate are the items whose decisions were taken while the meeting
	// was inquorate: confirming acknowledges them.
	Inquorate []string
}
