package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// RaisedActionEditor raises or edits an action within an item.
type RaisedActionEditor struct {
	Form          *form.RaisedAction
	IsNew         bool
	Reference     string // "OPSG 105/01" when editing
	Organisations []Option
	People        []Option
	Action        string
	// Saved is the stored action, shown beside the typed one after a conflict.
	Saved *mb.Action
}
