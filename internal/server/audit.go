package server

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleAudit serves GET /audit: administrators see everything, a
// secretariat the records of its own committees.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) error {
	rd := reader(r)
	q := r.URL.Query()
	f := mb.AuditFilter{Entity: q.Get("entity"), Limit: 200}
	if !rd.Admin() {
		f.Committees = secretariatOf(rd)
		if len(f.Committees) == 0 {
			return mb.Errorf(mb.EFORBIDDEN, "Only administrators and a committee's secretariat may read the audit log.")
		}
	}
	committees, err := s.store.Committees(r.Context())
	if err != nil {
		return err
	}
	p := web.AuditPage{Chrome: s.chrome(r, "Audit log", "audit"), Entity: f.Entity, Committee: q.Get("committee"), Person: q.Get("person")}
	for _, c := range committees {
		if rd.Admin() || rd.Secretariat(c.ID) {
			p.Committees = append(p.Committees, web.CommitteeCodeOption(c))
			if c.Code == p.Committee {
				f.CommitteeID = &c.ID
			}
		}
	}
	if p.Committee != "" && f.CommitteeID == nil {
		return mb.Errorf(mb.ENOTFOUND, "There is no committee %s in your audit log.", p.Committee)
	}
	// The filter offers the people who appear in the records the reader
	// may read: a secretariat's committees' (f.Committees), or everyone's.
	users, err := s.store.AuditActors(r.Context(), f.Committees)
	if err != nil {
		return err
	}
	for _, u := range users {
		id := strconv.FormatInt(u.ID, 10)
		p.People = append(p.People, web.Option{Value: id, Label: u.Name})
		if id == p.Person {
			f.ActorID = &u.ID
		}
	}
	if p.Entries, err = s.store.AuditLog(r.Context(), f); err != nil {
		return err
	}
	return s.page(w, r, web.Audit(p))
}
