package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// plannedReview is a risk reviewed in an imported item that the register
// can take: an existing open risk, or one to add.
type plannedReview struct {
	item       *mb.ImportedItem
	in         mb.ImportedRisk
	risk       *mb.Risk // nil: add it
	likelihood int
	impact     int
}

// planReviews decides, before the items are written, which reviews can be
// recorded: a risk whose review cannot be (a closed risk, a severity no two
// scores make, a new risk without one) keeps its paragraph in the minute.
// Scores come from the severity the minutes print, by mb.ScoresForSeverity.
func (x *minutesImport) planReviews(ctx context.Context) error {
	var walk func(items []mb.ImportedItem) error
	walk = func(items []mb.ImportedItem) error {
		for i := range items {
			it := &items[i]
			for _, in := range it.Risks {
				if err := x.planReview(ctx, it, in); err != nil {
					return err
				}
			}
			if err := walk(it.Children); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(x.in.Items)
}

func (x *minutesImport) planReview(ctx context.Context, it *mb.ImportedItem, in mb.ImportedRisk) error {
	for _, p := range x.reviews {
		if p.in.Reference == in.Reference {
			x.rep.Note(in.Line, "%s is reviewed again: a risk is reviewed once per meeting, so the first review is kept.", in.Reference)
			return nil
		}
	}
	r, err := scanRisk(x.tx.QueryRow(ctx, `SELECT `+riskColumns+riskFrom+` WHERE r.committee_id = $1 AND r.reference = $2 FOR UPDATE OF r`, x.c.ID, in.Reference))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		r = nil
	case err != nil:
		return err
	}
	p := plannedReview{item: it, in: in, risk: r}
	var ok bool
	switch {
	case r != nil && r.Status != mb.RiskOpen:
		x.rep.Note(in.Line, "%s is closed in the register: its review is kept in the minute only.", in.Reference)
		return nil
	case in.Severity == 0 && r != nil:
		p.likelihood, p.impact, ok = r.Likelihood, r.Impact, true
	case in.Severity == 0:
		x.rep.Note(in.Line, "%s is not in the register and the minutes give no severity: its paragraph stays in the minute.", in.Reference)
		return nil
	case mb.ValidScore(in.Likelihood) && mb.ValidScore(in.Impact) && in.Likelihood*in.Impact == in.Severity:
		p.likelihood, p.impact, ok = in.Likelihood, in.Impact, true // the minutes give the scores
	case r != nil:
		p.likelihood, p.impact, ok = mb.ScoresForSeverity(in.Severity, r.Likelihood, r.Impact)
	default:
		p.likelihood, p.impact, ok = mb.ScoresForSeverity(in.Severity, 0, 0)
	}
	if !ok {
		x.rep.Note(in.Line, "Severity %d of %s is not a likelihood times an impact on 1–5 scales: no review is recorded and its paragraph stays in the minute.", in.Severity, in.Reference)
		return nil
	}
	if r == nil && x.c.SecretariatID == nil {
		x.rep.Note(in.Line, "%s is not in the register, and %s has no secretariat to own it: its paragraph stays in the minute.", in.Reference, x.c.Code)
		return nil
	}
	sev := mb.Severity(p.likelihood, p.impact)
	if band := x.c.Band(sev); in.Band != "" && !strings.EqualFold(band, in.Band) {
		x.rep.Note(in.Line, "The minutes band %s's severity %d as %s; %s bands it %s.", in.Reference, sev, in.Band, x.c.Code, band)
	}
	if r != nil && in.Statement != "" && !strings.EqualFold(strings.Join(strings.Fields(in.Statement), " "), r.Statement) {
		x.rep.Note(in.Line, "The minutes word %s differently from the register, whose statement is kept.", in.Reference)
	}
	label := in.Reference + " (" + mb.SeverityLabel(sev, x.c.Band(sev)) + ")"
	if r == nil {
		label += ", a new risk owned by " + x.c.SecretariatName
	}
	if x.in.Skip.Skips(mb.EffectReview, in.Reference) {
		x.rep.Skip(mb.EffectReview, in.Reference, label)
		return nil // its paragraph stays in the minute
	}
	x.rep.Effect(mb.EffectReview, in.Reference, label)
	x.reviews = append(x.reviews, p)
	return nil
}

// entryStays reports whether a reviewed risk's paragraph stays in the
// minute because no review will record it.
func (x *minutesImport) entryStays(it *mb.ImportedItem, in mb.ImportedRisk) bool {
	if in.Entry == "" {
		return false
	}
	for _, p := range x.reviews {
		if p.item == it && p.in.Reference == in.Reference {
			return false
		}
	}
	return true
}

// recordReviews adds the new risks and records every review at the meeting
// in its item; reviews an earlier import recorded that the document no
// longer has are removed.
func (x *minutesImport) recordReviews(ctx context.Context) error {
	reviewed := []int64{}
	for i := range x.reviews {
		p := &x.reviews[i]
		if p.risk == nil {
			r := &mb.Risk{CommitteeID: x.c.ID, Reference: p.in.Reference, Statement: p.in.Statement, OwnerID: *x.c.SecretariatID,
				Likelihood: p.likelihood, Impact: p.impact, Status: mb.RiskOpen}
			r.Normalize()
			if err := r.Validate(); err != nil {
				return mb.Errorf(mb.EINVALID, "%s (line %d): %s", p.in.Reference, p.in.Line, firstMessage(err))
			}
			if err := insertRisk(ctx, x.tx, r); err != nil {
				return err
			}
			r.CommitteeCode = x.c.Code
			p.risk = r
			x.rep.NewRisks = append(x.rep.NewRisks, r.Reference+" (owned by "+x.c.SecretariatName+")")
		}
		itemID := x.itemID(p.item)
		in := mb.ReviewInput{RiskID: p.risk.ID, Likelihood: p.likelihood, Impact: p.impact, Comment: p.in.Comment}
		if fe := in.Validate(); len(fe) > 0 {
			return mb.Errorf(mb.EINVALID, "%s (line %d): %s", p.in.Reference, p.in.Line, firstMessage(fe.Err()))
		}
		if err := recordReview(ctx, x.tx, x.m, x.c, &itemID, in); err != nil {
			return err
		}
		p.risk.Likelihood, p.risk.Impact = p.likelihood, p.impact
		reviewed = append(reviewed, p.risk.ID)
		sev := mb.Severity(p.likelihood, p.impact)
		x.rep.RisksReviewed = append(x.rep.RisksReviewed, p.in.Reference+" ("+mb.SeverityLabel(sev, x.c.Band(sev))+")")
	}
	rows, err := x.tx.Query(ctx, `DELETE FROM risk_reviews v USING risks r WHERE r.id = v.risk_id AND v.meeting_id = $1 AND NOT (v.risk_id = ANY($2))
		RETURNING v.risk_id, r.reference`, x.m.ID, reviewed)
	if err != nil {
		return err
	}
	type dropped struct {
		id  int64
		ref string
	}
	gone, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (dropped, error) {
		var d dropped
		return d, r.Scan(&d.id, &d.ref)
	})
	if err != nil {
		return err
	}
	for _, d := range gone {
		if err := syncRiskScores(ctx, x.tx, d.id); err != nil {
			return err
		}
		x.rep.Note(0, "Removed the review of %s at %s, which the document no longer records.", d.ref, x.m.ShortName())
		if err := audit(ctx, x.tx, "risk", d.id, &x.c.ID, "review", "Removed the review of "+d.ref+" at "+x.m.ShortName()+" on import"); err != nil {
			return err
		}
	}
	return nil
}

