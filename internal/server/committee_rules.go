package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderCommitteeRules(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.CommitteeRules) error {
	today := s.clock.Today()
	seats, err := s.store.Memberships(r.Context(), mb.MembershipFilter{CommitteeID: &c.ID, ActiveOn: &today})
	if err != nil {
		return err
	}
	s.render(w, r, status, web.CommitteeRules(web.CommitteeRulesPage{
		Chrome: s.chrome(r, "The rules of "+c.Code, "committees"), Committee: c, Form: f, People: web.Options(seats, web.MembershipOption),
	}))
	return nil
}

// handleCommitteeRulesEdit serves GET /committees/{code}/rules.
func (s *Server) handleCommitteeRulesEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	return s.renderCommitteeRules(w, r, http.StatusOK, c, form.CommitteeRulesFrom(c))
}

// handleCommitteeRulesUpdate serves POST /committees/{code}/rules.
func (s *Server) handleCommitteeRulesUpdate(w http.ResponseWriter, r *http.Request) error {
	stored, err := s.committee(r)
	if err != nil {
		return err
	}
	f, err := form.ParseCommitteeRules(r)
	if err != nil {
		return err
	}
	rules, version, ok := f.Rules()
	c := *stored
	c.Rules, c.Version = rules, version
	return saveForm(formSave{
		Converted: ok, Save: func() error { return s.store.UpdateCommitteeRules(r.Context(), &c) }, Errors: f.Errors,
		Kept: "Your rules are below; saving again replaces the ones saved.",
		Back: func(status int, conflict bool) error {
			if conflict {
				f.Version = idText(int64(stored.Version))
			}
			return s.renderCommitteeRules(w, r, status, stored, f)
		},
		Done: func() error { return s.redirect(w, r, web.CommitteePath(c.Code), "The rules of "+c.Code+" are saved.") },
	})
}
