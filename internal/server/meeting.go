package server

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// meetingFromURL loads the meeting named by {code} and {number}, as long as
// the reader may open its minutes; otherwise it is not found, so that a
// meeting's existence is not given away.
func (s *Server) meetingFromURL(r *http.Request) (*mb.Meeting, error) {
	m, _, err := s.openMeeting(r)
	return m, err
}

// openMeeting is meetingFromURL that also says whether the reader was
// recorded present at the meeting, asked once for the check and the page.
func (s *Server) openMeeting(r *http.Request) (*mb.Meeting, bool, error) {
	n, err := strconv.Atoi(chi.URLParam(r, "number"))
	if err != nil {
		return nil, false, mb.Errorf(mb.ENOTFOUND, "There is no such meeting.")
	}
	m, err := s.store.MeetingByNumber(r.Context(), chi.URLParam(r, "code"), n)
	if err != nil {
		return nil, false, err
	}
	rd := reader(r)
	recorded := false
	if rd.SignedIn() {
		if recorded, err = s.store.Recorded(r.Context(), rd.User.PersonID, m.ID); err != nil {
			return nil, false, err
		}
	}
	if !rd.CanReadMinutes(m, recorded) {
		return nil, false, mb.Errorf(mb.ENOTFOUND, "There is no such meeting.")
	}
	return m, recorded, nil
}

func (s *Server) renderMeetingForm(w http.ResponseWriter, r *http.Request, status int, f *form.Meeting, isNew bool, c *mb.Committee) error {
	var opts []web.Option
	if isNew {
		// Offer the committees whose secretariat the reader runs.
		all, err := s.store.Committees(r.Context())
		if err != nil {
			return err
		}
		for _, x := range all {
			if reader(r).CanEditMeeting(x.ID) {
				opts = append(opts, web.Option{Value: strconv.FormatInt(x.ID, 10), Label: x.Code + " – " + x.Name})
			}
		}
	}
	title := "New meeting of " + c.Code
	if !isNew {
		title = "Edit " + c.Code + " " + f.Number
	}
	s.render(w, r, status, web.MeetingForm(web.MeetingFormPage{
		Chrome: s.chrome(r, title, "committees"), Form: f, IsNew: isNew, Committees: opts, CommitteeCode: c.Code,
	}))
	return nil
}

// committeeSecretariat loads {code} and refuses readers who do not run its secretariat.
func (s *Server) committeeSecretariat(r *http.Request) (*mb.Committee, error) {
	c, err := s.committeeFromURL(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanEditMeeting(c.ID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "Only the %s secretariat may do that.", c.Code)
	}
	return c, nil
}

// handleMeetingNew serves GET /committees/{code}/meetings/new.
func (s *Server) handleMeetingNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeSecretariat(r)
	if err != nil {
		return err
	}
	n, err := s.store.NextMeetingNumber(r.Context(), c.ID)
	if err != nil {
		return err
	}
	f := &form.Meeting{
		Committee: strconv.FormatInt(c.ID, 10), Number: strconv.Itoa(n), Kind: string(mb.MainMeeting),
		Classification: mb.Amber.String(), Errors: form.Errors{},
	}
	return s.renderMeetingForm(w, r, http.StatusOK, f, true, c)
}

// handleMeetingCreate serves POST /committees/{code}/meetings/new.
func (s *Server) handleMeetingCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeSecretariat(r)
	if err != nil {
		return err
	}
	f, err := form.ParseMeeting(r)
	if err != nil {
		return err
	}
	m := f.Meeting(true)
	if m != nil && m.CommitteeID != c.ID && !reader(r).CanEditMeeting(m.CommitteeID) {
		f.Errors["committee"] = "Choose a committee whose secretariat you run."
		m = nil
	}
	if m == nil {
		return s.renderMeetingForm(w, r, http.StatusUnprocessableEntity, f, true, c)
	}
	if err := s.store.CreateMeeting(r.Context(), m); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			return s.renderMeetingForm(w, r, status, f, true, c)
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Meeting "+m.ShortName()+" created.")
}

// handleMeetingEdit serves GET /committees/{code}/meetings/{number}/edit.
func (s *Server) handleMeetingEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeSecretariat(r)
	if err != nil {
		return err
	}
	m, err := s.meetingFromURL(r)
	if err != nil {
		return err
	}
	return s.renderMeetingForm(w, r, http.StatusOK, form.MeetingFrom(m), false, c)
}

// handleMeetingUpdate serves POST /committees/{code}/meetings/{number}/edit.
func (s *Server) handleMeetingUpdate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeSecretariat(r)
	if err != nil {
		return err
	}
	stored, err := s.meetingFromURL(r)
	if err != nil {
		return err
	}
	f, err := form.ParseMeeting(r)
	if err != nil {
		return err
	}
	f.ID, f.Committee = stored.ID, strconv.FormatInt(stored.CommitteeID, 10)
	m := f.Meeting(false)
	if m == nil {
		return s.renderMeetingForm(w, r, http.StatusUnprocessableEntity, f, false, c)
	}
	if err := s.store.UpdateMeeting(r.Context(), m); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			if status == http.StatusConflict && f.Errors["number"] == "" {
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderMeetingForm(w, r, status, f, false, c)
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Meeting "+m.ShortName()+" saved.")
}
