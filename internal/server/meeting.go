package server

import (
	"net/http"
	"strconv"
	"strings"

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
	p := web.MeetingFormPage{Chrome: s.chrome(r, title, "committees"), Form: f, IsNew: isNew, Committees: opts, CommitteeCode: c.Code}
	if isNew {
		prev, items, err := s.previousMeeting(r, c)
		if err != nil {
			return err
		}
		p.Standing, p.Previous = c.StandingItems, prev
		for _, it := range items {
			p.PreviousTitles = append(p.PreviousTitles, it.Title)
			for _, sub := range it.Children {
				p.PreviousTitles = append(p.PreviousTitles, "– "+sub.Title)
			}
		}
	}
	s.render(w, r, status, web.MeetingForm(p))
	return nil
}

// previousMeeting is the committee's latest meeting with items, and its
// items, whose titles a new meeting may start from; nil when it has none.
func (s *Server) previousMeeting(r *http.Request, c *mb.Committee) (*mb.Meeting, []*mb.Item, error) {
	m, err := s.store.LatestMeetingWithItems(r.Context(), c.ID)
	if mb.ErrorCode(err) == mb.ENOTFOUND {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	items, err := s.store.Items(r.Context(), m.ID)
	if err != nil {
		return nil, nil, err
	}
	// The titles are the earlier minutes' own words, so the reading rule
	// decides which are offered (the secretariat reads all of its own).
	rd := reader(r)
	readable := func(list []*mb.Item) []*mb.Item {
		var out []*mb.Item
		for _, it := range list {
			if !rd.Withheld(it, false) {
				out = append(out, it)
			}
		}
		return out
	}
	items = readable(items)
	for _, it := range items {
		it.Children = readable(it.Children)
	}
	return m, items, nil
}

// startingItems are the items a new meeting starts with: the standing
// items chosen at the start, the previous meeting's titles when asked
// (those of standing items left out, so that none is there twice), and the
// standing items chosen at the end.
func (s *Server) startingItems(r *http.Request, c *mb.Committee, f *form.Meeting) ([]*mb.Item, error) {
	var out []*mb.Item
	add := func(atEnd bool) {
		for _, t := range c.StandingTitles(atEnd) {
			if f.Chosen(t) {
				out = append(out, &mb.Item{Title: t})
			}
		}
	}
	add(false)
	if f.CopyFrom != "" {
		prev, items, err := s.previousMeeting(r, c)
		if err != nil {
			return nil, err
		}
		standing := map[string]bool{}
		for _, st := range c.StandingItems {
			standing[strings.ToLower(st.Title)] = true
		}
		if prev != nil && strconv.FormatInt(prev.ID, 10) == f.CopyFrom {
			for _, it := range items {
				if standing[strings.ToLower(it.Title)] {
					continue
				}
				copied := &mb.Item{Title: it.Title}
				for _, sub := range it.Children {
					copied.Children = append(copied.Children, &mb.Item{Title: sub.Title})
				}
				out = append(out, copied)
			}
		}
	}
	add(true)
	return out, nil
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
		Classification: mb.Amber.String(), Standing: c.StandingTitles(false), Return: r.URL.Query().Get("return"), Errors: form.Errors{},
	}
	f.Standing = append(f.Standing, c.StandingTitles(true)...)
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
	var items []*mb.Item
	if m != nil && m.CommitteeID == c.ID {
		if items, err = s.startingItems(r, c, f); err != nil {
			return err
		}
	}
	return saveForm(formSave{
		Converted: m != nil, Save: func() error { return s.store.CreateMeeting(r.Context(), m, items...) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderMeetingForm(w, r, status, f, true, c) },
		Done: func() error {
			if f.Return != "" {
				// Scheduled from a page that needed it (the approval form): back there.
				return s.redirect(w, r, sameSitePath(f.Return), "Meeting "+m.ShortName()+" created.")
			}
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
