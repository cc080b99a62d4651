package web

import (
	"github.com/a-h/templ"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

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

// PublicMinutesPage is a published document on the public site.
type PublicMinutesPage struct {
	Chrome
	Minutes *MinutesView
	// Document, when set, is the minutes already rendered, as for
	// MeetingMinutesPage.
	Document templ.Component
}

// PublicCommitteePage lists one committee's published minutes.
type PublicCommitteePage struct {
	Chrome
	Code     string
	Name     string
	Meetings []*mb.Meeting
	// Agendas are the published agendas the reader may read, latest first.
	Agendas []ComingMeeting
}
