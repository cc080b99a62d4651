package server

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// outboxPageSize is how many messages the outbox lists a page.
const outboxPageSize = 50

// handleOutbox serves GET /admin/outbox: every message composed, newest
// first, ?status= one status (kept, queued, sent, failed), ?page= from 1.
func (s *Server) handleOutbox(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	status := mb.MessageStatus(r.URL.Query().Get("status"))
	valid := status == ""
	for _, st := range mb.MessageStatuses {
		valid = valid || st == status
	}
	if !valid {
		status = ""
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	list, total, err := s.store.Messages(ctx, postgres.MessageFilter{Status: status, Limit: outboxPageSize, Offset: (page - 1) * outboxPageSize})
	if err != nil {
		return err
	}
	counts, err := s.store.MessageCounts(ctx)
	if err != nil {
		return err
	}
	return s.page(w, r, web.Outbox(web.OutboxPage{Chrome: s.chrome(r, "Outbox", "outbox"), Messages: list, Status: string(status),
		Counts: counts, Total: total, Page: page, Pages: (total + outboxPageSize - 1) / outboxPageSize, Mail: s.cfg.Queue != nil}))
}

// outboxMessage is the message named by {id}.
func (s *Server) outboxMessage(r *http.Request) (*mb.Message, error) {
	id, err := urlID(r, "id", "message")
	if err != nil {
		return nil, err
	}
	return s.store.Message(r.Context(), id)
}

// handleOutboxMessage serves GET /admin/outbox/{id}: one message as composed.
func (s *Server) handleOutboxMessage(w http.ResponseWriter, r *http.Request) error {
	m, err := s.outboxMessage(r)
	if err != nil {
		return err
	}
	return s.page(w, r, web.OutboxMessage(web.OutboxMessagePage{Chrome: s.chrome(r, m.Subject, "outbox"), Message: m, Mail: s.cfg.Queue != nil}))
}

// handleOutboxRetry serves POST /admin/outbox/{id}/retry: a failed message
// is queued for delivery again.
func (s *Server) handleOutboxRetry(w http.ResponseWriter, r *http.Request) error {
	m, err := s.outboxMessage(r)
	if err != nil {
		return err
	}
	err = s.store.RetryMessage(r.Context(), m.ID, s.cfg.Queue)
	return s.doneOrRefused(w, r, web.OutboxMessagePath(m.ID), err, "The message to "+m.ToAddress+" is queued to be sent again.", mb.ECONFLICT)
}
