package minutebook

import "time"

// Register status filters: an action is open or closed; overdue is open
// past its current target date.
const (
	FilterOpen    = "open"
	FilterClosed  = "closed"
	FilterOverdue = "overdue"
)

// Register sort orders.
const (
	SortReference = "reference" // committee, meeting, sequence
	SortTarget    = "target"    // soonest current target first, none last
	SortAge       = "age"       // oldest raised first
)

// ActionFilter narrows the actions register. Nil and empty fields match
// everything. It lives in the URL, so that a view can be bookmarked.
type ActionFilter struct {
	CommitteeID *int64
	OwnerID     *int64
	Status      string // "", FilterOpen, FilterClosed or FilterOverdue
	RaisedFrom  *time.Time
	RaisedTo    *time.Time
	Words       []string // every word must appear in the action's text
	Sort        string
	Limit       int // 0: no limit
	Offset      int
	// Today decides what is overdue.
	Today time.Time
}
