package form

import (
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Membership is the form that seats a person on a committee, as typed.
type Membership struct {
	Person       string
	Role         string
	Category     string
	AlternateFor string
	From         string
	To           string
	Errors       Errors
}

// NewMembership is the blank form: a member's seat from today.
func NewMembership(today time.Time) *Membership {
	return &Membership{Role: string(mb.RoleMember), From: today.Format(time.DateOnly), Errors: Errors{}}
}

// ParseMembership reads a submitted membership form.
func ParseMembership(r *http.Request) (*Membership, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Membership{Person: r.PostFormValue("person"), Role: r.PostFormValue("role"), Category: r.PostFormValue("category"),
		AlternateFor: r.PostFormValue("alternate_for"), From: r.PostFormValue("from"), To: r.PostFormValue("to"),
		Errors: Errors{}}, nil
}

// Membership converts the form into a seat on the committee, or returns
// nil with f.Errors set.
func (f *Membership) Membership(committeeID int64) *mb.Membership {
	m := &mb.Membership{CommitteeID: committeeID, Role: mb.MemberRole(f.Role), Category: f.Category}
	if id := chosenID(f.Person, "person", "Choose one of the people.", f.Errors); id != nil {
		m.PersonID = *id
	}
	m.AlternateForID = chosenID(f.AlternateFor, "alternate_for", "Choose one of the people.", f.Errors)
	m.From = parseDate(f.From, "from", "", f.Errors)
	m.To = optionalDate(f.To, "to", f.Errors)
	return checked(m, f.Errors, m.Validate())
}
