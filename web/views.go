package web

import (
	"fmt"
	"strconv"
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Chrome is what every page's layout needs: the title, who is reading, the
// flash message to show once, and which section of the navigation is current.
type Chrome struct {
	Title      string
	User       *mb.User // nil: an anonymous visitor
	Flash      string
	FlashError string
	Section    string // "committees", "actions", "escalations", "public", "audit", "admin", "account"
	// Nav lists extra navigation links the reader may follow, such as the
	// escalations dashboard for a parent body's chair.
	Nav []NavLink
}

// NavLink is one link in the main navigation.
type NavLink struct {
	Section string
	Label   string
	Href    string
}

// CommitteeNode is a committee with its sub-committees, for the tree.
type CommitteeNode struct {
	Committee *mb.Committee
	Children  []*CommitteeNode
}

// CommitteesPage lists the committees as a tree of parent bodies.
type CommitteesPage struct {
	Chrome
	Roots     []*CommitteeNode
	CanCreate bool
}

// CommitteePage shows one committee: its meetings, newest first, and members.
type CommitteePage struct {
	Chrome
	Committee *mb.Committee
	Children  []*mb.Committee
	// Meetings are one page of the meetings the reader may open, newest
	// first: MeetingsTotal in all, on MeetingPages pages of which this is
	// MeetingPage; PrevURL and NextURL lead to the pages beside it.
	Meetings         []*mb.Meeting
	MeetingsTotal    int
	MeetingPage      int
	MeetingPages     int
	PrevURL, NextURL string
	Members          []*mb.Membership
	CanEdit          bool
	CanAddMeeting    bool
	// CanManage shows the controls to seat and unseat members.
	CanManage bool
	// CanReadRisks links to the committee's risk register.
	CanReadRisks bool
}

// CommitteeFormPage creates or edits a committee.
type CommitteeFormPage struct {
	Chrome
	Form          *form.Committee
	IsNew         bool
	Parents       []Option
	Organisations []Option
}

// MeetingFormPage creates or edits a meeting's header.
type MeetingFormPage struct {
	Chrome
	Form       *form.Meeting
	IsNew      bool
	Committees []Option
	// CommitteeCode is set when the form is for a known committee.
	CommitteeCode string
}

// ErrorPage is shown for 404s, 500s and other refusals.
type ErrorPage struct {
	Chrome
	Status  int
	Heading string
	Message string
}

func itoa(n int) string  { return strconv.Itoa(n) }
func i64(n int64) string { return strconv.FormatInt(n, 10) }
func joinWords(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += ", "
		}
		s += w
	}
	return s
}

// SignInPage is the sign-in form.
type SignInPage struct {
	Chrome
	Email string
	Next  string
	Error string
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
}

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

// MembershipFormPage seats a person on a committee.
type MembershipFormPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.Membership
	People    []Option
}

// AuditPage is the audit log with its filters.
type AuditPage struct {
	Chrome
	Entries    []mb.AuditEntry
	Committees []Option
	People     []Option
	Committee  string
	Entity     string
	Person     string
}

// PublicCommittee is one committee's published minutes on the public site.
type PublicCommittee struct {
	Code     string
	Name     string
	Meetings []*mb.Meeting
}

// PublicPage lists published minutes.
type PublicPage struct {
	Chrome
	Committees []*PublicCommittee
}

// meetingsCaption says how the committee's meetings are listed.
func meetingsCaption(p CommitteePage) string {
	if p.MeetingPages > 1 {
		return fmt.Sprintf("Newest first: %d meetings, %d to a page", p.MeetingsTotal, MeetingsPerPage)
	}
	return "Newest first"
}

// MeetingsPerPage is how many meetings a committee page lists at a time:
// fifteen years of a committee's meetings (360) rendered on every visit
// capped the page near 200 requests a second on two cores.
const MeetingsPerPage = 25
