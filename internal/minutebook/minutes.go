package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// NextMeeting is a later meeting the minutes end with: "Next Main Meeting:
// 14 November 2023".
type NextMeeting struct {
	Kind   MeetingKind
	Number int
	Date   time.Time
}

// Label prints it as the model document does.
func (n NextMeeting) Label() string {
	return "Next " + n.Kind.Label() + ": " + n.Date.Format("2 January 2006")
}

// Minutes is a meeting's whole document: its header, the roll call, the
// items with their decisions and actions, the actions outstanding table and
// the next meetings. Snapshots, the rendered page and the API all read it.
type Minutes struct {
	Meeting      *Meeting
	Categories   []string
	Attendance   []Attendee
	Items        []*Item
	Outstanding  []OutstandingAction
	NextMeetings []NextMeeting
	// ApprovedBy names the meeting that approved the minutes ("OPSG 106").
	ApprovedBy string
	// Quorum is the committee's quorum rule, and Seats its seats on the
	// meeting's day (read only when it has a rule): a stored version keeps
	// what they were, so its quorum is judged as it was.
	Quorum QuorumRule
	Seats  []Seat
	// Committee is the meeting's committee as read with the minutes, for
	// its rules; it is not part of a snapshot.
	Committee *Committee `json:"-"`
	// Signature is the standing signature of the minutes, or the last
	// voided one; nil when never signed. It is not part of a snapshot,
	// which is what a signature signs.
	Signature *Signature `json:"-"`
	// OutstandingWithheld counts the rows of the actions outstanding table
	// left out because the reader may not read their actions.
	OutstandingWithheld int `json:"-"`
}

// SetAccess works out every item's access from the document's (doc) and
// the item above it, as the store keeps the same facts on each row; a
// stored version of the minutes is decided by its own levels.
func (m *Minutes) SetAccess(doc Access) {
	for _, it := range m.Items {
		it.Access = doc.Within(it.Classification)
		for _, c := range it.Children {
			c.Access = it.Access.Within(c.Classification)
		}
	}
}

// Walk calls fn for every item, sub-items after their parent.
func (m *Minutes) Walk(fn func(*Item)) {
	for _, it := range m.Items {
		fn(it)
		for _, c := range it.Children {
			fn(c)
		}
	}
}

// Text renders the minutes as plain text, a line per paragraph, for the
// readable difference between versions. withheld says which items the
// reader may not see; they appear as the same notice the page shows.
func (m *Minutes) Text(withheld func(*Item) bool) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	mt := m.Meeting
	line("This document is classified as %s.", mt.Classification.Label())
	line("%s", mt.Title())
	line("%s %s", mt.DateLabel(), mt.TimeLabel())
	line("%s", mt.Venue)
	line("%s", mt.DocumentTitle())
	members, others, apologies := GroupAttendance(m.Attendance, m.Categories)
	for _, g := range members {
		for _, a := range g.Attendees {
			line("Attendee: %s – %s", g.Name, a.Display())
		}
	}
	for _, g := range others {
		for _, a := range g.Attendees {
			line("Attendee: %s – %s", g.Name, a.Display())
		}
	}
	for _, g := range apologies {
		for _, a := range g.Attendees {
			line("Apologies: %s – %s", g.Name, a.PersonName)
		}
	}
	own := func(it *Item) {
		for _, d := range it.Decisions {
			line("%s", DecisionSentence(mt.CommitteeCode, d))
			if d.Vote != nil && d.Vote.Named {
				line("%s", d.Vote.Roll())
			}
		}
		for _, a := range it.Actions {
			line("ACTION %s: %s (owner %s%s)", a.ShortReference(), a.Text, a.OwnerName, targetSuffix(a.TargetDate))
		}
	}
	var item func(it *Item)
	item = func(it *Item) {
		line("")
		if withheld != nil && withheld(it) {
			line("%s", WithheldNotice(it))
			return
		}
		line("%s. %s", it.Number, it.Title)
		for _, p := range strings.Split(it.Minute, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				line("%s", p)
			}
		}
		for _, d := range it.Declarations {
			line("%s", d.Sentence())
		}
		if !it.OwnAfterSubItems() {
			own(it)
		}
		for _, c := range it.Children {
			item(c)
		}
		if it.OwnAfterSubItems() {
			line("")
			line("%s", it.ContinuedLabel())
			own(it)
		}
	}
	for _, it := range m.Items {
		item(it)
	}
	for _, n := range m.NextMeetings {
		line("%s", n.Label())
	}
	return b.String()
}

// PlaceAsStored settles the placement of items in a version stored before
// placements were chosen: every document then put an item's own decisions
// and actions after its sub-items, so that is what such a version said.
func (m *Minutes) PlaceAsStored() {
	m.Walk(func(it *Item) {
		if it.Placement == "" {
			it.Placement = AfterSubItems
		}
	})
}

func targetSuffix(t *time.Time) string {
	if t == nil {
		return ""
	}
	return ", target " + t.Format("02/01/2006")
}

// WithheldNotice is what a reader sees instead of an item above their level:
// "Item 7 is classified AMBER and is not shown."
func WithheldNotice(it *Item) string {
	return fmt.Sprintf("Item %s is classified %s and is not shown.", it.Number, it.Classification)
}

// VersionKind says which transition stored a version of the minutes.
type VersionKind string

// The transitions that store a version.
const (
	VersionCirculated VersionKind = "circulated"
	VersionApproved   VersionKind = "approved"
	VersionPublished  VersionKind = "published"
	VersionCorrection VersionKind = "correction"
)

// Label names the transition as the history page does.
func (k VersionKind) Label() string {
	switch k {
	case VersionCirculated:
		return "Circulated"
	case VersionApproved:
		return "Approved"
	case VersionPublished:
		return "Published"
	case VersionCorrection:
		return "Corrected"
	}
	return string(k)
}

// MinutesVersion is an immutable snapshot of the minutes, stored by a
// transition: who moved them, when, why (for a correction) and the whole text.
type MinutesVersion struct {
	ID        int64
	MeetingID int64
	Number    int
	Kind      VersionKind
	Status    MinutesStatus
	Reason    string
	Minutes   *Minutes
	ActorName string
	At        time.Time
}
