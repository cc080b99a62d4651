package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// heatCell reads the chosen heat-map cell, ?l=4&i=5; anything else is no cell.
func heatCell(r *http.Request) (int, int) {
	l, err1 := strconv.Atoi(r.URL.Query().Get("l"))
	i, err2 := strconv.Atoi(r.URL.Query().Get("i"))
	if err1 != nil || err2 != nil || !mb.ValidScore(l) || !mb.ValidScore(i) {
		return 0, 0
	}
	return l, i
}

// handleRiskIndex serves GET /committees/{code}/risks: the register, with a
// heat map of its open risks whose cells filter the list.
func (s *Server) handleRiskIndex(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c, err := s.readableRiskRegister(r)
	if err != nil {
		return err
	}
	status := r.URL.Query().Get("status")
	if status != "closed" && status != "all" {
		status = "open"
	}
	// The register lists each risk with its trend, kept on the risk.
	open, err := s.store.Risks(ctx, mb.RiskFilter{CommitteeID: &c.ID, Status: mb.RiskOpen, Trend: true})
	if err != nil {
		return err
	}
	heat := web.HeatMapView{Bands: c.Bands, Path: r.URL.Path, Query: r.URL.Query(), What: "open risks"}
	heat.Likelihood, heat.Impact = heatCell(r)
	escalated, flagged := 0, 0
	for _, x := range open {
		heat.Map.Add(x.Likelihood, x.Impact)
		if e := x.OpenEscalation(); e != nil {
			escalated++
			if e.BelowThreshold() {
				flagged++
			}
		}
	}
	f := mb.RiskFilter{CommitteeID: &c.ID, Likelihood: heat.Likelihood, Impact: heat.Impact, Trend: true}
	if status != "all" {
		f.Status = mb.RiskStatus(status)
	}
	list := open
	if f.Status != mb.RiskOpen || heat.Filtered() {
		if list, err = s.store.Risks(ctx, f); err != nil {
			return err
		}
	}
	rd := reader(r)
	p := web.RiskRegisterPage{
		Chrome: s.chrome(r, c.Code+" risk register", "committees"), Committee: c, Risks: list,
		Status: status, Heat: heat, CanEdit: rd.CanEditRisks(c.ID), Escalated: escalated, Flagged: flagged,
	}
	if p.CanEdit {
		p.Meetings, err = s.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &c.ID, Statuses: []mb.MinutesStatus{mb.Draft, mb.Circulated}})
		if err != nil {
			return err
		}
	}
	return s.page(w, r, web.RiskRegister(p))
}

// handleRiskShow serves GET /committees/{code}/risks/{ref}.
func (s *Server) handleRiskShow(w http.ResponseWriter, r *http.Request) error {
	c, err := s.readableRiskRegister(r)
	if err != nil {
		return err
	}
	risk, err := s.riskIn(r, c)
	if err != nil {
		return err
	}
	meetings, err := s.readableMeetings(r, mb.MeetingFilter{CommitteeID: &c.ID})
	if err != nil {
		return err
	}
	readable := map[int64]bool{}
	for _, m := range meetings {
		readable[m.ID] = true
	}
	return s.page(w, r, web.RiskShow(web.RiskPage{
		Chrome: s.chrome(r, risk.Reference, "committees"), Committee: c, Risk: risk,
		CanEdit: reader(r).CanEditRisks(c.ID), Readable: readable,
	}))
}

func (s *Server) renderRiskForm(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.Risk, isNew, locked bool) error {
	_, orgs, err := s.committeeOptions(r, 0)
	if err != nil {
		return err
	}
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	title := "New " + c.Code + " risk"
	if !isNew {
		title = "Edit " + f.Reference
	}
	s.render(w, r, status, web.RiskForm(web.RiskFormPage{
		Chrome: s.chrome(r, title, "committees"), Committee: c, Form: f, IsNew: isNew,
		Organisations: orgs, People: web.Options(people, web.PersonOption), ScoresLocked: locked,
	}))
	return nil
}

// resolveActions turns typed action references into the ids of the
// committee's actions, naming any that do not exist.
func (s *Server) resolveActions(r *http.Request, c *mb.Committee, refs []form.ActionRef, errs form.Errors) []int64 {
	var ids []int64
	for _, ref := range refs {
		a, err := s.store.ActionByReference(r.Context(), ref.Code, ref.Meeting, ref.Sequence)
		if err != nil || a.CommitteeID != c.ID {
			errs["actions"] = "There is no action " + mb.ActionReference(ref.Code, ref.Meeting, ref.Sequence) + " in the " + c.Code + " register."
			return nil
		}
		ids = append(ids, a.ID)
	}
	return ids
}

// handleRiskNew serves GET /committees/{code}/risks/new.
func (s *Server) handleRiskNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.editableRiskRegister(r)
	if err != nil {
		return err
	}
	return s.renderRiskForm(w, r, http.StatusOK, c, form.NewRisk(), true, false)
}

// handleRiskCreate serves POST /committees/{code}/risks/new.
func (s *Server) handleRiskCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.editableRiskRegister(r)
	if err != nil {
		return err
	}
	f, err := form.ParseRisk(r)
	if err != nil {
		return err
	}
	risk, refs := f.Risk(c.ID, c.Code, true)
	if risk != nil {
		risk.ActionIDs = s.resolveActions(r, c, refs, f.Errors)
	}
	return saveForm(formSave{
		Converted: len(f.Errors) == 0, Save: func() error { return s.store.CreateRisk(r.Context(), risk) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderRiskForm(w, r, status, c, f, true, false) },
		Done: func() error {
			return s.redirect(w, r, web.RiskPath(c.Code, risk.Reference), "Risk "+risk.Reference+" added.")
		},
	})
}

// handleRiskEdit serves GET /committees/{code}/risks/{ref}/edit.
func (s *Server) handleRiskEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.editableRiskRegister(r)
	if err != nil {
		return err
	}
	risk, err := s.riskIn(r, c)
	if err != nil {
		return err
	}
	return s.renderRiskForm(w, r, http.StatusOK, c, form.RiskFrom(risk), false, len(risk.Reviews) > 0)
}

// handleRiskUpdate serves POST /committees/{code}/risks/{ref}/edit.
func (s *Server) handleRiskUpdate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.editableRiskRegister(r)
	if err != nil {
		return err
	}
	stored, err := s.riskIn(r, c)
	if err != nil {
		return err
	}
	f, err := form.ParseRisk(r)
	if err != nil {
		return err
	}
	f.ID, f.Reference = stored.ID, stored.Reference
	locked := len(stored.Reviews) > 0
	risk, refs := f.Risk(c.ID, c.Code, false)
	if risk != nil {
		risk.ActionIDs = s.resolveActions(r, c, refs, f.Errors)
	}
	path := web.RiskPath(stored.CommitteeCode, stored.Reference)
	return saveForm(formSave{
		Converted: len(f.Errors) == 0, Save: func() error { return s.store.UpdateRisk(r.Context(), risk) }, Errors: f.Errors,
		Kept: "Your changes are below; the saved version is at " + path + ". Saving again replaces it.",
		Back: func(status int, conflict bool) error {
			if conflict {
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderRiskForm(w, r, status, c, f, false, locked)
		},
		Done: func() error { return s.redirect(w, r, path, "Risk "+stored.Reference+" saved.") },
	})
}
