package web

import (
	"fmt"

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
