package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderMembershipForm(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.Membership) error {
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, status, web.MembershipNew(web.MembershipFormPage{
		Chrome: s.chrome(r, "Add a member to "+c.Code, "committees"), Committee: c, Form: f, People: web.Options(people, web.PersonOption),
	}))
	return nil
}

// handleMembershipNew serves GET /committees/{code}/members/new.
func (s *Server) handleMembershipNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	return s.renderMembershipForm(w, r, http.StatusOK, c, form.NewMembership(s.clock.Today()))
}

// handleMembershipCreate serves POST /committees/{code}/members/new.
func (s *Server) handleMembershipCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	f, err := form.ParseMembership(r)
	if err != nil {
		return err
	}
	m := f.Membership(c.ID)
	return saveForm(formSave{
		Converted: m != nil, Save: func() error { return s.store.CreateMembership(r.Context(), m) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderMembershipForm(w, r, status, c, f) },
		Done: func() error { return s.redirect(w, r, web.CommitteeMembersPath(c.Code), "Member added.") },
	})
}

// handleMembershipEnd serves POST /committees/{code}/members/{id}/end.
func (s *Server) handleMembershipEnd(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	id, err := urlID(r, "id", "membership")
	if err != nil {
		return err
	}
	if err := s.store.EndMembership(r.Context(), id, s.clock.Today()); err != nil {
		return err
	}
	return s.redirect(w, r, web.CommitteeMembersPath(c.Code), "The membership has ended today.")
}
