package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AgendaView is a meeting's agenda as one reader may read it: an item or a
// paper above the reader's level is withheld (listed with its notice),
// never dropped and never served.
type AgendaView struct {
	Agenda *mb.Agenda
	Items  []*AgendaItemView
	// Papers are the meeting's own papers.
	Papers []PaperView
}

// Meeting is the agenda's meeting.
func (v *AgendaView) Meeting() *mb.Meeting { return v.Agenda.Meeting }

// Readable lists the papers the reader may download, in the agenda's order.
func (v *AgendaView) Readable() []*mb.Paper {
	var out []*mb.Paper
	add := func(ps []PaperView) {
		for _, p := range ps {
			if !p.Withheld {
				out = append(out, p.Paper)
			}
		}
	}
	add(v.Papers)
	var walk func(items []*AgendaItemView)
	walk = func(items []*AgendaItemView) {
		for _, it := range items {
			add(it.Papers)
			walk(it.Subs)
		}
	}
	walk(v.Items)
	return out
}

// AgendaItemView is an item as the reader sees it on the agenda.
type AgendaItemView struct {
	Item     *mb.AgendaItem
	Withheld bool
	Papers   []PaperView
	Subs     []*AgendaItemView
}

// PaperView is a paper as the reader sees it: its line and download, or,
// above their level, its withheld notice.
type PaperView struct {
	Paper    *mb.Paper
	Withheld bool
}

// AgendaControls are what the secretariat may do on the agenda page.
type AgendaControls struct {
	// CanEdit: the minutes are not locked, so items and papers may change.
	CanEdit bool
	// CanPublish: the agenda is a draft with items.
	CanPublish bool
	// MoveTo lists the meetings an item of this draft agenda may move to
	// (the committee's coming meetings with draft agendas).
	MoveTo []Option
}

// AgendaPage is a meeting's agenda page.
type AgendaPage struct {
	Chrome
	Agenda *AgendaView
	// Controls is nil for readers who do not run the secretariat.
	Controls *AgendaControls
	// CanReadMinutes links the minutes written into the same items.
	CanReadMinutes bool
}

// AgendaItemFormPage adds an item to the agenda or edits what the agenda
// says of it.
type AgendaItemFormPage struct {
	Chrome
	Meeting    *mb.Meeting
	Form       *form.AgendaItem
	IsNew      bool
	Parents    []Option
	Presenters []Option
	Action     string
	// Saved is the stored item when a save was refused as stale.
	Saved *mb.AgendaItem
}

// ComingMeeting is a meeting with a published agenda, for the committee
// page and the home page.
type ComingMeeting struct {
	Meeting *mb.Meeting
	Agenda  *mb.Agenda
}

// PurposeOptions offers the purposes.
func PurposeOptions() []Option {
	var o []Option
	for _, p := range mb.Purposes {
		o = append(o, Option{Value: string(p), Label: p.Label()})
	}
	return o
}

// PresenterOptions offers the people and organisations who may present an
// item, each once: "Adam Rawling (DCC)", then "DCC".
func PresenterOptions(people []*mb.Person, orgs []mb.Organisation) []Option {
	var o []Option
	for _, p := range people {
		po := PersonOption(p)
		o = append(o, Option{Value: "person:" + po.Value, Label: po.Label})
	}
	for _, org := range orgs {
		o = append(o, Option{Value: "organisation:" + i64(org.ID), Label: org.Name + " (the organisation)"})
	}
	return o
}
