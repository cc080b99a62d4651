package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
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

func (s *Server) renderPersonForm(w http.ResponseWriter, r *http.Request, status int, f *form.Person) error {
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
	return s.renderPersonForm(w, r, http.StatusOK, &form.Person{Errors: form.Errors{}})
}

// handlePersonCreate serves POST /admin/people/new. The organisation is typed
// and created when it is new, so that a secretariat can record a visitor's
// organisation in one step.
func (s *Server) handlePersonCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := form.ParsePerson(r)
	if err != nil {
		return err
	}
	p := f.Person()
	return saveForm(formSave{
		Converted: p != nil, Errors: f.Errors,
		Save: func() error {
			if f.Organisation != "" {
				o, err := s.store.EnsureOrganisation(r.Context(), f.Organisation)
				if err != nil {
					return err
				}
				p.OrganisationID = &o.ID
			}
			return s.store.CreatePerson(r.Context(), p)
		},
		Back: func(status int, _ bool) error { return s.renderPersonForm(w, r, status, f) },
		Done: func() error { return s.redirect(w, r, web.PeoplePath(), p.Name+" added.") },
	})
}
