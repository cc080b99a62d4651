package minutebook

import (
	"sort"
	"time"
)

// OutstandingAction is one row of a meeting's actions outstanding table, as
// the model document prints it: the action, the target in force when the
// meeting began (Last Target Date), the target the meeting set (Revised
// Target Date), and the status after the meeting.
type OutstandingAction struct {
	Action        *Action
	LastTarget    *time.Time
	RevisedTarget *time.Time
	StatusAfter   ActionStatus
	// Notes are the updates and closing notes recorded at the meeting.
	Notes []string
}

// eventDay is the day an event took effect: its meeting's date, or the day
// it was recorded when no meeting is named.
func (e *ActionEvent) eventDay() time.Time {
	if e.MeetingDate != nil {
		return *e.MeetingDate
	}
	return time.Date(e.At.Year(), e.At.Month(), e.At.Day(), 0, 0, 0, 0, time.UTC)
}

// OutstandingAt derives an action's row in the actions outstanding table of
// the meeting (id, number, date) by replaying its events, and reports whether
// the action belongs in that table at all: it must have been raised at an
// earlier meeting and been open when this meeting began.
func OutstandingAt(a *Action, meetingID int64, meetingNumber int, meetingDate time.Time) (OutstandingAction, bool) {
	if a.MeetingNumber >= meetingNumber {
		return OutstandingAction{}, false
	}
	events := append([]ActionEvent(nil), a.Events...)
	sort.SliceStable(events, func(i, j int) bool {
		di, dj := events[i].eventDay(), events[j].eventDay()
		if !di.Equal(dj) {
			return di.Before(dj)
		}
		return events[i].At.Before(events[j].At)
	})
	row := OutstandingAction{Action: a, LastTarget: a.TargetDate}
	open := true
	// Before the meeting: replay everything that took effect earlier.
	var at []ActionEvent
	for _, e := range events {
		if e.MeetingID != nil && *e.MeetingID == meetingID {
			at = append(at, e)
			continue
		}
		if !e.eventDay().Before(meetingDate) {
			continue
		}
		switch e.Kind {
		case ActionEventRevised:
			row.LastTarget = e.NewTarget
		case ActionEventClosed:
			open = false
		case ActionEventReopened:
			open = true
		}
	}
	if !open {
		return OutstandingAction{}, false
	}
	row.StatusAfter = ActionOpen
	for _, e := range at {
		switch e.Kind {
		case ActionEventRevised:
			row.RevisedTarget = e.NewTarget
		case ActionEventClosed:
			row.StatusAfter = ActionClosed
		case ActionEventReopened:
			row.StatusAfter = ActionOpen
		}
		if e.Note != "" && e.Kind != ActionEventReopened {
			row.Notes = append(row.Notes, e.Note)
		}
	}
	return row, true
}
