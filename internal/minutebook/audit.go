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
