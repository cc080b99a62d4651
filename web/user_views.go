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

// UserPage is one account, for administrators: its state, its sign-in
// lockout, and what may be done with it.
type UserPage struct {
	Chrome
	User *mb.User
	// Failures counts the account's failed sign-ins within Window;
	// LockedOut says they are enough to refuse its sign-ins.
	Failures  int
	LockedOut bool
	Window    string
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
