package server

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// raisedActionFromURL loads {action}, which must have been raised at the meeting.
func (s *Server) raisedActionFromURL(r *http.Request, m *mb.Meeting) (*mb.Action, *mb.Item, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "action"), 10, 64)
	if err != nil {
		return nil, nil, mb.Errorf(mb.ENOTFOUND, "There is no such action.")
	}
	a, err := s.store.Action(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	if a.RaisedMeetingID == nil || *a.RaisedMeetingID != m.ID || a.ItemID == nil {
		return nil, nil, mb.Errorf(mb.ENOTFOUND, "There is no such action in these minutes.")
	}
	it, err := s.store.Item(r.Context(), *a.ItemID)
	if err != nil {
		return nil, nil, err
	}
	return a, it, nil
}

func (s *Server) renderRaisedActionForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, f *form.RaisedAction, isNew bool, saved *mb.Action) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	p := web.RaisedActionFormPage{Meeting: m, Item: it, Form: f, IsNew: isNew, Saved: saved}
	for _, o := range orgs {
		p.Organisations = append(p.Organisations, web.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	for _, x := range people {
		label := x.Name
		if x.OrganisationName != "" {
			label += " (" + x.OrganisationName + ")"
		}
		p.People = append(p.People, web.Option{Value: strconv.FormatInt(x.ID, 10), Label: label})
	}
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
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	it, err := s.itemFromURL(r, m)
	if err != nil {
		return err
	}
	return s.renderRaisedActionForm(w, r, http.StatusOK, m, it, &form.RaisedAction{Errors: form.Errors{}}, true, nil)
}

// handleRaisedActionCreate serves POST /committees/{code}/meetings/{number}/items/{item}/actions/new.
func (s *Server) handleRaisedActionCreate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	it, err := s.itemFromURL(r, m)
	if err != nil {
		return err
	}
	f, err := form.ParseRaisedAction(r)
	if err != nil {
		return err
	}
	a := f.Action(true, it.ID, m.Date)
	if a == nil {
		return s.renderRaisedActionForm(w, r, http.StatusUnprocessableEntity, m, it, f, true, nil)
	}
	if err := s.store.RaiseAction(r.Context(), a); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			return s.renderRaisedActionForm(w, r, status, m, it, f, true, nil)
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "ACTION "+a.ShortReference()+" raised.")
}

// handleRaisedActionEdit serves GET /committees/{code}/meetings/{number}/actions/{action}/edit.
func (s *Server) handleRaisedActionEdit(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	a, it, err := s.raisedActionFromURL(r, m)
	if err != nil {
		return err
	}
	return s.renderRaisedActionForm(w, r, http.StatusOK, m, it, form.RaisedActionFrom(a), false, nil)
}

// handleRaisedActionUpdate serves POST /committees/{code}/meetings/{number}/actions/{action}/edit.
func (s *Server) handleRaisedActionUpdate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	stored, it, err := s.raisedActionFromURL(r, m)
	if err != nil {
		return err
	}
	f, err := form.ParseRaisedAction(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	a := f.Action(false, it.ID, m.Date)
	if a == nil {
		return s.renderRaisedActionForm(w, r, http.StatusUnprocessableEntity, m, it, f, false, nil)
	}
	if err := s.store.UpdateRaisedAction(r.Context(), a); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			if status == http.StatusConflict {
				f.Errors[""] = mb.ErrorMessage(err) + " Your text is kept in the form; the saved action is shown below it. Save again to replace it with yours."
				f.Version = strconv.Itoa(stored.Version)
				return s.renderRaisedActionForm(w, r, status, m, it, f, false, stored)
			}
			return s.renderRaisedActionForm(w, r, status, m, it, f, false, nil)
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "ACTION "+stored.ShortReference()+" saved.")
}

// handleRaisedActionDelete serves POST /committees/{code}/meetings/{number}/actions/{action}/delete.
func (s *Server) handleRaisedActionDelete(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	a, _, err := s.raisedActionFromURL(r, m)
	if err != nil {
		return err
	}
	if err := s.store.DeleteRaisedAction(r.Context(), a.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "ACTION "+a.ShortReference()+" deleted; its number will not be reused.")
}
