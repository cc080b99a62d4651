package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// renderRaisedActionEditor renders the workspace with an action's form
// open among its item's actions.
func (s *Server) renderRaisedActionEditor(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, f *form.RaisedAction, isNew bool, saved *mb.Action) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	ae := &web.RaisedActionEditor{Form: f, IsNew: isNew, Saved: saved, Action: web.RaisedActionNewPath(m.CommitteeCode, m.Number, it.ID),
		Organisations: web.Options(orgs, web.OrganisationOption), People: web.Options(people, web.PersonOption)}
	if !isNew {
		ae.Action = web.RaisedActionEditPath(m.CommitteeCode, m.Number, f.ID)
		ae.Reference = f.Reference
	}
	ed := &web.Editor{ItemID: it.ID, Action: ae}
	if ed.Draft, err = s.draftNotice(r, ae.Action); err != nil {
		return err
	}
	return s.renderWorkspace(w, r, status, m, ed)
}

// handleRaisedActionNew serves GET /committees/{code}/meetings/{number}/items/{item}/actions/new.
func (s *Server) handleRaisedActionNew(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f := &form.RaisedAction{Errors: form.Errors{}}
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseRaisedAction(dr); return err }); err != nil {
		return err
	}
	return s.renderRaisedActionEditor(w, r, http.StatusOK, m, it, f, true, nil)
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
		Back: func(status int, _ bool) error { return s.renderRaisedActionEditor(w, r, status, m, it, f, true, nil) },
		Done: func() error { return s.savedInItem(w, r, m, it.ID, f.Then, "ACTION "+a.ShortReference()+" raised.") },
	})
}

// handleRaisedActionEdit serves GET /committees/{code}/meetings/{number}/actions/{action}/edit.
func (s *Server) handleRaisedActionEdit(w http.ResponseWriter, r *http.Request) error {
	m, a, it, err := s.editableRaisedAction(r)
	if err != nil {
		return err
	}
	f := form.RaisedActionFrom(a)
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseRaisedAction(dr); return err }); err != nil {
		return err
	}
	f.ID, f.Reference = a.ID, a.Reference()
	return s.renderRaisedActionEditor(w, r, http.StatusOK, m, it, f, false, nil)
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
	f.ID, f.Reference = stored.ID, stored.Reference()
	a := f.Action(false, it.ID, m.Date)
	return saveForm(formSave{
		Converted: a != nil, Save: func() error { return s.store.UpdateRaisedAction(r.Context(), a) }, Errors: f.Errors,
		Kept: "Your text is kept in the form; the saved action is shown below it. Save again to replace it with yours.",
		Back: func(status int, conflict bool) error {
			var saved *mb.Action
			if conflict {
				f.Version, saved = strconv.Itoa(stored.Version), stored
			}
			return s.renderRaisedActionEditor(w, r, status, m, it, f, false, saved)
		},
		Done: func() error {
			return s.savedInItem(w, r, m, it.ID, f.Then, "ACTION "+stored.ShortReference()+" saved.")
		},
	})
}

// handleRaisedActionDelete serves POST /committees/{code}/meetings/{number}/actions/{action}/delete.
func (s *Server) handleRaisedActionDelete(w http.ResponseWriter, r *http.Request) error {
	m, a, it, err := s.editableRaisedAction(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteRaisedAction(r.Context(), a.ID); err != nil {
		return err
	}
	return s.savedInItem(w, r, m, it.ID, "", "ACTION "+a.ShortReference()+" deleted; its number will not be reused.")
}
