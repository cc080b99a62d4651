package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// DecisionEditor records or edits a decision in its item.
type DecisionEditor struct {
	Form   *form.Decision
	IsNew  bool
	Words  []Option
	Action string
	// Saved is the stored decision, shown beside the typed one after a conflict.
	Saved *mb.Decision
}
