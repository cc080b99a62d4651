package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

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
				opts = append(opts, web.CommitteeOption(x))
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

// handleMeetingNew serves GET /committees/{code}/meetings/new.
func (s *Server) handleMeetingNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "do that")
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
	c, err := s.secretariatCommittee(r, "do that")
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
	return saveForm(formSave{
		Converted: m != nil, Save: func() error { return s.store.CreateMeeting(r.Context(), m) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderMeetingForm(w, r, status, f, true, c) },
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Meeting "+m.ShortName()+" created.")
		},
	})
}

// handleMeetingEdit serves GET /committees/{code}/meetings/{number}/edit.
func (s *Server) handleMeetingEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "do that")
	if err != nil {
		return err
	}
	m, _, err := s.readableMeeting(r)
	if err != nil {
		return err
	}
	return s.renderMeetingForm(w, r, http.StatusOK, form.MeetingFrom(m), false, c)
}

// handleMeetingUpdate serves POST /committees/{code}/meetings/{number}/edit.
func (s *Server) handleMeetingUpdate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "do that")
	if err != nil {
		return err
	}
	stored, _, err := s.readableMeeting(r)
	if err != nil {
		return err
	}
	f, err := form.ParseMeeting(r)
	if err != nil {
		return err
	}
	f.ID, f.Committee = stored.ID, strconv.FormatInt(stored.CommitteeID, 10)
	m := f.Meeting(false)
	return saveForm(formSave{
		Converted: m != nil, Save: func() error { return s.store.UpdateMeeting(r.Context(), m) }, Errors: f.Errors,
		Back: func(status int, conflict bool) error {
			// A number taken by another meeting is a conflict too, but not a stale form.
			if conflict && f.Errors["number"] == "" {
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderMeetingForm(w, r, status, f, false, c)
		},
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Meeting "+m.ShortName()+" saved.")
		},
	})
}
