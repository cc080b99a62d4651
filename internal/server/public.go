package server

import (
	"net/http"

	"github.com/a-h/templ"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handlePublicIndex serves GET /public: every published document the reader
// may read, by committee. Anonymous visitors see only CLEAR documents.
func (s *Server) handlePublicIndex(w http.ResponseWriter, r *http.Request) error {
	meetings, err := s.readableMeetings(r, mb.MeetingFilter{Statuses: []mb.MinutesStatus{mb.Published}})
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

// handlePublicCommittee serves GET /public/{code}: a committee's published
// minutes that the reader may read (CLEAR ones for the public).
func (s *Server) handlePublicCommittee(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	meetings, err := s.readableMeetings(r, mb.MeetingFilter{CommitteeID: &c.ID, Statuses: []mb.MinutesStatus{mb.Published}})
	if err != nil {
		return err
	}
	agendas, err := s.readableAgendas(r, reader(r), c.ID)
	if err != nil {
		return err
	}
	return s.page(w, r, web.PublicCommitteeMinutes(web.PublicCommitteePage{
		Chrome: s.chrome(r, c.Code+" published minutes", "public"), Code: c.Code, Name: c.Name, Meetings: meetings, Agendas: agendas,
	}))
}

// handlePublicMinutes serves GET /public/{code}/{number}: published minutes
// as a document, with items above the reader's level withheld.
func (s *Server) handlePublicMinutes(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.readableMeeting(r)
	if err != nil {
		return err
	}
	if m.Status != mb.Published {
		return mb.Errorf(mb.ENOTFOUND, "These minutes are not published.")
	}
	key, _, err := s.documentKey(r, m, recorded, "public")
	if err != nil {
		return err
	}
	if s.notModified(w, r, key) {
		return nil
	}
	document, err := s.document(r.Context(), key, func() (templ.Component, error) {
		doc, err := s.store.MinutesFor(r.Context(), reader(r), m, recorded)
		if err != nil {
			return nil, err
		}
		v, err := s.minutesView(r, doc, nil, nil)
		if err == nil {
			err = s.linkReferences(r, v)
		}
		if err != nil {
			return nil, err
		}
		return web.MinutesDocument(v), nil
	})
	if err != nil {
		return err
	}
	return s.page(w, r, web.PublicMinutes(web.PublicMinutesPage{Chrome: s.chrome(r, m.DocumentTitle(), "public"),
		Minutes: &web.MinutesView{Meeting: m}, Document: document}))
}
