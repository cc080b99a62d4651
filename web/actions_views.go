package web

import (
	"fmt"
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ActionsPage is the actions register: a filtered, sorted, paged view of
// every action the reader may see, with its counts, slippage by owner and
// a chart of open actions by owner and age.
type ActionsPage struct {
	Chrome
	Filter     *form.ActionFilter
	Committees []Option
	Owners     []Option
	Rows       []ActionRow
	Counts     mb.RegisterCounts
	// Total is how many actions the view lists over every page.
	Total    int
	Page     int
	Pages    int
	First    int // the position of the first row shown, from 1
	Last     int
	PrevURL  string
	NextURL  string
	CSVURL   string
	APIURL   string
	Statuses []FilterLink
	Sorts    []FilterLink
	// Mine are the one-click views of the reader's own organisation's
	// actions; empty for anonymous readers and people without one.
	Mine        []FilterLink
	Slippage    []mb.OwnerSlippage
	Chart       AgeChart
	CanAddEarly []Option // committees whose earlier history the reader may enter
}

// FilterLink is one choice that changes the view: a status, a sort order.
type FilterLink struct {
	Label   string
	Href    string
	Current bool
	TestID  string
}

// ActionRow is one action in the register.
type ActionRow struct {
	Entry   mb.RegisterEntry
	URL     string
	Overdue bool
	AgeDays int
}

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

// ReviewPage is a meeting's review of its outstanding actions: one form,
// saved all or nothing.
type ReviewPage struct {
	Chrome
	Meeting *mb.Meeting
	Rows    []ReviewRowView
	// Done are the actions whose review at this meeting closed them.
	Done   []mb.OutstandingAction
	Form   *form.Review
	Errors form.Errors
}

// ReviewRowView is one outstanding action in the review form.
type ReviewRowView struct {
	Action   *mb.Action
	Row      *form.ReviewRow
	Notes    []string // already recorded at this meeting
	Overdue  bool
	Slippage mb.Slippage
}

// EarlierActionPage enters an action from the committee's earlier history.
type EarlierActionPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.EarlierAction
	Owners    []Option
	People    []Option
}

// CalendarFeeds are the feed addresses on the account page.
type CalendarFeeds struct {
	// NewURL is the personal feed URL, shown once right after it is made.
	NewURL     string
	HasToken   bool
	Created    time.Time
	Committees []Option // public feeds by committee: Value is the URL
}

func isoDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func slipLabel(days int) string {
	switch {
	case days == 0:
		return "0 days"
	case days == 1:
		return "1 day"
	case days > 0:
		return fmt.Sprintf("%d days", days)
	case days == -1:
		return "1 day earlier"
	}
	return fmt.Sprintf("%d days earlier", -days)
}

func averageLabel(f float64) string { return fmt.Sprintf("%.1f days", f) }

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
