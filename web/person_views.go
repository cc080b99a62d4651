package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// PeoplePage lists everyone, for administrators.
type PeoplePage struct {
	Chrome
	People []*mb.Person
}

// PersonFormPage adds a person.
type PersonFormPage struct {
	Chrome
	Form *form.Person
	// Organisations are suggested as the organisation is typed.
	Organisations []string
}
