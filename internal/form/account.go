package form

import (
	"net/http"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// PasswordChange is the form that changes the reader's own password. It
// is never sent back with what was typed: passwords are typed again.
type PasswordChange struct {
	Current string
	New     string
	Confirm string
	Errors  Errors
}

// ParsePasswordChange reads a submitted password form and checks the new
// password; whether Current is right is for the caller, who holds the hash.
func ParsePasswordChange(r *http.Request) (*PasswordChange, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	f := &PasswordChange{Current: r.PostFormValue("current_password"), New: r.PostFormValue("new_password"),
		Confirm: r.PostFormValue("confirm_password"), Errors: Errors{}}
	if err := mb.ValidatePassword(f.New); err != nil {
		f.Errors["new_password"] = mb.ErrorMessage(err)
	} else if f.New != f.Confirm {
		f.Errors["confirm_password"] = "The two new passwords are not the same."
	}
	return f, nil
}

// MaxTokenName is the longest name an API token may have.
const MaxTokenName = 100

// ParseTokenName reads the name of a new API token, with a message in
// errs when it has none or too long a one.
func ParseTokenName(r *http.Request) (string, Errors, error) {
	if err := parse(r); err != nil {
		return "", nil, err
	}
	name := strings.TrimSpace(r.PostFormValue("token_name"))
	errs := Errors{}
	if name == "" || len(name) > MaxTokenName {
		errs["token_name"] = "Name the token (up to 100 characters), such as “reporting spreadsheet”."
	}
	return name, errs, nil
}
