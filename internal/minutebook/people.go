package minutebook

import (
	"strings"
	"time"
	"unicode"
)

// Organisation is a company or body that people belong to and that owns
// actions: "DCC", "SECAS", "DESNZ (formerly BEIS)".
type Organisation struct {
	ID        int64
	Name      string
	CreatedAt time.Time
}

// Person is someone who attends meetings, sits on committees or signs in.
type Person struct {
	ID   int64
	Name string
	// Initials are how minutes refer to the person ("JK"), kept from the
	// minutes imported and the roster; "" when unknown.
	Initials         string
	Email            string
	OrganisationID   *int64
	OrganisationName string // read-only, filled by the store
	CreatedAt        time.Time
}

// Validate checks a person's own rules.
func (p *Person) Validate() error {
	fe := FieldErrors{}
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	if p.Name == "" {
		fe.Add("name", "Enter the person's name.")
	} else if len(p.Name) > 200 {
		fe.Add("name", "The name is too long: 200 characters at most.")
	}
	p.Initials = strings.Join(strings.Fields(p.Initials), "")
	if p.Initials != "" && !ValidInitials(p.Initials) {
		fe.Add("initials", "Enter initials as the minutes write them, such as JK: two to six letters, the first and last capitals.")
	}
	return fe.Err()
}

// ValidInitials reports whether s is written as initials: "JK", "McD".
func ValidInitials(s string) bool {
	r := []rune(s)
	if len(r) < 2 || len(r) > 6 || !unicode.IsUpper(r[0]) || !unicode.IsUpper(r[len(r)-1]) {
		return false
	}
	for _, c := range r {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

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
