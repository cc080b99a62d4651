package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderDeclarationForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, f *form.Declaration, isNew bool) error {
	roll, err := s.store.Attendance(r.Context(), m.ID)
	if err != nil {
		return err
	}
	var people []web.Option
	for _, a := range roll {
		if a.Status == mb.Present || a.Status == mb.Part {
			people = append(people, web.Option{Value: idText(a.PersonID), Label: a.PersonName + " (" + a.Group() + ")"})
		}
	}
	title, action := "Record a declaration of interest at "+m.ShortName(), web.DeclarationNewPath(m.CommitteeCode, m.Number, it.ID)
	if !isNew {
		title, action = "Edit a declaration of interest at "+m.ShortName(), web.DeclarationEditPath(m.CommitteeCode, m.Number, f.ID)
	}
	s.render(w, r, status, web.DeclarationForm(web.DeclarationFormPage{
		Chrome: s.chrome(r, title, "committees"), Meeting: m, Item: it, Form: f, IsNew: isNew, People: people, Action: action,
	}))
	return nil
}

// handleDeclarationNew serves GET /committees/{code}/meetings/{number}/items/{item}/declarations/new.
func (s *Server) handleDeclarationNew(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	return s.renderDeclarationForm(w, r, http.StatusOK, m, it, form.NewDeclaration(), true)
}

// handleDeclarationCreate serves POST /committees/{code}/meetings/{number}/items/{item}/declarations/new.
func (s *Server) handleDeclarationCreate(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f, err := form.ParseDeclaration(r)
	if err != nil {
		return err
	}
	d := f.Declaration(true, it.ID)
	return saveForm(formSave{
		Converted: d != nil, Save: func() error { return s.store.CreateDeclaration(r.Context(), d) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderDeclarationForm(w, r, status, m, it, f, true) },
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Declaration recorded: "+d.Sentence())
		},
	})
}

// handleDeclarationEdit serves GET /committees/{code}/meetings/{number}/declarations/{declaration}/edit.
func (s *Server) handleDeclarationEdit(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDeclaration(r)
	if err != nil {
		return err
	}
	return s.renderDeclarationForm(w, r, http.StatusOK, m, it, form.DeclarationFrom(d), false)
}

// handleDeclarationUpdate serves POST /committees/{code}/meetings/{number}/declarations/{declaration}/edit.
func (s *Server) handleDeclarationUpdate(w http.ResponseWriter, r *http.Request) error {
	m, stored, it, err := s.editableDeclaration(r)
	if err != nil {
		return err
	}
	f, err := form.ParseDeclaration(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	d := f.Declaration(false, it.ID)
	return saveForm(formSave{
		Converted: d != nil, Save: func() error { return s.store.UpdateDeclaration(r.Context(), d) }, Errors: f.Errors,
		Kept: "Your wording is kept in the form; saving again replaces the saved declaration: " + stored.Sentence(),
		Back: func(status int, conflict bool) error {
			if conflict {
				f.Version = idText(int64(stored.Version))
			}
			return s.renderDeclarationForm(w, r, status, m, it, f, false)
		},
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Declaration saved.")
		},
	})
}

// handleDeclarationDelete serves POST /committees/{code}/meetings/{number}/declarations/{declaration}/delete.
func (s *Server) handleDeclarationDelete(w http.ResponseWriter, r *http.Request) error {
	m, d, _, err := s.editableDeclaration(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteDeclaration(r.Context(), d.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Declaration deleted.")
}
