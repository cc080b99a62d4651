package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// RiskReviewPage records a meeting's reviews of the register and its
// decisions to escalate or withdraw.
type RiskReviewPage struct {
	Chrome
	Committee *mb.Committee
	Meeting   *mb.Meeting
	// Open are the committee's open risks, most severe first.
	Open  []*mb.Risk
	Items []Option
	// Locked is set when the minutes are approved or published.
	Locked bool
	Review *form.RiskReview
	// Draft is the reader's unsaved draft of the review, when one is kept.
	Draft *DraftNotice
	// Offered are the risks at or above the threshold not yet escalated.
	Offered  []*mb.Risk
	Escalate *form.RiskDecision
	// Escalated are the risks with an open escalation, those below the
	// threshold first.
	Escalated []*mb.Risk
	Withdraw  *form.RiskDecision
	// Recorded are the reviews already recorded at the meeting.
	Recorded []mb.RiskReview
}
