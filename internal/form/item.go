package form

import (
	"net/http"
	"strconv"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Item is the agenda item form as typed.
type Item struct {
	ID             int64
	Version        string
	Parent         string
	Title          string
	Minute         string
	Classification string
	// Placement is where the item's own decisions and actions stand.
	Placement string
	// Then and Preview say what the post asks for besides: the form to
	// open next, or only a preview of the minute.
	Then    Then
	Preview bool
	Errors  Errors
}

// ItemFrom fills the form from a stored item.
func ItemFrom(it *mb.Item) *Item {
	f := &Item{ID: it.ID, Version: strconv.Itoa(it.Version), Parent: idString(it.ParentID), Title: it.Title, Minute: it.Minute,
		Placement: string(it.Placement), Errors: Errors{}}
	if it.Classification != 0 {
		f.Classification = it.Classification.String()
	}
	return f
}

// ParseItem reads a submitted item form. The minute keeps its line breaks
// and spacing exactly as typed.
func ParseItem(r *http.Request) (*Item, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Item{Version: value(r, "version"), Parent: value(r, "parent"), Title: value(r, "title"),
		Minute: r.PostFormValue("minute"), Classification: value(r, "classification"), Placement: value(r, "placement"),
		Then: parseThen(r), Preview: value(r, "preview") != "", Errors: Errors{}}, nil
}

// Item converts the form, or returns nil with f.Errors set.
func (f *Item) Item(isNew bool) *mb.Item {
	it := &mb.Item{ID: f.ID, Title: f.Title, Minute: f.Minute, Placement: mb.Placement(f.Placement)}
	if !isNew {
		it.Version = parseVersion(f.Version, f.Errors)
	}
	it.ParentID = optionalID(f.Parent, "parent", f.Errors)
	if f.Classification != "" {
		c, err := mb.ParseClassification(f.Classification)
		if err != nil {
			f.Errors["classification"] = mb.ErrorMessage(err)
		}
		it.Classification = c
	}
	if f.Title == "" {
		f.Errors["title"] = "Enter the item's title, such as Previous Meeting Minutes."
	}
	if len(f.Errors) > 0 {
		return nil
	}
	return it
}

// Decision is the decision form as typed.
type Decision struct {
	ID      int64
	Version string
	Kind    string
	Text    string
	Then    Then
	Errors  Errors
}

// DecisionFrom fills the form from a stored decision.
func DecisionFrom(d *mb.Decision) *Decision {
	return &Decision{ID: d.ID, Version: strconv.Itoa(d.Version), Kind: d.Kind, Text: d.Text, Errors: Errors{}}
}

// ParseDecision reads a submitted decision form.
func ParseDecision(r *http.Request) (*Decision, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Decision{Version: value(r, "version"), Kind: value(r, "kind"), Text: value(r, "text"), Then: parseThen(r), Errors: Errors{}}, nil
}

// Decision converts the form, or returns nil with f.Errors set.
func (f *Decision) Decision(isNew bool, itemID int64, vocabulary []string) *mb.Decision {
	d := &mb.Decision{ID: f.ID, ItemID: itemID, Kind: f.Kind, Text: f.Text}
	if !isNew {
		d.Version = parseVersion(f.Version, f.Errors)
	}
	return checked(d, f.Errors, d.Validate(vocabulary))
}

// RaisedAction is the form that raises or edits an action within an item.
type RaisedAction struct {
	ID          int64
	Reference   string // "OPSG 105/01" once raised
	Version     string
	Text        string
	Owner       string
	OwnerPerson string
	TargetDate  string
	Then        Then
	Errors      Errors
}

// RaisedActionFrom fills the form from a stored action.
func RaisedActionFrom(a *mb.Action) *RaisedAction {
	f := &RaisedAction{ID: a.ID, Version: strconv.Itoa(a.Version), Text: a.Text, Owner: strconv.FormatInt(a.OwnerID, 10),
		OwnerPerson: idString(a.OwnerPersonID), Errors: Errors{}}
	if a.TargetDate != nil {
		f.TargetDate = a.TargetDate.Format(time.DateOnly)
	}
	return f
}

// ParseRaisedAction reads a submitted action form.
func ParseRaisedAction(r *http.Request) (*RaisedAction, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &RaisedAction{Version: value(r, "version"), Text: value(r, "text"), Owner: value(r, "owner"),
		OwnerPerson: value(r, "owner_person"), TargetDate: value(r, "target_date"), Then: parseThen(r), Errors: Errors{}}, nil
}

// Action converts the form, or returns nil with f.Errors set.
func (f *RaisedAction) Action(isNew bool, itemID int64, meetingDate time.Time) *mb.Action {
	a := &mb.Action{ID: f.ID, ItemID: &itemID, Text: f.Text, OwnerPersonID: optionalID(f.OwnerPerson, "owner_person", f.Errors)}
	if !isNew {
		a.Version = parseVersion(f.Version, f.Errors)
	}
	if id := optionalID(f.Owner, "owner", f.Errors); id != nil {
		a.OwnerID = *id
	}
	a.TargetDate = optionalDate(f.TargetDate, "target_date", f.Errors)
	return checked(a, f.Errors, a.ValidateRaised(meetingDate))
}

// Then is the form a save in the minutes workspace opens next, so that the
// secretariat goes on typing: decision after decision, action after action.
type Then string

// The forms a save may open next; "" opens none.
const (
	ThenDecision Then = "decision" // another decision in the same item
	ThenAction   Then = "action"   // an action in the same item
	ThenSubItem  Then = "sub-item" // the next sub-item of the same top-level item
	ThenItem     Then = "item"     // the next top-level item
)

// parseThen reads the button pressed; anything else opens nothing.
func parseThen(r *http.Request) Then {
	switch t := Then(value(r, "then")); t {
	case ThenDecision, ThenAction, ThenSubItem, ThenItem:
		return t
	}
	return ""
}
