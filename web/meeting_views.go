package web

import "github.com/minutebook/minutebook/internal/form"

// MeetingFormPage creates or edits a meeting's header.
type MeetingFormPage struct {
	Chrome
	Form       *form.Meeting
	IsNew      bool
	Committees []Option
	// CommitteeCode is set when the form is for a known committee.
	CommitteeCode string
}
