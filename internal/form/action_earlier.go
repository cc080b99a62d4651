package form

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// EarlierAction is the form that enters an action from earlier history
// (raised at a meeting that may not be in minutebook), as typed.
type EarlierAction struct {
	Reference   string // "102/01" or "OPSG 102/01"
	RaisedOn    string
	Text        string
	Owner       string // organisation id
	OwnerPerson string // person id, optional
	TargetDate  string
	Errors      Errors
}

// ParseEarlierAction reads a submitted history form.
func ParseEarlierAction(r *http.Request) (*EarlierAction, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &EarlierAction{
		Reference: value(r, "reference"), RaisedOn: value(r, "raised_on"), Text: value(r, "text"),
		Owner: value(r, "owner"), OwnerPerson: value(r, "owner_person"), TargetDate: value(r, "target_date"),
		Errors: Errors{},
	}, nil
}

// Action converts the form for the committee, recording unreadable fields
// in f.Errors and returning nil when there is one.
func (f *EarlierAction) Action(c *mb.Committee) *mb.Action {
	a := &mb.Action{CommitteeID: c.ID, CommitteeCode: c.Code, Text: f.Text}
	if f.Reference != "" {
		code, meeting, seq, err := mb.ParseActionReference(f.Reference, c.Code)
		switch {
		case err != nil:
			f.Errors["reference"] = "Enter the reference as the minutes print it, such as 102/01."
		case code != c.Code:
			f.Errors["reference"] = "This form enters actions of " + c.Code + ": the reference starts " + c.Code + "."
		default:
			a.MeetingNumber, a.Sequence = meeting, seq
		}
	}
	a.RaisedOn = parseDate(f.RaisedOn, "raised_on", "", f.Errors)
	if id := optionalID(f.Owner, "owner", f.Errors); id != nil {
		a.OwnerID = *id
	}
	a.OwnerPersonID = optionalID(f.OwnerPerson, "owner_person", f.Errors)
	a.TargetDate = optionalDate(f.TargetDate, "target_date", f.Errors)
	return checked(a, f.Errors, a.ValidateEarlier())
}
