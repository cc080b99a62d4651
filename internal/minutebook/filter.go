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
	// OwnedBy, when set, keeps the actions a person owns (as the owner
	// person) or their organisation owns: their own work.
	OwnedBy    *Ownership
	Status     string // "", FilterOpen, FilterClosed or FilterOverdue
	RaisedFrom *time.Time
	RaisedTo   *time.Time
	Words      []string // every word must appear in the action's text
	Sort       string
	Limit      int // 0: no limit
	Offset     int
	// Today decides what is overdue.
	Today time.Time
}

// Ownership names a person and, when they have one, their organisation.
type Ownership struct {
	PersonID       int64
	OrganisationID *int64
}

// AuditFilter narrows the audit log. Nil and empty fields match everything;
// Committees, when not nil, limits the log to those committees (for a
// secretariat that may see only its own).
type AuditFilter struct {
	CommitteeID *int64
	Entity      string
	ActorID     *int64
	Committees  []int64
	Limit       int
	Offset      int
}

// MeetingFilter narrows a list of meetings.
type MeetingFilter struct {
	CommitteeID *int64
	Statuses    []MinutesStatus // nil: any
	// IDs, when set, are the only meetings wanted.
	IDs []int64
	// Reader, when set, keeps the meetings whose minutes the reader may
	// open (the reading rule, in the store's SQL).
	Reader *Reader
	Limit  int // 0: no limit
	Offset int
}

// MembershipFilter narrows a list of memberships.
type MembershipFilter struct {
	CommitteeID *int64
	PersonID    *int64
	ActiveOn    *time.Time // only those covering this day
}

// RiskFilter narrows a list of risks; zero fields match everything.
type RiskFilter struct {
	CommitteeID *int64
	IDs         []int64
	Status      RiskStatus
	// Likelihood and Impact, when set, choose one cell of the heat map.
	Likelihood int
	Impact     int
	// Trend reads each risk's latest reviews only, as its trend (kept on
	// the risk), instead of its every review: for lists.
	Trend bool
}

// EscalationFilter narrows a list of escalations; zero fields match everything.
type EscalationFilter struct {
	// CommitteeIDs are the committees whose risks were escalated.
	CommitteeIDs []int64
	RiskIDs      []int64
	OpenOnly     bool
	// WithRisks loads each escalation's risk with its latest reviews (as
	// many as the store's trend shows), for dashboards.
	WithRisks bool
	// Reader, when set, is asked (by the reading rule, in the store's SQL)
	// whether they may open the minutes that agreed each escalation:
	// Escalation.MinutesReadable.
	Reader *Reader
}
