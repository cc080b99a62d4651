package form

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Declaration is the form that records an interest declared in an item.
type Declaration struct {
	ID      int64
	Version string
	Person  string
	Nature  string
	Effect  string
	Errors  Errors
}

// NewDeclaration is the blank form.
func NewDeclaration() *Declaration {
	return &Declaration{Effect: string(mb.DidNotVote), Errors: Errors{}}
}

// DeclarationFrom fills the form from a stored declaration.
func DeclarationFrom(d *mb.Declaration) *Declaration {
	return &Declaration{ID: d.ID, Version: strconv.Itoa(d.Version), Person: idOf(d.PersonID), Nature: d.Nature, Effect: string(d.Effect), Errors: Errors{}}
}

// ParseDeclaration reads a submitted declaration form.
func ParseDeclaration(r *http.Request) (*Declaration, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Declaration{Version: value(r, "version"), Person: value(r, "person"), Nature: value(r, "nature"), Effect: value(r, "effect"), Errors: Errors{}}, nil
}

// Declaration converts the form for the item, or returns nil with f.Errors set.
func (f *Declaration) Declaration(isNew bool, itemID int64) *mb.Declaration {
	d := &mb.Declaration{ID: f.ID, ItemID: itemID, Nature: f.Nature, Effect: mb.DeclarationEffect(f.Effect)}
	if !isNew {
		d.Version = parseVersion(f.Version, f.Errors)
	}
	if id := chosenID(f.Person, "person", "Choose who declared the interest.", f.Errors); id != nil {
		d.PersonID = *id
	}
	return checked(d, f.Errors, d.Validate())
}
