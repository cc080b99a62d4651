package server

import (
	"net/http"

	"github.com/minutebook/minutebook/web"
)

// forwardPlanLength is how many coming meetings the forward plan shows.
const forwardPlanLength = 12

// handleForwardPlan serves GET /committees/{code}/forward-plan: the
// committee's coming meetings with the items planned for each, for its
// members and secretariat; a planned item above the reader's level is
// withheld, as on the agenda.
func (s *Server) handleForwardPlan(w http.ResponseWriter, r *http.Request) error {
	c, err := s.readableForwardPlan(r)
	if err != nil {
		return err
	}
	plan, err := s.store.ForwardPlan(r.Context(), c.ID, s.clock.Today(), forwardPlanLength)
	if err != nil {
		return err
	}
	rd := reader(r)
	p := web.ForwardPlanPage{Chrome: s.chrome(r, c.Code+" forward plan", "committees"), Committee: c, CanEdit: rd.CanEditMeeting(c.ID)}
	for _, pm := range plan {
		// Nobody is recorded at a meeting not yet held: RED planned items
		// are the secretariat's.
		v := agendaView(rd, pm.Agenda, false)
		p.Meetings = append(p.Meetings, web.PlannedMeetingView{Meeting: pm.Meeting, Agenda: pm.Agenda, Items: v.Items})
	}
	return s.page(w, r, web.ForwardPlan(p))
}
