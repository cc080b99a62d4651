package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

type apiCommittee struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Parent      string `json:"parent,omitempty"`
	Secretariat string `json:"secretariat,omitempty"`
	MeetingsURL string `json:"meetings_url"`
}

// handleAPICommittees serves GET /api/v1/committees: every committee for a
// signed-in reader (as /committees shows), and for the public those with
// minutes the public may read (as /public shows).
func (s *Server) handleAPICommittees(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.Committees(r.Context())
	if err != nil {
		return err
	}
	show := map[string]bool{}
	if !reader(r).SignedIn() {
		meetings, err := s.readableMeetings(r, mb.MeetingFilter{Statuses: []mb.MinutesStatus{mb.Published}})
		if err != nil {
			return err
		}
		for _, m := range meetings {
			show[m.CommitteeCode] = true
		}
	}
	out := []apiCommittee{}
	for _, c := range list {
		if reader(r).SignedIn() || show[c.Code] {
			out = append(out, apiCommittee{Code: c.Code, Name: c.Name, Parent: c.ParentCode, Secretariat: c.SecretariatName,
				MeetingsURL: baseURL(r) + web.APIMeetingsPath(c.Code)})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"committees": out})
	return nil
}
