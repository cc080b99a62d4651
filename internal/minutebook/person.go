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
