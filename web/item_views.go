package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ItemFormPage adds or edits an agenda item.
type ItemFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Form    *form.Item
	IsNew   bool
	Parents []Option
	Action  string
	// Saved is the stored item, shown beside the typed one after a conflict.
	Saved *mb.Item
}
