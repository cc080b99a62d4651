package web

import (
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AuditPage is the audit log with its filters.
type AuditPage struct {
	Chrome
	Entries    []mb.AuditEntry
	Committees []Option
	People     []Option
	Committee  string
	Entity     string
	Person     string
}
