package web

import (
	"fmt"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

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
	// Coming are the coming meetings, across the committees the reader sits
	// on (Sits), whose published agendas the reader may read.
	Coming []ComingMeeting
	Sits   bool
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
	// Coming are the coming meetings with a published agenda the reader
	// may read; CanReadForwardPlan links to the forward plan.
	Coming             []ComingMeeting
	CanReadForwardPlan bool
	// CanReadInterests links to the committee's register of interests.
	CanReadInterests bool
	// Attendance is the members' attendance record, for those who may
	// read it; nil otherwise.
	Attendance *AttendanceRecordView
}

// CommitteeFormPage creates or edits a committee.
type CommitteeFormPage struct {
	Chrome
	Form          *form.Committee
	IsNew         bool
	Parents       []Option
	Organisations []Option
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

// StandingItemsPage is the secretariat's form of a committee's standing items.
type StandingItemsPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.StandingItemsForm
}
