package scaledemo

import (
	"fmt"
	"sort"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

type risk struct {
	id                 int64
	committee          *committee
	ref                string
	statement          string
	mitigations        string
	owner              *org
	ownerPerson        *person
	likelihood, impact int
	from, until        int // meeting seqs: raised at from, closed at until (-1: open)
	openEscalation     *escalation
	lastReview         *riskReview
}

func (r *risk) openAt(seq int) bool { return seq >= r.from && (r.until < 0 || seq < r.until) }

type riskReview struct {
	id                 int64
	risk               *risk
	meeting            *meeting
	itemID             int64
	likelihood, impact int
	comment            string
}

type escalation struct {
	id                 int64
	risk               *risk
	meeting            *meeting
	decisionID         int64
	likelihood, impact int
	withdrawn          *meeting
	withdrawnDecision  int64
	reason             string
}

var riskStatements = []string{
	"There is a risk {sp} will fail to meet SEC requirements, creating barriers for Service Users when operating at a large scale.",
	"There is a risk congestion on the DCC infrastructure could significantly increase if the growth in usage of DCC Services by Other Users continues.",
	"There is a risk the unstable connections between Communications Hubs and Home Area Network (HAN) devices impede Service Users' ability to send Commands to {device}.",
	"There is a risk that the execution of the {prog} may encounter challenges that delay its benefits to Users.",
	"There is a risk that {cpm} continues to fall below Minimum Service Level, degrading the service experienced by consumers.",
	"There is a risk that the closure of 3G networks leaves {device} without communications in a large number of premises.",
	"There is a risk that firmware defects in {device} are not resolved before the devices are installed at scale.",
	"There is a risk that settlement data are estimated for longer than the code allows, increasing reconciliation volumes.",
	"There is a risk that the cost of {mp} falls disproportionately on smaller parties.",
}

var riskComments = []string{
	"SECAS advised that the DCC had updated the {code} on the {prog}; the {code} did not ask for any change to the Risk Severity rating.",
	"The {code} noted the recent failures of {cpm} and raised the likelihood.",
	"The DCC reported progress against the mitigation plan; the {code} agreed the severity should remain unchanged.",
	"The {code} noted that a report on these matters is expected by {nextmonth}, and that the severity should be reconsidered in its light.",
	"The mitigation has taken effect and the {code} agreed to lower the impact.",
	"{party} asked for the risk to be reviewed again once {mp} is implemented.",
}

// planRisks draws each committee's risks: raised at one of its meetings,
// open for two to seven years, and closed after that unless still open.
func (w *world) planRisks(r rnd, c *committee) {
	if w.opts.Size.Risks == 0 || len(c.meetings) == 0 {
		return
	}
	n := r.around(float64(w.opts.Size.Risks)/float64(len(w.committees)), 3)
	held := 0
	for _, m := range c.meetings {
		if m.held {
			held++
		}
	}
	if held == 0 {
		return
	}
	froms := make([]int, n)
	for i := range froms {
		froms[i] = r.IntN(held)
	}
	sort.Ints(froms)
	mw := &minuteWriter{r: r}
	for i, from := range froms {
		mw.c = c.textCtx(c.meetings[from].date)
		rk := &risk{
			id: w.next("risks"), committee: c, ref: fmt.Sprintf("%s-%03d", c.code, i+1),
			statement: mw.sentence(pick(r, riskStatements)), owner: w.owner(r, c),
			likelihood: r.between(2, 4), impact: r.between(2, 5), from: from, until: -1,
		}
		rk.mitigations = mw.sentence("Mitigation through the {prog}; progress is reported to each main meeting.")
		if r.chance(0.3) && len(rk.owner.people) > 0 {
			rk.ownerPerson = pick(r, rk.owner.people)
		}
		if until := from + 24*r.between(2, 7); until < held {
			rk.until = until
		}
		w.risks = append(w.risks, rk)
		c.risks = append(c.risks, rk)
	}
}

// riskAt returns one of the committee's risks open at the meeting, for an
// item of the risk register to be about, or nil.
func (c *committee) riskAt(r rnd, seq int) *risk {
	var open []*risk
	for _, rk := range c.risks {
		if rk.openAt(seq) {
			open = append(open, rk)
		}
	}
	if len(open) == 0 {
		return nil
	}
	return pick(r, open)
}

// reviewRisks reviews the committee's open risks at the meetings whose
// agenda has a risk register item (about ReviewsPerRisk times each), moves
// their scores a step at a time, escalates those that reach the threshold
// to the parent body by an AGREED decision in that item, and withdraws the
// escalation, by another decision, when the severity falls back or the
// risk is closed.
func (w *world) reviewRisks(r rnd, c *committee, riskItems map[int]*item) {
	if len(c.risks) == 0 {
		return
	}
	var seqs []int
	for seq := range riskItems {
		seqs = append(seqs, seq)
	}
	sort.Ints(seqs)
	// Each risk is reviewed at about ReviewsPerRisk of the risk meetings of
	// its life, spread out.
	due := map[*risk]map[int]bool{}
	for _, rk := range c.risks {
		var life []int
		for _, s := range seqs {
			if rk.openAt(s) {
				life = append(life, s)
			}
		}
		k := min(len(life), r.around(w.opts.Size.ReviewsPerRisk, 6))
		due[rk] = map[int]bool{}
		for j := 0; j < k; j++ {
			due[rk][life[j*len(life)/k]] = true
		}
	}
	positions := map[int64]int{}
	for _, d := range w.decisions {
		positions[d.itemID] = max(positions[d.itemID], d.position)
	}
	decide := func(it *item, text string) int64 {
		positions[it.id]++
		d := &decision{id: w.next("decisions"), itemID: it.id, position: positions[it.id], kind: "AGREED", text: text}
		w.decisions = append(w.decisions, d)
		return d.id
	}
	mw := &minuteWriter{r: r}
	for _, seq := range seqs {
		m, it := c.meetings[seq], riskItems[seq]
		mw.c = c.textCtx(m.date)
		for _, rk := range c.risks {
			if !due[rk][seq] {
				continue
			}
			rk.likelihood = clampScore(rk.likelihood + pick(r, []int{-1, 0, 0, 0, 1}))
			rk.impact = clampScore(rk.impact + pick(r, []int{-1, 0, 0, 0, 0, 1}))
			rv := &riskReview{id: w.next("risk_reviews"), risk: rk, meeting: m, itemID: it.id,
				likelihood: rk.likelihood, impact: rk.impact, comment: mw.sentence(pick(r, riskComments))}
			w.reviews = append(w.reviews, rv)
			rk.lastReview = rv
			sev := mb.Severity(rk.likelihood, rk.impact)
			closing := rk.until >= 0 && !due[rk][nextDue(seqs, seq, due[rk])]
			switch e := rk.openEscalation; {
			case c.parent == nil:
			case e == nil && sev >= c.threshold && !closing && r.chance(0.7):
				e = &escalation{id: w.next("risk_escalations"), risk: rk, meeting: m, likelihood: rk.likelihood, impact: rk.impact}
				e.decisionID = decide(it, mb.EscalationDecisionText([]string{rk.ref}, 0, c.parent.name))
				w.escalations = append(w.escalations, e)
				rk.openEscalation = e
			case e != nil && (closing || (sev < c.threshold && r.chance(0.6))):
				e.reason = "the severity has fallen below the threshold"
				if closing {
					e.reason = "the risk is to be closed"
				}
				e.withdrawn = m
				e.withdrawnDecision = decide(it, mb.WithdrawalDecisionText([]string{rk.ref}, c.parent.name, e.reason))
				rk.openEscalation = nil
			}
		}
	}
}

// nextDue returns the next meeting after seq at which the risk is due, or -1.
func nextDue(seqs []int, seq int, due map[int]bool) int {
	for _, s := range seqs {
		if s > seq && due[s] {
			return s
		}
	}
	return -1
}

func clampScore(n int) int { return min(max(n, 1), 5) }

// band names the default band of a severity.
func band(severity int) string {
	for _, b := range mb.DefaultSeverityBands {
		if severity >= b.Min && severity <= b.Max {
			return b.Name
		}
	}
	return ""
}
