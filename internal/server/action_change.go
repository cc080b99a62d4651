package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleActionRecord serves POST /actions/{code}/{meeting}/{sequence}/record:
// an update, a revised target date or closure, at a meeting.
func (s *Server) handleActionRecord(w http.ResponseWriter, r *http.Request) error {
	return s.changeAction(w, r, false)
}

// handleActionReopen serves POST /actions/{code}/{meeting}/{sequence}/reopen.
func (s *Server) handleActionReopen(w http.ResponseWriter, r *http.Request) error {
	return s.changeAction(w, r, true)
}

func (s *Server) changeAction(w http.ResponseWriter, r *http.Request, reopen bool) error {
	a, err := s.editableAction(r)
	if err != nil {
		return err
	}
	f, err := form.ParseActionChange(r)
	if err != nil {
		return err
	}
	if reopen {
		f.Kind = string(mb.ActionEventReopened)
	} else if f.Kind == string(mb.ActionEventReopened) {
		f.Kind = ""
	}
	c := f.Change(a.ID)
	return saveForm(formSave{
		Converted: c != nil, Save: func() error { return s.store.RecordActionChange(r.Context(), c) }, Errors: f.Errors,
		Back: func(status int, _ bool) error {
			if reopen {
				return s.renderActionPage(w, r, status, a, nil, f)
			}
			return s.renderActionPage(w, r, status, a, f, nil)
		},
		Done: func() error {
			done := map[mb.ActionEventKind]string{
				mb.ActionEventUpdate: "Update recorded on ", mb.ActionEventRevised: "Target date revised for ",
				mb.ActionEventClosed: "Closed ", mb.ActionEventReopened: "Reopened ",
			}[c.Kind]
			return s.redirect(w, r, web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence), done+a.Reference()+".")
		},
	})
}
