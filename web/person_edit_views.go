package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// CommitteePeoplePage lists a committee's people (members, and those
// recorded at its meetings or owning its actions), for its secretariat to
// put right after an import.
type CommitteePeoplePage struct {
	Chrome
	Committee *mb.Committee
	People    []*mb.Person
}

// PersonEditPage edits one of the committee's people.
type PersonEditPage struct {
	Chrome
	Committee     *mb.Committee
	Person        *mb.Person
	Form          *form.PersonEdit
	Organisations []string
}

// PersonMergePage merges one of the committee's people into another.
type PersonMergePage struct {
	Chrome
	Committee *mb.Committee
	Person    *mb.Person
	Others    []Option // the committee's other people, to merge into
	Form      *form.PersonMerge
}
