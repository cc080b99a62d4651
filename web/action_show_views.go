package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ActionPage is one action with its full history.
type ActionPage struct {
	Chrome
	Action        *mb.Action
	Slippage      mb.Slippage
	Overdue       bool
	RaisedMeeting *mb.Meeting // nil when not in minutebook or not readable
	ClosedMeeting *mb.Meeting
	Events        []EventRow
	// CanChange shows the secretariat's forms.
	CanChange bool
	Meetings  []Option // meetings at which a change may be recorded
	Change    *form.ActionChange
	Reopen    *form.ActionChange
}

// EventRow is one step in an action's history as the reader may see it.
type EventRow struct {
	Event       mb.ActionEvent
	MeetingName string // "OPSG 105", "" when none
	MeetingURL  string // "" when the reader may not open it
	NoteHidden  bool
}

// eventLabel names what happened in an action's history.
func eventLabel(k mb.ActionEventKind) string {
	switch k {
	case mb.ActionEventRevised:
		return "Target date revised"
	case mb.ActionEventUpdate:
		return "Update"
	case mb.ActionEventClosed:
		return "Closed"
	case mb.ActionEventReopened:
		return "Reopened"
	}
	return string(k)
}
