package server

import (
	"net/http"
	"strings"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handlePeopleIndex serves GET /admin/people: everyone who can sit on a
// committee or attend a meeting, with or without an account.
func (s *Server) handlePeopleIndex(w http.ResponseWriter, r *http.Request) error {
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	return s.page(w, r, web.People(web.PeoplePage{Chrome: s.chrome(r, "People", "people"), People: people}))
}

func (s *Server) renderPersonForm(w http.ResponseWriter, r *http.Request, status int, f web.PersonForm) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	p := web.PersonFormPage{Chrome: s.chrome(r, "New person", "people"), Form: f}
	for _, o := range orgs {
		p.Organisations = append(p.Organisations, o.Name)
	}
	s.render(w, r, status, web.NewPerson(p))
	return nil
}

// handlePersonNew serves GET /admin/people/new.
func (s *Server) handlePersonNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderPersonForm(w, r, http.StatusOK, web.PersonForm{Errors: form.Errors{}})
}

// handlePersonCreate serves POST /admin/people/new. The organisation is typed
// and created when it is new, so that a secretariat can record a visitor's
// organisation in one step.
func (s *Server) handlePersonCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	f := web.PersonForm{
		Name: strings.TrimSpace(r.PostFormValue("name")), Organisation: strings.TrimSpace(r.PostFormValue("organisation")),
		Email: strings.TrimSpace(r.PostFormValue("email")), Errors: form.Errors{},
	}
	p := &mb.Person{Name: f.Name, Email: f.Email}
	if err := p.Validate(); err != nil {
		f.Errors.Merge(err)
	}
	if f.Email != "" {
		if err := mb.ValidateEmail(mb.NormalizeEmail(f.Email)); err != nil {
			f.Errors["email"] = mb.ErrorMessage(err)
		}
	}
	if len(f.Errors) > 0 {
		return s.renderPersonForm(w, r, http.StatusUnprocessableEntity, f)
	}
	if f.Organisation != "" {
		o, err := s.store.EnsureOrganisation(r.Context(), f.Organisation)
		if err != nil {
			return err
		}
		p.OrganisationID = &o.ID
	}
	if err := s.store.CreatePerson(r.Context(), p); err != nil {
		if status, ok := formFailed(err); ok {
			f.Errors.Merge(err)
			return s.renderPersonForm(w, r, status, f)
		}
		return err
	}
	return s.redirect(w, r, web.PeoplePath(), p.Name+" added.")
}
