package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderEarlierAction(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.EarlierAction) error {
	ctx := r.Context()
	orgs, err := s.store.Organisations(ctx)
	if err != nil {
		return err
	}
	people, err := s.store.People(ctx)
	if err != nil {
		return err
	}
	s.render(w, r, status, web.EarlierAction(web.EarlierActionPage{
		Chrome: s.chrome(r, "Enter an earlier action of "+c.Code, "actions"), Committee: c, Form: f,
		Owners: web.Options(orgs, web.OrganisationOption), People: web.Options(people, web.PersonOption),
	}))
	return nil
}

// handleEarlierActionNew serves GET /committees/{code}/actions/new.
func (s *Server) handleEarlierActionNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "do that")
	if err != nil {
		return err
	}
	return s.renderEarlierAction(w, r, http.StatusOK, c, &form.EarlierAction{Errors: form.Errors{}})
}

// handleEarlierActionCreate serves POST /committees/{code}/actions/new.
func (s *Server) handleEarlierActionCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "do that")
	if err != nil {
		return err
	}
	f, err := form.ParseEarlierAction(r)
	if err != nil {
		return err
	}
	a := f.Action(c)
	return saveForm(formSave{
		Converted: a != nil, Save: func() error { return s.store.RecordEarlierAction(r.Context(), a) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderEarlierAction(w, r, status, c, f) },
		Done: func() error {
			return s.redirect(w, r, web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence), "Action "+a.Reference()+" entered from earlier history.")
		},
	})
}
