package web

import (
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// SignInPage is the sign-in form.
type SignInPage struct {
	Chrome
	Email string
	Next  string
	Error string
	// Lockout states the throttle: after how many failures sign-in is
	// refused, even with the right password.
	Lockout string
	// Kept says a form sent after the session ended is kept, to be saved
	// once the reader signs in again.
	Kept bool
}

// TokenRow is one personal API token on the account page.
type TokenRow struct {
	ID         int64
	Name       string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	Revoked    bool
}

// AccountPage is the reader's own account: password and API tokens.
type AccountPage struct {
	Chrome
	User     *mb.User
	Tokens   []TokenRow
	NewToken string // shown once, right after it is made
	Errors   form.Errors
	Calendar CalendarFeeds
	Notices  NoticeChoices
}

// TokensInForce counts the tokens not revoked.
func (p AccountPage) TokensInForce() int {
	n := 0
	for _, t := range p.Tokens {
		if !t.Revoked {
			n++
		}
	}
	return n
}

// CalendarFeeds are the feed addresses on the account page.
type CalendarFeeds struct {
	// NewURL is the personal feed URL, shown once right after it is made.
	NewURL string
	// NewMineURL is the same feed with only the reader's own actions.
	NewMineURL string
	HasToken   bool
	Created    time.Time
	Committees []Option // public feeds by committee: Value is the URL
}
