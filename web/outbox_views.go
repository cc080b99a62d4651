package web

import mb "github.com/minutebook/minutebook/internal/minutebook"

// OutboxPage is the administrators' list of every message composed,
// newest first, with counts by status and the failed ones to retry.
type OutboxPage struct {
	Chrome
	Messages []*mb.Message
	Status   string // the filter: "" or a status
	Counts   map[mb.MessageStatus]int
	Total    int
	Page     int
	Pages    int
	// Mail says whether a mail server is configured: without one,
	// messages are kept here and not sent.
	Mail bool
}

// OutboxStatus is one of the page's status filters.
type OutboxStatus struct {
	Status mb.MessageStatus
	Count  int
}

// Statuses are the filters with their counts.
func (p OutboxPage) Statuses() []OutboxStatus {
	var out []OutboxStatus
	for _, s := range mb.MessageStatuses {
		out = append(out, OutboxStatus{Status: s, Count: p.Counts[s]})
	}
	return out
}

// OutboxMessagePage is one message as it was composed.
type OutboxMessagePage struct {
	Chrome
	Message *mb.Message
	Mail    bool
}
