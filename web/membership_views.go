package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// MembershipFormPage seats a person on a committee.
type MembershipFormPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.Membership
	People    []Option
}
