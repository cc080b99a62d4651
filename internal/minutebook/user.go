package minutebook

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// User is a person who signs in.
type User struct {
	ID               int64
	PersonID         int64
	Email            string
	Name             string
	OrganisationID   *int64
	OrganisationName string
	Admin            bool
	Active           bool
	CreatedAt        time.Time
	// SessionEpoch moves on each time every session of the account is
	// ended (a password change or reset, a deactivation); a session signed
	// in under an older epoch is over.
	SessionEpoch int
}

// NormalizeEmail trims and lower-cases an address so that one person has one account.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidateEmail checks that s looks like one plain address.
func ValidateEmail(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s, "@") {
		return Errorf(EINVALID, "Enter an email address, such as name@example.org.")
	}
	return nil
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 12

// ValidatePassword checks a new password: its length, and that it is not
// one of the most common passwords (CommonPassword).
func ValidatePassword(pw string) error {
	if len([]rune(pw)) < MinPasswordLength {
		return Errorf(EINVALID, "Use a password of at least %d characters.", MinPasswordLength)
	}
	if len(pw) > 1024 {
		return Errorf(EINVALID, "That password is too long.")
	}
	if CommonPassword(pw) {
		return Errorf(EINVALID, "That is one of the most common passwords, which are guessed first: choose another, such as a few unrelated words.")
	}
	return nil
}

type actorKey struct{}

// NewContextWithActor returns a context that names the user making changes,
// so that the store can write who did what into the audit log.
func NewContextWithActor(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, actorKey{}, u)
}

// ActorFromContext returns the acting user, or nil for the system (the
// command line, demo loading).
func ActorFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(actorKey{}).(*User)
	return u
}
