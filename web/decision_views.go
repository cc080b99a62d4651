package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// DecisionFormPage records or edits a decision.
type DecisionFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Item    *mb.Item
	Form    *form.Decision
	IsNew   bool
	Words   []Option
	Action  string
	Saved   *mb.Decision
}
