package web

import mb "github.com/minutebook/minutebook/internal/minutebook"

// ForwardPlanPage lists a committee's coming meetings with the items
// planned for them.
type ForwardPlanPage struct {
	Chrome
	Committee *mb.Committee
	Meetings  []PlannedMeetingView
	CanEdit   bool
}

// PlannedMeetingView is a coming meeting and what the reader may read of
// its planned items.
type PlannedMeetingView struct {
	Meeting *mb.Meeting
	Agenda  *mb.Agenda
	Items   []*AgendaItemView
}
