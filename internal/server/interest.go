package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleInterests serves GET /committees/{code}/interests: the register of
// interests, for whoever its classification admits.
func (s *Server) handleInterests(w http.ResponseWriter, r *http.Request) error {
	c, err := s.readableInterests(r)
	if err != nil {
		return err
	}
	list, err := s.store.Interests(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return s.page(w, r, web.Interests(web.InterestsPage{
		Chrome: s.chrome(r, c.Code+" register of interests", "committees"), Committee: c, Interests: list,
		Today: s.clock.Today(), CanEdit: reader(r).CanEditMeeting(c.ID),
	}))
}

func (s *Server) renderInterestForm(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.Interest) error {
	today := s.clock.Today()
	seats, err := s.store.Memberships(r.Context(), mb.MembershipFilter{CommitteeID: &c.ID, ActiveOn: &today})
	if err != nil {
		return err
	}
	var members []*mb.Membership
	for _, m := range seats {
		if m.Role != mb.RoleSecretariat {
			members = append(members, m)
		}
	}
	s.render(w, r, status, web.InterestForm(web.InterestFormPage{
		Chrome: s.chrome(r, "Add to the "+c.Code+" register of interests", "committees"), Committee: c, Form: f,
		Members: web.Options(members, web.MembershipOption),
	}))
	return nil
}

// handleInterestNew serves GET /committees/{code}/interests/new.
func (s *Server) handleInterestNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "change its register of interests")
	if err != nil {
		return err
	}
	return s.renderInterestForm(w, r, http.StatusOK, c, form.NewInterest(s.clock.Today()))
}

// handleInterestCreate serves POST /committees/{code}/interests/new.
func (s *Server) handleInterestCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "change its register of interests")
	if err != nil {
		return err
	}
	f, err := form.ParseInterest(r)
	if err != nil {
		return err
	}
	i := f.Interest(c.ID)
	return saveForm(formSave{
		Converted: i != nil, Save: func() error { return s.store.CreateInterest(r.Context(), i) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderInterestForm(w, r, status, c, f) },
		Done: func() error {
			return s.redirect(w, r, web.InterestsPath(c.Code), "Added to the register: "+i.PersonName+", "+i.Nature+".")
		},
	})
}

// handleInterestEnd serves POST /committees/{code}/interests/{id}/end.
func (s *Server) handleInterestEnd(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "change its register of interests")
	if err != nil {
		return err
	}
	id, err := urlID(r, "id", "interest")
	if err != nil {
		return err
	}
	err = s.store.EndInterest(r.Context(), c.ID, id, s.clock.Today())
	return s.doneOrRefused(w, r, web.InterestsPath(c.Code), err, "The interest has ended today.", mb.ECONFLICT)
}
