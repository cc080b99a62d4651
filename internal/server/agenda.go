package server

import (
	"context"
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// agendaView shapes the agenda for the reader by the one reading rule: an
// item above their level is withheld with everything beneath it, a paper
// above their level is withheld (listed, never linked); nothing is dropped.
// as gives the facts the rule decides by from each record's (the agenda
// page's own: asIs; the forward plan's: mb.Access.Planned).
func agendaView(rd *mb.Reader, a *mb.Agenda, recorded bool, as func(mb.Access) mb.Access) *web.AgendaView {
	papers := func(list []*mb.Paper) []web.PaperView {
		out := make([]web.PaperView, len(list))
		for i, p := range list {
			out[i] = web.PaperView{Paper: p, Withheld: !rd.CanAccess(as(p.Access), recorded)}
		}
		return out
	}
	var item func(ai *mb.AgendaItem) *web.AgendaItemView
	item = func(ai *mb.AgendaItem) *web.AgendaItemView {
		iv := &web.AgendaItemView{Item: ai}
		if !rd.CanAccess(as(ai.Access), recorded) {
			iv.Withheld = true
			return iv
		}
		iv.Papers = papers(ai.Papers)
		for _, sub := range ai.Subs {
			iv.Subs = append(iv.Subs, item(sub))
		}
		return iv
	}
	v := &web.AgendaView{Agenda: a, Papers: papers(a.Papers)}
	for _, ai := range a.Items {
		v.Items = append(v.Items, item(ai))
	}
	return v
}

// asIs leaves a record's facts as they are.
func asIs(a mb.Access) mb.Access { return a }

// handleAgendaShow serves GET /committees/{code}/meetings/{number}/agenda:
// the agenda as the reader may read it, with the secretariat's controls.
func (s *Server) handleAgendaShow(w http.ResponseWriter, r *http.Request) error {
	a, recorded, err := s.readableAgenda(r)
	if err != nil {
		return err
	}
	rd, m := reader(r), a.Meeting
	p := web.AgendaPage{
		Chrome: s.chrome(r, m.ShortName()+" agenda", "committees"), Agenda: agendaView(rd, a, recorded, asIs),
		CanReadMinutes: rd.CanReadMinutes(m, recorded),
	}
	if rd.CanEditMeeting(m.CommitteeID) {
		p.Controls = &web.AgendaControls{CanEdit: m.Editable(), CanPublish: m.Editable() && !a.Published() && len(a.Items) > 0}
		if p.Controls.CanEdit && !a.Published() {
			if p.Controls.MoveTo, err = s.moveTargets(r.Context(), m); err != nil {
				return err
			}
		}
	}
	return s.page(w, r, web.Agenda(p))
}

// moveTargets offers the committee's other coming meetings whose agendas
// are drafts: where an item of m's draft agenda may be planned instead.
func (s *Server) moveTargets(ctx context.Context, m *mb.Meeting) ([]web.Option, error) {
	plan, err := s.store.ForwardPlan(ctx, m.CommitteeID, s.clock.Today(), forwardPlanLength)
	if err != nil {
		return nil, err
	}
	var out []web.Option
	for _, pm := range plan {
		if pm.Meeting.ID != m.ID && !pm.Agenda.Published() && pm.Meeting.Editable() {
			out = append(out, web.Option{Value: strconv.FormatInt(pm.Meeting.ID, 10), Label: pm.Meeting.ShortName() + " (" + pm.Meeting.DateLabel() + ")"})
		}
	}
	return out, nil
}

// handleAgendaPublish serves POST /committees/{code}/meetings/{number}/agenda/publish.
func (s *Server) handleAgendaPublish(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	err = s.store.PublishAgenda(r.Context(), m.ID)
	return s.doneOrRefused(w, r, web.AgendaPath(m.CommitteeCode, m.Number), err,
		"The agenda of "+m.ShortName()+" is published to the committee.", mb.EINVALID, mb.ECONFLICT)
}
