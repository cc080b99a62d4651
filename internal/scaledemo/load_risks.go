package scaledemo

import (
	"context"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// loadRisks loads the risk register: risks, the actions that mitigate
// them, their reviews and their escalations to the parent bodies.
func (l *loader) loadRisks(ctx context.Context) error {
	w := l.w
	at := func(m *meeting) time.Time { return m.date.Add(time.Duration(m.end) * time.Minute) }
	userOf := func(p *person) any {
		if p == nil || p.userID == 0 {
			return nil
		}
		return p.userID
	}
	if err := l.copy(ctx, "risks", []string{"id", "committee_id", "reference", "statement", "owner_organisation_id", "owner_person_id",
		"likelihood", "impact", "status", "mitigations", "created_at", "updated_at"}, len(w.risks), func(i int, v []any) []any {
		r := w.risks[i]
		var ownerPerson any
		if r.ownerPerson != nil {
			ownerPerson = r.ownerPerson.id
		}
		status := "open"
		if r.until >= 0 {
			status = "closed"
		}
		created := at(r.committee.meetings[r.from])
		updated := created
		if r.lastReview != nil {
			updated = at(r.lastReview.meeting)
		}
		return append(v, r.id, r.committee.id, r.ref, r.statement, r.owner.id, ownerPerson, r.likelihood, r.impact, status, r.mitigations, created, updated)
	}); err != nil {
		return err
	}
	if err := l.copy(ctx, "risk_actions", []string{"risk_id", "action_id"}, len(w.riskActions), func(i int, v []any) []any {
		return append(v, w.riskActions[i][0], w.riskActions[i][1])
	}); err != nil {
		return err
	}
	if err := l.copy(ctx, "risk_reviews", []string{"id", "risk_id", "meeting_id", "item_id", "likelihood", "impact", "band", "statement", "comment", "actor_id", "at"},
		len(w.reviews), func(i int, v []any) []any {
			rv := w.reviews[i]
			return append(v, rv.id, rv.risk.id, rv.meeting.id, rv.itemID, rv.likelihood, rv.impact,
				band(mb.Severity(rv.likelihood, rv.impact)), rv.risk.statement, rv.comment, userOf(w.secretaryAt(rv.meeting)), at(rv.meeting))
		}); err != nil {
		return err
	}
	return l.copy(ctx, "risk_escalations", []string{"id", "risk_id", "committee_id", "to_committee_id", "meeting_id", "decision_id", "likelihood", "impact", "band",
		"escalated_at", "withdrawn_meeting_id", "withdrawn_decision_id", "withdrawn_at", "withdrawal_reason"}, len(w.escalations), func(i int, v []any) []any {
		e := w.escalations[i]
		var wm, wd, wat any
		if e.withdrawn != nil {
			wm, wd, wat = e.withdrawn.id, e.withdrawnDecision, at(e.withdrawn)
		}
		return append(v, e.id, e.risk.id, e.risk.committee.id, e.risk.committee.parent.id, e.meeting.id, e.decisionID, e.likelihood, e.impact,
			band(mb.Severity(e.likelihood, e.impact)), at(e.meeting), wm, wd, wat, e.reason)
	})
}
