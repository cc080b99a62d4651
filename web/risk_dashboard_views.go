package web

import (
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// EscalationRow is one open escalation on the dashboard.
type EscalationRow struct {
	Escalation *mb.Escalation
	// MinutesURL links to the decision in the minutes that escalated the
	// risk, or is empty when the reader may not open those minutes.
	MinutesURL string
}

// EscalationsPage is the parent body's dashboard: a heat map, the open
// escalations from every sub-committee beneath, and their chronic actions.
type EscalationsPage struct {
	Chrome
	// Bodies names the bodies whose escalations are shown: "the SEC Panel".
	Bodies string
	Heat   HeatMapView
	Rows   []EscalationRow
	// Total is the number of open escalations before the heat-map filter.
	Total   int
	Chronic []mb.ChronicAction
	// ChronicTotal is how many actions are chronic; Chronic may list only
	// the first of them, and then ChronicAllURL lists them all.
	ChronicTotal  int
	ChronicAllURL string
	// ChronicAll says the reader asked for every chronic action.
	ChronicAll bool
	// Days is the chronic-action threshold as typed; DaysError its problem.
	Days      string
	DaysError string
	Today     time.Time
}
