package server

import (
	"fmt"
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleCommitteePeople serves GET /committees/{code}/people: the
// committee's people, for its secretariat to put right.
func (s *Server) handleCommitteePeople(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "put its people right")
	if err != nil {
		return err
	}
	people, err := s.store.CommitteePeople(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return s.page(w, r, web.CommitteePeople(web.CommitteePeoplePage{Chrome: s.chrome(r, "People of "+c.Code, "committees"), Committee: c, People: people}))
}

func (s *Server) renderPersonEdit(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, p *mb.Person, f *form.PersonEdit) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	page := web.PersonEditPage{Chrome: s.chrome(r, "Edit "+p.Name, "committees"), Committee: c, Person: p, Form: f}
	for _, o := range orgs {
		page.Organisations = append(page.Organisations, o.Name)
	}
	s.render(w, r, status, web.PersonEdit(page))
	return nil
}

// handlePersonEdit serves GET /committees/{code}/people/{id}/edit.
func (s *Server) handlePersonEdit(w http.ResponseWriter, r *http.Request) error {
	c, p, err := s.committeePerson(r)
	if err != nil {
		return err
	}
	return s.renderPersonEdit(w, r, http.StatusOK, c, p, form.PersonEditFrom(p))
}

// handlePersonUpdate serves POST /committees/{code}/people/{id}/edit.
func (s *Server) handlePersonUpdate(w http.ResponseWriter, r *http.Request) error {
	c, p, err := s.committeePerson(r)
	if err != nil {
		return err
	}
	f, err := form.ParsePersonEdit(r)
	if err != nil {
		return err
	}
	shown := *p
	return saveForm(formSave{
		Converted: f.Apply(p), Errors: f.Errors,
		Save: func() error { return s.store.UpdatePerson(r.Context(), p, f.Organisation, c.ID) },
		Back: func(status int, _ bool) error { return s.renderPersonEdit(w, r, status, c, &shown, f) },
		Done: func() error { return s.redirect(w, r, web.CommitteePeoplePath(c.Code), p.Name+" saved.") },
	})
}

func (s *Server) renderPersonMerge(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, p *mb.Person, f *form.PersonMerge) error {
	people, err := s.store.CommitteePeople(r.Context(), c.ID)
	if err != nil {
		return err
	}
	page := web.PersonMergePage{Chrome: s.chrome(r, "Merge "+p.Name, "committees"), Committee: c, Person: p, Form: f}
	for _, x := range people {
		if x.ID != p.ID {
			page.Others = append(page.Others, web.PersonOption(x))
		}
	}
	s.render(w, r, status, web.PersonMerge(page))
	return nil
}

// handlePersonMergeForm serves GET /committees/{code}/people/{id}/merge.
func (s *Server) handlePersonMergeForm(w http.ResponseWriter, r *http.Request) error {
	c, p, err := s.committeePerson(r)
	if err != nil {
		return err
	}
	return s.renderPersonMerge(w, r, http.StatusOK, c, p, &form.PersonMerge{Errors: form.Errors{}})
}

// handlePersonMerge serves POST /committees/{code}/people/{id}/merge: the
// person named by {id} is merged into the one chosen, who stays.
func (s *Server) handlePersonMerge(w http.ResponseWriter, r *http.Request) error {
	c, p, err := s.committeePerson(r)
	if err != nil {
		return err
	}
	f, err := form.ParsePersonMerge(r)
	if err != nil {
		return err
	}
	into := f.IntoID()
	var msg string
	return saveForm(formSave{
		Converted: into != 0, Errors: f.Errors,
		Save: func() error {
			res, err := s.store.MergePeople(r.Context(), c.ID, into, p.ID)
			if err == nil {
				msg = fmt.Sprintf("Merged %s into %s: %s and %s moved.", res.Gone.Name, res.Kept.Name,
					mb.Plural(res.Attendances, "attendance"), mb.Plural(res.Actions, "action"))
			}
			return err
		},
		Back: func(status int, _ bool) error { return s.renderPersonMerge(w, r, status, c, p, f) },
		Done: func() error { return s.redirect(w, r, web.CommitteePeoplePath(c.Code), msg) },
	})
}
