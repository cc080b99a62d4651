package server

import (
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// apiReview is one review in a risk's history.
type apiReview struct {
	Meeting    string `json:"meeting"` // "OPSG 105"
	Date       string `json:"date"`    // "2023-10-23"
	Likelihood int    `json:"likelihood"`
	Impact     int    `json:"impact"`
	Severity   int    `json:"severity"`
	Band       string `json:"band"`
	Comment    string `json:"comment"`
	RecordedBy string `json:"recorded_by"`
}

// apiEscalation is one escalation of a risk.
type apiEscalation struct {
	Committee      string `json:"committee"`
	Reference      string `json:"reference"`
	Statement      string `json:"statement,omitempty"`
	To             string `json:"to"`
	Meeting        string `json:"meeting"`
	Date           string `json:"date"`
	Decision       string `json:"decision"`
	Severity       int    `json:"severity_at_escalation"`
	Band           string `json:"band_at_escalation"`
	SeverityNow    int    `json:"severity_now,omitempty"`
	BandNow        string `json:"band_now,omitempty"`
	BelowThreshold bool   `json:"below_threshold"`
	Trend          []int  `json:"trend,omitempty"`
	Open           bool   `json:"open"`
	WithdrawnAt    string `json:"withdrawn_at_meeting,omitempty"`
	MinutesURL     string `json:"minutes_url,omitempty"`
}

// apiRisk is a risk with its history.
type apiRisk struct {
	Reference   string          `json:"reference"`
	Statement   string          `json:"statement"`
	Owner       string          `json:"owner"`
	OwnerPerson string          `json:"owner_person,omitempty"`
	Likelihood  int             `json:"likelihood"`
	Impact      int             `json:"impact"`
	Severity    int             `json:"severity"`
	Band        string          `json:"band"`
	Status      string          `json:"status"`
	Mitigations string          `json:"mitigations"`
	Actions     []string        `json:"actions"`
	Reviews     []apiReview     `json:"reviews"`
	Escalations []apiEscalation `json:"escalations"`
}

func toAPIEscalation(e *mb.Escalation, code string) apiEscalation {
	out := apiEscalation{
		Committee: code, To: e.ToCommitteeCode, Meeting: e.Meeting.ShortName(), Date: e.Meeting.Date.Format(time.DateOnly),
		Decision: mb.DecisionSentence(code, mb.Decision{Kind: e.DecisionKind, Text: e.DecisionText}),
		Severity: e.Severity(), Band: e.Band, Open: e.Open(), BelowThreshold: e.BelowThreshold(),
	}
	if e.Risk != nil {
		out.Reference = e.Risk.Reference
	}
	if e.WithdrawnMeeting != nil {
		out.WithdrawnAt = e.WithdrawnMeeting.ShortName()
	}
	return out
}

// handleAPIRisks serves GET /api/v1/committees/{code}/risks: every risk of
// the register with its reviews and escalations, for the same readers as
// the register's pages.
func (s *Server) handleAPIRisks(w http.ResponseWriter, r *http.Request) error {
	c, err := s.readableRiskRegister(r)
	if err != nil {
		return err
	}
	list, err := s.store.Risks(r.Context(), mb.RiskFilter{CommitteeID: &c.ID})
	if err != nil {
		return err
	}
	risks := make([]apiRisk, 0, len(list))
	for _, x := range list {
		a := apiRisk{
			Reference: x.Reference, Statement: x.Statement, Owner: x.OwnerName, OwnerPerson: x.OwnerPersonName,
			Likelihood: x.Likelihood, Impact: x.Impact, Severity: x.Severity(), Band: x.Band, Status: string(x.Status),
			Mitigations: x.Mitigations, Actions: []string{}, Reviews: []apiReview{}, Escalations: []apiEscalation{},
		}
		for _, act := range x.Actions {
			a.Actions = append(a.Actions, act.Reference())
		}
		for _, v := range x.Reviews {
			a.Reviews = append(a.Reviews, apiReview{
				Meeting: v.MeetingName(), Date: v.MeetingDate.Format(time.DateOnly), Likelihood: v.Likelihood, Impact: v.Impact,
				Severity: v.Severity(), Band: v.Band, Comment: v.Comment, RecordedBy: v.ActorName,
			})
		}
		for _, e := range x.Escalations {
			a.Escalations = append(a.Escalations, toAPIEscalation(e, c.Code))
		}
		risks = append(risks, a)
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"committee": c.Code, "escalation_threshold": c.EscalationThreshold, "bands": bandsJSON(c.Bands), "risks": risks,
	})
	return nil
}

func bandsJSON(bands []mb.SeverityBand) []map[string]any {
	out := []map[string]any{}
	for _, b := range bands {
		out = append(out, map[string]any{"name": b.Name, "min": b.Min, "max": b.Max})
	}
	return out
}

// handleAPIEscalations serves GET /api/v1/committees/{code}/escalations:
// the open escalations from every committee beneath the body, at any depth,
// for the body's chair and secretariat, those above it, and administrators.
func (s *Server) handleAPIEscalations(w http.ResponseWriter, r *http.Request) error {
	body, err := s.readableEscalations(r)
	if err != nil {
		return err
	}
	all, err := s.store.Committees(r.Context())
	if err != nil {
		return err
	}
	out := []apiEscalation{}
	if beneath := committeesBeneath(all, body.ID); len(beneath) > 0 {
		list, minutes, err := s.openEscalations(r, beneath)
		if err != nil {
			return err
		}
		for _, e := range list {
			a := toAPIEscalation(e, e.Risk.CommitteeCode)
			a.Statement = e.Risk.Statement
			a.SeverityNow, a.BandNow = e.Risk.Severity(), e.Risk.Band
			for _, v := range e.Risk.Reviews {
				a.Trend = append(a.Trend, v.Severity())
			}
			a.MinutesURL = minutes[e.ID]
			out = append(out, a)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"body": body.Code, "escalations": out})
	return nil
}
