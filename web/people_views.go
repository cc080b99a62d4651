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

// PersonForm is the new-person form as typed.
type PersonForm struct {
	Name         string
	Organisation string
	Email        string
	Errors       form.Errors
}

// PersonFormPage adds a person.
type PersonFormPage struct {
	Chrome
	Form PersonForm
	// Organisations are suggested as the organisation is typed.
	Organisations []string
}