func (x *minutesImport) itemID(it *mb.ImportedItem) int64 {
	for _, p := range x.items {
		if p.in == it {
			return p.id
		}
	}
	return 0
}

// escalations opens the escalations an AGREED decision agrees: in an item
// that reviews risks, a decision that speaks of escalating escalates the
// risks it names by reference, or every risk the item reviews ("all four
// risks above be escalated to the SEC Panel"). Risks below the committee's
// threshold or already escalated are noted, not escalated.
func (x *minutesImport) escalations(ctx context.Context) error {
	for _, p := range x.items {
		var risks []*mb.Risk
		for _, r := range x.reviews {
			if r.item == p.in {
				risks = append(risks, r.risk)
			}
		}
		for i, d := range p.in.Decisions {
			text := strings.ToLower(d.Text)
			if d.Kind != "AGREED" || len(risks) == 0 || !strings.Contains(text, "escalat") || strings.Contains(text, "withdr") {
				continue
			}
			if x.c.ParentID == nil {
				x.rep.Note(p.in.Line, "Item %s agrees an escalation, but %s has no parent body to escalate to.", p.in.Number, x.c.Code)
				continue
			}
			if err := x.escalate(ctx, p, p.decisions[i], named(risks, d.Text)); err != nil {
				return err
			}
		}
	}
	return nil
}

// named returns the risks whose references the text names, or all of them
// when it names none.
func named(risks []*mb.Risk, text string) []*mb.Risk {
	var out []*mb.Risk
	for _, r := range risks {
		if strings.Contains(strings.ToUpper(text), r.Reference) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return risks
	}
	return out
}

func (x *minutesImport) escalate(ctx context.Context, p *placedItem, decisionID int64, risks []*mb.Risk) error {
	for _, r := range risks {
		var openID, onDecision int64
		err := x.tx.QueryRow(ctx, `SELECT id, decision_id FROM risk_escalations WHERE risk_id = $1 AND withdrawn_at IS NULL`, r.ID).Scan(&openID, &onDecision)
		switch {
		case err == nil && onDecision == decisionID:
			x.rep.Escalated = append(x.rep.Escalated, fmt.Sprintf("%s to %s", r.Reference, mb.BodyName(x.c.ParentName)))
			continue
		case err == nil:
			x.rep.Note(p.in.Line, "%s is already escalated to %s: it is not escalated again.", r.Reference, mb.BodyName(x.c.ParentName))
			continue
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		if r.Severity() < x.c.EscalationThreshold {
			x.rep.Note(p.in.Line, "%s has severity %d, below the %s threshold of %d: it is not escalated.", r.Reference, r.Severity(), x.c.Code, x.c.EscalationThreshold)
			continue
		}
		label := fmt.Sprintf("%s to %s", r.Reference, mb.BodyName(x.c.ParentName))
		if x.in.Skip.Skips(mb.EffectEscalation, r.Reference) {
			x.rep.Skip(mb.EffectEscalation, r.Reference, label)
			continue
		}
		if err := insertEscalation(ctx, x.tx, x.m, x.c, r, decisionID); err != nil {
			return err
		}
		x.rep.Escalated = append(x.rep.Escalated, label)
		x.rep.Effect(mb.EffectEscalation, r.Reference, label)
	}
	return nil
}
