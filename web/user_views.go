package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// UsersPage lists every account, for administrators.
type UsersPage struct {
	Chrome
	Users []*mb.User
}

// UserFormPage creates an account.
type UserFormPage struct {
	Chrome
	Form          *form.User
	Organisations []Option
}

// PasswordIssuedPage shows a generated password once, for the administrator
// to pass on.
type PasswordIssuedPage struct {
	Chrome
	User     *mb.User
	Password string
	Created  bool
}
