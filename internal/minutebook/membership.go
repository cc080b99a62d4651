package minutebook

import "time"

// MemberRole is the part a person plays on a committee.
type MemberRole string

// The roles on a committee.
const (
	RoleMember      MemberRole = "member"
	RoleChair       MemberRole = "chair"
	RoleSecretariat MemberRole = "secretariat"
)

// MemberRoles lists the roles in the order forms offer them.
var MemberRoles = []MemberRole{RoleMember, RoleChair, RoleSecretariat}

// Label is the word the interface shows.
func (r MemberRole) Label() string {
	switch r {
	case RoleChair:
		return "Chair"
	case RoleSecretariat:
		return "Secretariat"
	}
	return "Member"
}

// Valid reports whether r is a known role.
func (r MemberRole) Valid() bool {
	return r == RoleMember || r == RoleChair || r == RoleSecretariat
}

// Membership is a person's seat on a committee for a period, in a category,
// possibly as an alternate for another member.
type Membership struct {
	ID               int64
	CommitteeID      int64
	CommitteeCode    string // read-only
	PersonID         int64
	PersonName       string // read-only
	OrganisationName string // read-only
	Role             MemberRole
	Category         string // one of the committee's categories, "" for none
	AlternateForID   *int64 // the person this one stands in for
	AlternateForName string // read-only
	From             time.Time
	To               *time.Time
}

// ActiveOn reports whether the membership covers day.
func (m *Membership) ActiveOn(day time.Time) bool {
	return !day.Before(m.From) && (m.To == nil || !day.After(*m.To))
}

// Validate checks a membership's own rules.
func (m *Membership) Validate() error {
	fe := FieldErrors{}
	if m.PersonID == 0 {
		fe.Add("person", "Choose the person.")
	}
	if m.CommitteeID == 0 {
		fe.Add("committee", "Choose the committee.")
	}
	if !m.Role.Valid() {
		fe.Add("role", "Choose a role.")
	}
	if m.From.IsZero() {
		fe.Add("from", "Enter the date the membership starts.")
	}
	if m.To != nil && m.To.Before(m.From) {
		fe.Add("to", "The membership cannot end before it starts.")
	}
	if m.AlternateForID != nil && *m.AlternateForID == m.PersonID {
		fe.Add("alternate_for", "A person cannot be their own alternate.")
	}
	return fe.Err()
}
