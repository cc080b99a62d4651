package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
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
		v := agendaView(rd, pm.Agenda, false, mb.Access.Planned)
		p.Meetings = append(p.Meetings, web.PlannedMeetingView{Meeting: pm.Meeting, Agenda: pm.Agenda, Items: v.Items})
	}
	return s.page(w, r, web.ForwardPlan(p))
}

// comingLength is how many coming meetings a committee page or the home
// page lists.
const comingLength = 5

// comingMeetings lists the committees' coming meetings whose published
// agenda the reader may read (the store asks the reading rule).
func (s *Server) comingMeetings(r *http.Request, committeeIDs []int64) ([]web.ComingMeeting, error) {
	list, err := s.store.ComingAgendas(r.Context(), reader(r), committeeIDs, s.clock.Today(), comingLength)
	return comingList(list), err
}

// publicAgendas is how many published agendas the public site and its feed
// list.
const publicAgendas = 20

// readableAgendas lists the committee's published agendas that rd may
// read, latest meeting first, each with its latest revision.
func (s *Server) readableAgendas(r *http.Request, rd *mb.Reader, committeeID int64) ([]web.ComingMeeting, error) {
	list, err := s.store.PublishedAgendas(r.Context(), rd, committeeID, publicAgendas)
	return comingList(list), err
}

// comingList is the store's meetings with their agendas as the pages list them.
func comingList(list []postgres.PlannedMeeting) []web.ComingMeeting {
	var out []web.ComingMeeting
	for _, pm := range list {
		out = append(out, web.ComingMeeting{Meeting: pm.Meeting, Agenda: pm.Agenda})
	}
	return out
}
