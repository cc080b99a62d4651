package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// actionForChange loads the action in the URL for its committee's secretariat.
func (s *Server) actionForChange(r *http.Request) (*mb.Action, error) {
	a, err := s.actionFromURL(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanEditMeeting(a.CommitteeID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "Only the %s secretariat may change its actions.", a.CommitteeCode)
	}
	return a, nil
}

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
	a, err := s.actionForChange(r)
	if err != nil {
		return err
	}
	f, err := form.ParseActionChange(r)
	if err != nil {
		return err
	}
	if reopen {
		f.Kind = string(mb.ActionReopened)
	} else if f.Kind == string(mb.ActionReopened) {
		f.Kind = ""
	}
	sendBack := func(status int) error {
		if reopen {
			return s.renderActionPage(w, r, status, a, nil, f)
		}
		return s.renderActionPage(w, r, status, a, f, nil)
	}
	c := f.Change(a.ID)
	if c == nil {
		return sendBack(http.StatusUnprocessableEntity)
	}
	if err := s.store.RecordActionChange(r.Context(), c); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			return sendBack(status)
		}
		return err
	}
	done := map[mb.ActionEventKind]string{
		mb.ActionUpdate: "Update recorded on ", mb.ActionRevised: "Target date revised for ",
		mb.ActionClosedEv: "Closed ", mb.ActionReopened: "Reopened ",
	}[c.Kind]
	return s.redirect(w, r, web.ActionURL(a), done+a.Reference()+".")
}

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
	p := web.EarlierActionPage{Chrome: s.chrome(r, "Enter an earlier action of "+c.Code, "actions"), Committee: c, Form: f}
	for _, o := range orgs {
		p.Owners = append(p.Owners, web.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	for _, x := range people {
		label := x.Name
		if x.OrganisationName != "" {
			label += " (" + x.OrganisationName + ")"
		}
		p.People = append(p.People, web.Option{Value: strconv.FormatInt(x.ID, 10), Label: label})
	}
	s.render(w, r, status, web.EarlierAction(p))
	return nil
}

// handleEarlierActionNew serves GET /committees/{code}/actions/new.
func (s *Server) handleEarlierActionNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeSecretariat(r)
	if err != nil {
		return err
	}
	return s.renderEarlierAction(w, r, http.StatusOK, c, &form.EarlierAction{Errors: form.Errors{}})
}

// handleEarlierActionCreate serves POST /committees/{code}/actions/new.
func (s *Server) handleEarlierActionCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeSecretariat(r)
	if err != nil {
		return err
	}
	f, err := form.ParseEarlierAction(r)
	if err != nil {
		return err
	}
	a := f.Action(c)
	if a == nil {
		return s.renderEarlierAction(w, r, http.StatusUnprocessableEntity, c, f)
	}
	if err := s.store.RecordEarlierAction(r.Context(), a); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			return s.renderEarlierAction(w, r, status, c, f)
		}
		return err
	}
	return s.redirect(w, r, web.ActionURL(a), "Action "+a.Reference()+" entered from earlier history.")
}
