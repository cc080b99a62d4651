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
