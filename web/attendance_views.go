package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AttendanceFormPage records who attended.
type AttendanceFormPage struct {
	Chrome
	Meeting       *mb.Meeting
	Form          *form.Attendance
	People        []Option
	Organisations []Option
	Members       []Option
	// Items are the meeting's items, which part attendance is chosen from.
	Items []Option
	// Saved is the stored roll call, shown beside the form after a conflict.
	Saved []mb.Attendee
	// Draft is the reader's unsaved draft of the form, when one is kept.
	Draft *DraftNotice
}

// organisationName names the organisation with the id, from the choices.
func (p AttendanceFormPage) organisationName(id string) string {
	for _, o := range p.Organisations {
		if o.Value == id {
			return o.Label
		}
	}
	return "their own organisation"
}
