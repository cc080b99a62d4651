package minutebook

import (
	"strconv"
	"strings"
	"time"
)

// Escalation is a risk escalated to the parent body by a decision recorded
// at a meeting. It stays open until the committee withdraws it, also by a
// recorded decision.
type Escalation struct {
	ID     int64
	RiskID int64
	// Risk is the escalated risk with its reviews, when read for a dashboard.
	Risk            *Risk
	ToCommitteeID   int64
	ToCommitteeCode string // read-only
	ToCommitteeName string // read-only
	// Meeting is the meeting whose decision escalated the risk.
	Meeting      *Meeting
	DecisionID   int64
	DecisionKind string
	DecisionText string
	// The risk's scores and band when it was escalated.
	Likelihood  int
	Impact      int
	Band        string
	EscalatedAt time.Time
	// Threshold is the committee's escalation threshold now.
	Threshold int
	// Withdrawal, once recorded.
	WithdrawnMeeting *Meeting
	WithdrawnAt      *time.Time
	WithdrawalReason string
	// WithdrawalDecisionText is the text of the AGREED decision that withdrew it.
	WithdrawalDecisionText string
	// MinutesReadable says whether the reader the store was given may open
	// the minutes of Meeting.
	MinutesReadable bool
}

// Severity is the risk's severity when it was escalated.
func (e *Escalation) Severity() int { return Severity(e.Likelihood, e.Impact) }

// Open reports whether the escalation has not been withdrawn.
func (e *Escalation) Open() bool { return e.WithdrawnAt == nil }

// BelowThreshold reports whether an open escalation's risk has fallen
// below its committee's threshold: it stays escalated, flagged for the
// committee's decision to withdraw it.
func (e *Escalation) BelowThreshold() bool {
	return e.Open() && e.Risk != nil && e.Threshold > 0 && e.Risk.Severity() < e.Threshold
}

// Since is the day the escalation was agreed: its meeting's date.
func (e *Escalation) Since() time.Time {
	if e.Meeting != nil {
		return e.Meeting.Date
	}
	return e.EscalatedAt
}

// AgeDays is how many whole days the escalation has been open on day.
func (e *Escalation) AgeDays(day time.Time) int {
	d := int(day.Sub(e.Since()).Hours() / 24)
	if d < 0 {
		return 0
	}
	return d
}

// Age describes how long the escalation has been open, in plain words:
// "12 days", "5 months", "2 years".
func (e *Escalation) Age(day time.Time) string { return AgeLabel(e.AgeDays(day)) }

// AgeLabel words a number of days: "1 day", "45 days", "3 months", "2 years".
func AgeLabel(days int) string {
	switch {
	case days == 1:
		return "1 day"
	case days < 60:
		return itoaPlural(days, "day")
	case days < 730:
		return itoaPlural(days*12/365, "month")
	}
	return itoaPlural(days/365, "year")
}

func itoaPlural(n int, unit string) string {
	s := strconv.Itoa(n) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}

// countWords spells small counts as the minutes do: "all four risks above".
var countWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// CountWord spells n in words up to twelve, in digits after.
func CountWord(n int) string {
	if n >= 0 && n < len(countWords) {
		return countWords[n]
	}
	return strconv.Itoa(n)
}

// ListAnd joins words as prose does: "A", "A and B", "A, B and C".
func ListAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// BodyName names a body in running text: "SEC Panel" → "the SEC Panel".
func BodyName(name string) string {
	if strings.HasPrefix(strings.ToLower(name), "the ") {
		return name
	}
	return "the " + name
}

// EscalationDecisionText is the text of the AGREED decision that escalates
// the risks with the references to the parent body. When they are all the

func EscalationDecisionText(refs []string, reviewedInItem int, parentName string) string {
	to := BodyName(parentName)
	if len(refs) > 1 && len(refs) == reviewedInItem {
		all := "all " + CountWord(len(refs))
		if len(refs) == 2 {
			all = "both"
		}
		// As the model document words it: the risks are the ones the
		// item has just listed, each with its review.
		return all + " risks above be escalated to " + to
	}
	noun := "risk"
	if len(refs) > 1 {
		noun = "risks"
	}
	return "that " + noun + " " + ListAnd(refs) + " be escalated to " + to
}

// WithdrawalDecisionText is the text of the AGREED decision that withdraws
// the escalation of the risks, with the committee's reason when given.
func WithdrawalDecisionText(refs []string, parentName, reason string) string {
	noun := "risk"
	if len(refs) > 1 {
		noun = "risks"
	}
	s := "that the escalation of " + noun + " " + ListAnd(refs) + " to " + BodyName(parentName) + " be withdrawn"
	if reason = strings.TrimRight(strings.TrimSpace(reason), "."); reason != "" {
		s += ": " + reason
	}
	return s
}

// OfferedForEscalation returns the open risks at or above the threshold that
// are not escalated already: those a review offers for escalation.
func OfferedForEscalation(risks []*Risk, threshold int) []*Risk {
	var out []*Risk
	for _, r := range risks {
		if r.Status == RiskOpen && r.Severity() >= threshold && r.OpenEscalation() == nil {
			out = append(out, r)
		}
	}
	return out
}

// HeatMap counts risks by likelihood and impact: Cells[l-1][i-1].
type HeatMap struct {
	Cells [MaxScore][MaxScore]int
	Total int
}

// Add counts one risk with the scores; scores off the scale are ignored.
func (h *HeatMap) Add(likelihood, impact int) {
	if ValidScore(likelihood) && ValidScore(impact) {
		h.Cells[likelihood-1][impact-1]++
		h.Total++
	}
}

// Count returns the number of risks in the cell.
func (h *HeatMap) Count(likelihood, impact int) int {
	if !ValidScore(likelihood) || !ValidScore(impact) {
		return 0
	}
	return h.Cells[likelihood-1][impact-1]
}

// ChronicAction is an action that keeps slipping: open past its target by
// more than the allowed days, or revised twice or more.
type ChronicAction struct {
	Action      *Action
	DaysOverdue int // 0 when not past its target
	Revisions   int
}

// ChronicAt reports why the action is chronic on day, given how many times
// its target was revised and how many days past target make it chronic;
// ok is false when it is not chronic.
func ChronicAt(a *Action, revisions int, day time.Time, overdueDays int) (ChronicAction, bool) {
	c := ChronicAction{Action: a, Revisions: revisions}
	if a.Status != ActionOpen {
		return c, false
	}
	if a.CurrentTarget != nil && a.CurrentTarget.Before(day) {
		c.DaysOverdue = int(day.Sub(*a.CurrentTarget).Hours() / 24)
	}
	return c, c.DaysOverdue > overdueDays || revisions >= 2
}
