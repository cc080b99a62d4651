package web

import (
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// InterestsPage is a committee's register of interests: its members'
// standing declarations, current first.
type InterestsPage struct {
	Chrome
	Committee *mb.Committee
	Interests []*mb.Interest
	Today     time.Time
	// CanEdit shows the secretariat's controls.
	CanEdit bool
}

// InterestFormPage adds a standing declaration.
type InterestFormPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.Interest
	// Members are the committee's members today.
	Members []Option
}

// MembershipOption offers a seat's person by id: "Kevin Donnelly (Albion Energy)".
func MembershipOption(m *mb.Membership) Option {
	label := m.PersonName
	if m.OrganisationName != "" {
		label += " (" + m.OrganisationName + ")"
	}
	return Option{Value: i64(m.PersonID), Label: label}
}
