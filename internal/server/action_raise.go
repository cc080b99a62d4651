package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderRaisedActionForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, f *form.RaisedAction, isNew bool, saved *mb.Action) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	p := web.RaisedActionFormPage{Meeting: m, Item: it, Form: f, IsNew: isNew, Saved: saved,
		Organisations: web.Options(orgs, web.OrganisationOption), People: web.Options(people, web.PersonOption)}
	title := "Raise an action at " + m.ShortName()
	p.Action = web.RaisedActionNewPath(m.CommitteeCode, m.Number, it.ID)
	if !isNew {
		if saved == nil {
			a, err := s.store.Action(r.Context(), f.ID)
			if err != nil {
				return err
			}
			p.Reference = a.Reference()
		} else {
			p.Reference = saved.Reference()
		}
		title = "Edit action " + p.Reference
		p.Action = web.RaisedActionEditPath(m.CommitteeCode, m.Number, f.ID)
	}
	p.Chrome = s.chrome(r, title, "committees")
	s.render(w, r, status, web.RaisedActionForm(p))
	return nil
}

// handleRaisedActionNew serves GET /committees/{code}/meetings/{number}/items/{item}/actions/new.
func (s *Server) handleRaisedActionNew(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	return s.renderRaisedActionForm(w, r, http.StatusOK, m, it, &form.RaisedAction{Errors: form.Errors{}}, true, nil)
}

// handleRaisedActionCreate serves POST /committees/{code}/meetings/{number}/items/{item}/actions/new.
func (s *Server) handleRaisedActionCreate(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f, err := form.ParseRaisedAction(r)
	if err != nil {
		return err
	}
	a := f.Action(true, it.ID, m.Date)
	return saveForm(formSave{
		Converted: a != nil, Save: func() error { return s.store.RaiseAction(r.Context(), a) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderRaisedActionForm(w, r, status, m, it, f, true, nil) },
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "ACTION "+a.ShortReference()+" raised.")
		},
	})
}

// handleRaisedActionEdit serves GET /committees/{code}/meetings/{number}/actions/{action}/edit.
func (s *Server) handleRaisedActionEdit(w http.ResponseWriter, r *http.Request) error {
	m, a, it, err := s.editableRaisedAction(r)
	if err != nil {
		return err
	}
	return s.renderRaisedActionForm(w, r, http.StatusOK, m, it, form.RaisedActionFrom(a), false, nil)
}

// handleRaisedActionUpdate serves POST /committees/{code}/meetings/{number}/actions/{action}/edit.
func (s *Server) handleRaisedActionUpdate(w http.ResponseWriter, r *http.Request) error {
	m, stored, it, err := s.editableRaisedAction(r)
	if err != nil {
		return err
	}
	f, err := form.ParseRaisedAction(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	a := f.Action(false, it.ID, m.Date)
	return saveForm(formSave{
		Converted: a != nil, Save: func() error { return s.store.UpdateRaisedAction(r.Context(), a) }, Errors: f.Errors,
		Kept: "Your text is kept in the form; the saved action is shown below it. Save again to replace it with yours.",
		Back: func(status int, conflict bool) error {
			var saved *mb.Action
			if conflict {
				f.Version, saved = strconv.Itoa(stored.Version), stored
			}
			return s.renderRaisedActionForm(w, r, status, m, it, f, false, saved)
		},
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "ACTION "+stored.ShortReference()+" saved.")
		},
	})
}

// handleRaisedActionDelete serves POST /committees/{code}/meetings/{number}/actions/{action}/delete.
func (s *Server) handleRaisedActionDelete(w http.ResponseWriter, r *http.Request) error {
	m, a, _, err := s.editableRaisedAction(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteRaisedAction(r.Context(), a.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "ACTION "+a.ShortReference()+" deleted; its number will not be reused.")
}
