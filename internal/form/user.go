package form

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// User is the new-user form as typed.
type User struct {
	Email        string
	Name         string
	Organisation string
	Admin        bool
	Errors       Errors
}

// ParseUser reads a submitted new-user form.
func ParseUser(r *http.Request) (*User, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &User{Email: value(r, "email"), Name: value(r, "name"), Organisation: value(r, "organisation"),
		Admin: r.PostFormValue("admin") == "on", Errors: Errors{}}, nil
}

// OrganisationID is the chosen organisation, nil for none; a choice that
// cannot be read is recorded in f.Errors. The store checks the rest.
func (f *User) OrganisationID() *int64 {
	return chosenID(f.Organisation, "organisation", "Choose one of the organisations.", f.Errors)
}

// Person is the new-person form as typed. The organisation is typed, not
// chosen, and created when it is new.
type Person struct {
	Name         string
	Organisation string
	Email        string
	Errors       Errors
}

// ParsePerson reads a submitted new-person form.
func ParsePerson(r *http.Request) (*Person, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Person{Name: value(r, "name"), Organisation: value(r, "organisation"), Email: value(r, "email"), Errors: Errors{}}, nil
}

// Person converts the form, or returns nil with f.Errors set. The
// organisation is left for the caller to find or create.
func (f *Person) Person() *mb.Person {
	p := &mb.Person{Name: f.Name, Email: f.Email}
	if err := p.Validate(); err != nil {
		f.Errors.Merge(err)
	}
	if f.Email != "" {
		if err := mb.ValidateEmail(mb.NormalizeEmail(f.Email)); err != nil {
			f.Errors["email"] = mb.ErrorMessage(err)
		}
	}
	if len(f.Errors) > 0 {
		return nil
	}
	return p
}
