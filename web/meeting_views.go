package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// MeetingFormPage creates or edits a meeting's header.
type MeetingFormPage struct {
	Chrome
	Form       *form.Meeting
	IsNew      bool
	Committees []Option
	// CommitteeCode is set when the form is for a known committee.
	CommitteeCode string
	// Standing are the committee's standing items a new meeting may start
	// with; Previous is its latest meeting, whose item titles it may copy
	// (PreviousTitles, sub-items indented).
	Standing       []mb.StandingItem
	Previous       *mb.Meeting
	PreviousTitles []string
}
