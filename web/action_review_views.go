package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ReviewPage is a meeting's review of its outstanding actions: one form,
// saved all or nothing.
type ReviewPage struct {
	Chrome
	Meeting *mb.Meeting
	Rows    []ReviewRowView
	// Done are the actions whose review at this meeting closed them.
	Done   []mb.OutstandingAction
	Form   *form.Review
	Errors form.Errors
	// Draft is the reader's unsaved draft of the review, when one is kept.
	Draft *DraftNotice
}

// ReviewRowView is one outstanding action in the review form.
type ReviewRowView struct {
	Action   *mb.Action
	Row      *form.ReviewRow
	Notes    []string // already recorded at this meeting
	Overdue  bool
	Slippage mb.Slippage
}
