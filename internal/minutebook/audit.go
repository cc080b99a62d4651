package minutebook

import "time"

// AuditEntry is one record of the audit log: who changed what, when.
type AuditEntry struct {
	ID            int64
	At            time.Time
	ActorID       *int64
	ActorName     string
	Entity        string
	EntityID      int64
	CommitteeID   *int64
	CommitteeCode string
	Action        string
	Summary       string
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
