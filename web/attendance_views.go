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
	Categories    []Option
	// Saved is the stored roll call, shown beside the form after a conflict.
	Saved []mb.Attendee
}
