package form

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// PersonEdit is the form that puts a person right: their name, their
// organisation (typed; created when new) and the initials minutes use.
type PersonEdit struct {
	Name, Organisation, Initials string
	Errors                       Errors
}

// PersonEditFrom fills the form from the person.
func PersonEditFrom(p *mb.Person) *PersonEdit {
	return &PersonEdit{Name: p.Name, Organisation: p.OrganisationName, Initials: p.Initials, Errors: Errors{}}
}

// ParsePersonEdit reads a submitted person edit.
func ParsePersonEdit(r *http.Request) (*PersonEdit, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &PersonEdit{Name: value(r, "name"), Organisation: value(r, "organisation"), Initials: value(r, "initials"), Errors: Errors{}}, nil
}

// Apply writes the form into the person, with a message per field that
// cannot be; it reports whether it could.
func (f *PersonEdit) Apply(p *mb.Person) bool {
	p.Name, p.Initials = f.Name, f.Initials
	f.Errors.Merge(p.Validate())
	return len(f.Errors) == 0
}

// PersonMerge is the form that merges a person into another: the person
// ("into") who stays.
type PersonMerge struct {
	Into   string
	Errors Errors
}

// ParsePersonMerge reads a submitted merge.
func ParsePersonMerge(r *http.Request) (*PersonMerge, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &PersonMerge{Into: value(r, "into"), Errors: Errors{}}, nil
}

// IntoID is the person who stays, with a message when none is chosen.
func (f *PersonMerge) IntoID() int64 {
	id, err := strconv.ParseInt(f.Into, 10, 64)
	if err != nil || id < 1 {
		f.Errors["into"] = "Choose the person to merge with."
		return 0
	}
	return id
}
