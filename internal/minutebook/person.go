package minutebook

import (
	"strings"
	"time"
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
	ID               int64
	Name             string
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
	}
	return fe.Err()
}
