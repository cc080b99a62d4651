package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// AgendaStatus is where a meeting's agenda is: a draft the secretariat
// builds, or published to the committee (and, for CLEAR, the public).
type AgendaStatus string

// The agenda's lifecycle: Draft → Published. Changes after publication are
// revisions of the published agenda, each kept with what it changed.
const (
	AgendaDraft     AgendaStatus = "draft"
	AgendaPublished AgendaStatus = "published"
)

// Label is the word the interface shows: "Draft", "Published".
func (s AgendaStatus) Label() string {
	if s == AgendaPublished {
		return "Published"
	}
	return "Draft"
}

// Purpose says what the committee is asked to do with an item.
type Purpose string

// The purposes an agenda gives its items.
const (
	ForDecision    Purpose = "decision"
	ForDiscussion  Purpose = "discussion"
	ForInformation Purpose = "information"
)

// Purposes lists the purposes in the order forms offer them.
var Purposes = []Purpose{ForDecision, ForDiscussion, ForInformation}

// Label is how agendas print the purpose: "For decision".
func (p Purpose) Label() string {
	if p == "" {
		return ""
	}
	return "For " + string(p)
}

// Valid reports whether p is a known purpose or none.
func (p Purpose) Valid() bool {
	for _, v := range Purposes {
		if p == v {
			return true
		}
	}
	return p == ""
}

// Presenter is who presents an item: a person (shown with their
// organisation) or an organisation, or nobody named.
type Presenter struct {
	PersonID       *int64
	OrganisationID *int64
	// Name and Organisation are read-only, filled by the store.
	Name         string
	Organisation string
}

// Label is how the agenda names the presenter: "Adam Rawling (DCC)",
// "DCC", or "".
func (p Presenter) Label() string {
	switch {
	case p.PersonID != nil && p.Organisation != "":
		return p.Name + " (" + p.Organisation + ")"
	case p.PersonID != nil:
		return p.Name
	case p.OrganisationID != nil:
		return p.Organisation
	}
	return ""
}

// AgendaEntry is what the agenda says of an item, beside its number, title
// and classification: its purpose, presenter, time and duration.
type AgendaEntry struct {
	Purpose   Purpose
	Presenter Presenter
	Start     *TimeOfDay
	Duration  int // minutes; 0 when none is given
}

// TimeLabel is the item's slot as the agenda prints it: "13:05", "20 min",
// "13:05 (20 min)", or "".
func (e AgendaEntry) TimeLabel() string {
	var parts []string
	if e.Start != nil {
		parts = append(parts, e.Start.String())
	}
	if e.Duration > 0 {
		d := fmt.Sprintf("%d min", e.Duration)
		if e.Start != nil {
			d = "(" + d + ")"
		}
		parts = append(parts, d)
	}
	return strings.Join(parts, " ")
}

// Validate checks the entry's own rules.
func (e *AgendaEntry) Validate() error {
	fe := FieldErrors{}
	if !e.Purpose.Valid() {
		fe.Add("purpose", "Choose what the item is for: decision, discussion or information.")
	}
	if e.Presenter.PersonID != nil && e.Presenter.OrganisationID != nil {
		fe.Add("presenter", "Choose a person or an organisation to present the item, not both.")
	}
	if e.Duration < 0 || e.Duration > 720 {
		fe.Add("duration", "Enter the duration in minutes, from 1 to 720.")
	}
	return fe.Err()
}

// AgendaItem is an item as the agenda shows it: the same record as the
// minutes' item, with what the agenda says of it and its papers.
type AgendaItem struct {
	Item *Item
	// Access is the item's facts as the agenda shows it: its own (Item.
	// Access, the minutes') at the agenda's stage (Access.Agenda). Read-only,
	// filled by the store.
	Access Access
	AgendaEntry
	Papers []*Paper
	Subs   []*AgendaItem
}

// AgendaRevision is one state of a published agenda: revision 1 as first
// published, each later one with what changed ("item 7 added", "paper
// OPSG_107_05 replaced").
type AgendaRevision struct {
	Number  int
	At      time.Time
	Changes []string
}

// Summary is the revision as the agenda page lists it: "Agenda revised on
// 3 March 2026: item 7 added, paper OPSG_107_05 replaced".
func (r AgendaRevision) Summary() string {
	day := r.At.In(Zone).Format("2 January 2006")
	if r.Number == 1 {
		return "Agenda published on " + day
	}
	if len(r.Changes) == 0 {
		return "Agenda revised on " + day
	}
	return "Agenda revised on " + day + ": " + strings.Join(r.Changes, ", ")
}

// Agenda is a meeting's agenda: its items before they are minuted, with
// what the agenda says of each, the papers of each item and of the meeting,
// and its state.
type Agenda struct {
	Meeting     *Meeting
	Status      AgendaStatus
	PublishedAt *time.Time
	// Revision is the latest revision's number; 0 for a draft.
	Revision  int
	Revisions []AgendaRevision
	Items     []*AgendaItem
	// Papers are the meeting's own papers, not of any item.
	Papers []*Paper
}

// Published reports whether the agenda has gone to the committee.
func (a *Agenda) Published() bool { return a != nil && a.Status == AgendaPublished }

// StatusLine says where the agenda is: "Published on 7 November 2023;
// revised twice since." or "Draft: …".
func (a *Agenda) StatusLine() string {
	if !a.Published() {
		return "Draft: only the secretariat sees it until it is published."
	}
	line := "Published on " + a.PublishedAt.In(Zone).Format("2 January 2006")
	switch n := a.Revision - 1; {
	case n == 1:
		line += "; revised once since"
	case n > 1:
		line += fmt.Sprintf("; revised %d times since", n)
	}
	return line + "."
}

// Title is the agenda's heading line: "OPSG_107_2311 – Agenda".
func (a *Agenda) Title() string { return a.Meeting.Reference + " – Agenda" }

// AllPapers lists every paper of the agenda in its order: the meeting's
// own, then each item's and sub-item's.
func (a *Agenda) AllPapers() []*Paper {
	out := append([]*Paper(nil), a.Papers...)
	var walk func(items []*AgendaItem)
	walk = func(items []*AgendaItem) {
		for _, it := range items {
			out = append(out, it.Papers...)
			walk(it.Subs)
		}
	}
	walk(a.Items)
	return out
}

// CanMoveItem reports whether an item of the meeting's agenda may move to
// another meeting of the forward plan: while neither agenda is published,
// and before the item is minuted (no decision or action yet).
func CanMoveItem(it *Item, from, to *Agenda) error {
	switch {
	case from.Published():
		return Errorf(ECONFLICT, "The agenda of %s is published: its items stay at that meeting.", from.Meeting.ShortName())
	case to.Published():
		return Errorf(ECONFLICT, "The agenda of %s is published: add the item there as a revision instead.", to.Meeting.ShortName())
	case it.ParentID != nil:
		return Errorf(EINVALID, "Move the item %s belongs to, or un-nest it first.", it.Number)
	case from.Meeting.CommitteeID != to.Meeting.CommitteeID:
		return Errorf(EINVALID, "An item moves only between meetings of its committee.")
	case from.Meeting.ID == to.Meeting.ID:
		return Errorf(EINVALID, "The item is already on the agenda of %s.", to.Meeting.ShortName())
	case to.Meeting.Locked():
		return Errorf(ECONFLICT, "The minutes of %s are %s.", to.Meeting.ShortName(), to.Meeting.Status)
	}
	return nil
}
