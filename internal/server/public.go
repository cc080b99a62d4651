package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// handleHome serves GET /: signed-in readers start at the committees, the
// public at the published minutes.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	if reader(r).SignedIn() {
		http.Redirect(w, r, "/committees", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/public", http.StatusSeeOther)
}

// handlePublicIndex serves GET /public: every published document the reader
// may read, by committee. Anonymous visitors see only CLEAR documents.
func (s *Server) handlePublicIndex(w http.ResponseWriter, r *http.Request) error {
	meetings, err := s.readableMeetings(r, postgres.MeetingFilter{Statuses: []mb.MinutesStatus{mb.Published}})
	if err != nil {
		return err
	}
	p := web.PublicPage{Chrome: s.chrome(r, "Published minutes", "public")}
	byCode := map[string]*web.PublicCommittee{}
	for _, m := range meetings {
		pc := byCode[m.CommitteeCode]
		if pc == nil {
			pc = &web.PublicCommittee{Code: m.CommitteeCode, Name: m.CommitteeName}
			byCode[m.CommitteeCode] = pc
			p.Committees = append(p.Committees, pc)
		}
		pc.Meetings = append(pc.Meetings, m)
	}
	return s.page(w, r, web.Public(p))
}
