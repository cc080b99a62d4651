package server

import (
	"net/http"
	"net/url"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleHome serves GET /: a signed-in reader's own work (postgres.Store.
// Work, through the reading rule); the public start at the published
// minutes.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	rd := reader(r)
	if !rd.SignedIn() {
		http.Redirect(w, r, web.PublicPath(), http.StatusSeeOther)
		return nil
	}
	work, err := s.store.Work(r.Context(), rd, s.clock.Today())
	if err != nil {
		return err
	}
	p := web.HomePage{Chrome: s.chrome(r, "Your work", "home"), Work: work, PersonID: rd.User.PersonID,
		Organisation: rd.User.OrganisationName}
	if _, mine := rd.Committees(); len(mine) > 0 {
		if p.Agendas, err = s.comingMeetings(r, mine); err != nil {
			return err
		}
	}
	if id := rd.User.OrganisationID; id != nil && work.Open > len(work.Actions) {
		p.MyActions = web.ActionsPath("?" + url.Values{"owner": {strconv.FormatInt(*id, 10)}, "status": {mb.FilterOpen}, "sort": {mb.SortTarget}}.Encode())
	}
	return s.page(w, r, web.Home(p))
}
