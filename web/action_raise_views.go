package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// RaisedActionFormPage raises or edits an action within an item.
type RaisedActionFormPage struct {
	Chrome
	Meeting       *mb.Meeting
	Item          *mb.Item
	Form          *form.RaisedAction
	IsNew         bool
	Reference     string // "OPSG 105/01" when editing
	Organisations []Option
	People        []Option
	Action        string
	Saved         *mb.Action
}
