package server

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// defaultChronicDays is how many days past its target an open action must
// be before the dashboard counts it as chronic, unless ?days= says otherwise.
const defaultChronicDays = 30

// chronicShown is how many chronic actions the dashboard lists before
// "show all": beneath a large Panel there are hundreds.
const chronicShown = 20

// overseenBodies returns the committees beneath the bodies the reader
// oversees, at any depth, and the names of the topmost of those bodies.
func overseenBodies(rd *mb.Reader, all []*mb.Committee) (beneath []int64, bodies []*mb.Committee) {
	hasChildren := map[int64]bool{}
	for _, c := range all {
		if c.ParentID != nil {
			hasChildren[*c.ParentID] = true
		}
	}
	for _, c := range all {
		if rd.Oversees(c.ID) {
			beneath = append(beneath, c.ID)
		}
		if hasChildren[c.ID] && rd.OverseesEscalations(c.ID) && !rd.Oversees(c.ID) {
			bodies = append(bodies, c)
		}
	}
	return beneath, bodies
}

// committeesBeneath returns the ids of the committees beneath the body, at any depth.
func committeesBeneath(all []*mb.Committee, bodyID int64) []int64 {
	parent := map[int64]int64{}
	for _, c := range all {
		if c.ParentID != nil {
			parent[c.ID] = *c.ParentID
		}
	}
	var out []int64
	for _, c := range all {
		seen := map[int64]bool{}
		for p, ok := parent[c.ID]; ok && !seen[p]; p, ok = parent[p] {
			seen[p] = true
			if p == bodyID {
				out = append(out, c.ID)
				break
			}
		}
	}
	return out
}

// handleEscalations serves GET /escalations: the parent body's dashboard,
// for its chair, its secretariat and administrators. ?l=&i= choose a cell of
// the heat map; ?days= sets how far past target makes an action chronic.
func (s *Server) handleEscalations(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	rd := reader(r)
	if !rd.OverseesAny() {
		return mb.Errorf(mb.EFORBIDDEN, "The escalations dashboard is for the chair and secretariat of a parent body.")
	}
	all, err := s.store.Committees(ctx)
	if err != nil {
		return err
	}
	beneath, bodies := overseenBodies(rd, all)
	p := web.EscalationsPage{Chrome: s.chrome(r, "Escalations", "escalations"), Today: s.clock.Today(), Days: strconv.Itoa(defaultChronicDays)}
	var names []string
	for _, b := range bodies {
		names = append(names, mb.BodyName(b.Name))
	}
	p.Bodies = mb.ListAnd(names)
	if p.Bodies == "" {
		p.Bodies = "the parent bodies"
	}
	days := defaultChronicDays
	if q := r.URL.Query().Get("days"); q != "" {
		p.Days = q
		if n, err := strconv.Atoi(q); err != nil || n < 0 || n > 3650 {
			p.DaysError = "Enter a whole number of days from 0 to 3650; showing " + strconv.Itoa(defaultChronicDays) + "."
		} else {
			days = n
		}
	}
	p.Heat = web.HeatMapView{Bands: mb.DefaultSeverityBands, Path: r.URL.Path, Query: r.URL.Query(), What: "open escalations"}
	if len(bodies) == 1 {
		p.Heat.Bands = bodies[0].Bands
	}
	p.Heat.Likelihood, p.Heat.Impact = heatCell(r)
	if len(beneath) > 0 {
		list, minutes, err := s.openEscalations(r, beneath)
		if err != nil {
			return err
		}
		p.Total = len(list)
		for _, e := range list {
			p.Heat.Map.Add(e.Risk.Likelihood, e.Risk.Impact)
			if p.Heat.Filtered() && (e.Risk.Likelihood != p.Heat.Likelihood || e.Risk.Impact != p.Heat.Impact) {
				continue
			}
			p.Rows = append(p.Rows, web.EscalationRow{Escalation: e, MinutesURL: minutes[e.ID]})
		}
		limit := chronicShown
		if p.ChronicAll = r.URL.Query().Get("chronic") == "all"; p.ChronicAll {
			limit = 0
		}
		if p.Chronic, p.ChronicTotal, err = s.store.ChronicActions(ctx, reader(r), beneath, p.Today, days, limit); err != nil {
			return err
		}
		if len(p.Chronic) < p.ChronicTotal {
			q := r.URL.Query()
			q.Set("chronic", "all")
			p.ChronicAllURL = r.URL.Path + "?" + q.Encode() + "#chronic-heading"
		}
	}
	return s.page(w, r, web.Escalations(p))
}

// openEscalations lists the open escalations of risks from the committees
// beneath a body, each with its risk's latest reviews, and by escalation
// the link to the decision in its minutes, where the reader may read
// those minutes.
func (s *Server) openEscalations(r *http.Request, beneath []int64) ([]*mb.Escalation, map[int64]string, error) {
	ctx := r.Context()
	list, err := s.store.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: beneath, OpenOnly: true, WithRisks: true, Reader: reader(r)})
	if err != nil {
		return nil, nil, err
	}
	minutes := map[int64]string{}
	for _, e := range list {
		if e.MinutesReadable {
			minutes[e.ID] = web.MeetingDecisionPath(e.Meeting.CommitteeCode, e.Meeting.Number, e.DecisionID)
		}
	}
	return list, minutes, nil
}
