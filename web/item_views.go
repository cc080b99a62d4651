package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Editor is the one form open in place in the minutes workspace, where
// what it edits appears in the minutes: an item's title and minute, a new
// sub-item at the end of its parent's, a decision among its item's, an
// action among its item's, or a new item at the end of the items. Its
// address (the form's GET route) renders the workspace with it open, with
// or without JavaScript; with JavaScript only the section it sits in is
// swapped.
type Editor struct {
	// ItemID is the item whose section holds the editor: the item edited,
	// the parent of a new sub-item, the item of a decision or an action;
	// zero for a new top-level item.
	ItemID   int64
	Item     *ItemEditor
	Decision *DecisionEditor
	Action   *RaisedActionEditor
	// Draft is the editor's own unsaved draft, when one is kept.
	Draft *DraftNotice
}

// ItemEditor adds or edits an agenda item.
type ItemEditor struct {
	Form  *form.Item
	IsNew bool
	// Parents are the top-level items a new item may go beneath.
	Parents []Option
	Action  string
	// Saved is the stored item, shown beside the typed one after a conflict.
	Saved *mb.Item
	// Preview is the minute rendered as it will be saved, when asked for
	// without JavaScript ("" otherwise).
	Preview string
	// Number is the edited item's number ("5.1").
	Number string
	// HasSubItems says whether the item holds sub-items, so that where its
	// decisions and actions stand matters.
	HasSubItems bool
}

// editsItem reports whether the editor edits the item with the id.
func (e *Editor) editsItem(id int64) bool {
	return e != nil && e.Item != nil && !e.Item.IsNew && e.Item.Form.ID == id
}

// addsSubItemTo reports whether the editor adds a sub-item to the item.
func (e *Editor) addsSubItemTo(id int64) bool {
	return e != nil && e.Item != nil && e.Item.IsNew && e.ItemID == id
}

// addsItem reports whether the editor adds a top-level item.
func (e *Editor) addsItem() bool {
	return e != nil && e.Item != nil && e.Item.IsNew && e.ItemID == 0
}

// editsDecision reports whether the editor edits the decision.
func (e *Editor) editsDecision(id int64) bool {
	return e != nil && e.Decision != nil && !e.Decision.IsNew && e.Decision.Form.ID == id
}

// addsDecisionTo reports whether the editor records a decision in the item.
func (e *Editor) addsDecisionTo(id int64) bool {
	return e != nil && e.Decision != nil && e.Decision.IsNew && e.ItemID == id
}

// editsAction reports whether the editor edits the action.
func (e *Editor) editsAction(id int64) bool {
	return e != nil && e.Action != nil && !e.Action.IsNew && e.Action.Form.ID == id
}

// addsActionTo reports whether the editor raises an action in the item.
func (e *Editor) addsActionTo(id int64) bool {
	return e != nil && e.Action != nil && e.Action.IsNew && e.ItemID == id
}
