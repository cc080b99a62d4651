package minutebook

import (
	"slices"
)

// ActionScope is the part of the register a reader may see, worked out once
// per request by Reader.ActionScope and applied by the store in SQL. An
// action is visible when the reader may read the minutes of the meeting
// that raised it and the item it was raised in; an action entered from
// earlier history (raised at a meeting not in minutebook) is visible to the
// committee's members and secretariat.
//
// The register's queries decide from who the reader is (SignedIn, PersonID,
// Secretariat, HistoryCommittees) against the meetings and items in the
// same statement, so that no list of every readable meeting is built.
// Meetings and HiddenItems answer Sees, SeesNote and ReadsMeeting for one
// action: they hold the decisions for the meetings and items given to
// Reader.ActionScope, which for one action are only those it refers to.
type ActionScope struct {
	All bool // administrators see everything
	// SignedIn and PersonID say who reads: RED minutes are for the people
	// recorded present at the meeting (PersonID 0: nobody).
	SignedIn bool
	PersonID int64
	// Secretariat are the committees whose secretariat the reader runs.
	Secretariat []int64
	// Meetings are the meetings, among those given, whose minutes the
	// reader may read.
	Meetings []int64
	// HiddenItems are items, among those given, classified above the
	// reader: an action raised in one must not leak through the register.
	HiddenItems []int64
	// HistoryCommittees are the committees the reader sits on in any role:
	// their earlier-history actions, and their AMBER minutes, are readable.
	HistoryCommittees []int64
}

// ItemLevel is an agenda item classified above or beside its document.
type ItemLevel struct {
	ID             int64
	MeetingID      int64
	CommitteeID    int64
	Classification Classification
}

// ActionScope works out what of the register the reader may see, from every
// meeting, the meetings at which the reader was recorded present, and the
// items that carry their own classification.
func (r *Reader) ActionScope(meetings []*Meeting, recorded map[int64]bool, items []ItemLevel) ActionScope {
	sc := ActionScope{All: r.Admin(), SignedIn: r.SignedIn(), Secretariat: []int64{},
		Meetings: []int64{}, HiddenItems: []int64{}, HistoryCommittees: []int64{}}
	if sc.All {
		return sc
	}
	if r.SignedIn() {
		sc.PersonID = r.User.PersonID
	}
	for _, m := range meetings {
		if r.CanReadMinutes(m, recorded[m.ID]) {
			sc.Meetings = append(sc.Meetings, m.ID)
		}
	}
	for _, it := range items {
		if it.Classification.Valid() && !r.CanRead(it.Classification, it.CommitteeID, recorded[it.MeetingID]) {
			sc.HiddenItems = append(sc.HiddenItems, it.ID)
		}
	}
	for id := range r.Roles {
		if r.Member(id) {
			sc.HistoryCommittees = append(sc.HistoryCommittees, id)
		}
		if r.Secretariat(id) {
			sc.Secretariat = append(sc.Secretariat, id)
		}
	}
	slices.Sort(sc.Secretariat)
	slices.Sort(sc.Meetings)
	slices.Sort(sc.HiddenItems)
	slices.Sort(sc.HistoryCommittees)
	return sc
}

// Sees reports whether the action is in the scope; it decides as the
// store's query does, for a single action read by reference.
func (sc ActionScope) Sees(a *Action) bool {
	if sc.All {
		return true
	}
	if a.RaisedMeetingID == nil {
		return has(sc.HistoryCommittees, a.CommitteeID)
	}
	return has(sc.Meetings, *a.RaisedMeetingID) && (a.ItemID == nil || !has(sc.HiddenItems, *a.ItemID))
}

// SeesNote reports whether the reader may read the note of an event: one
// recorded at a meeting is as readable as that meeting's minutes; one
// recorded outside a meeting (a reopening) is for the committee's members.
// The event itself (its kind and dates) shows to whoever sees the action.
func (sc ActionScope) SeesNote(e ActionEvent, committeeID int64) bool {
	if sc.All {
		return true
	}
	if e.MeetingID != nil {
		return has(sc.Meetings, *e.MeetingID)
	}
	return has(sc.HistoryCommittees, committeeID)
}

// ReadsMeeting reports whether the reader may read the meeting's minutes.
func (sc ActionScope) ReadsMeeting(id int64) bool { return sc.All || has(sc.Meetings, id) }

func has(sorted []int64, id int64) bool {
	_, ok := slices.BinarySearch(sorted, id)
	return ok
}

// RegisterEntry is one action in the register with its slippage.
type RegisterEntry struct {
	Action   *Action
	Slippage Slippage
}

// OwnerSlippage sums up one owner organisation's actions in a view of the
// register: how many are open, how many overdue, and how far their targets
// slipped on average.
type OwnerSlippage struct {
	OwnerID   int64
	OwnerName string
	Actions   int
	Open      int
	Overdue   int
	Revised   int // actions whose target moved at least once
	// AverageSlip is the mean of the actions' days slipped.
	AverageSlip float64
}

// RegisterCounts are the counts of a view of the register, by status, so the
// status choices can show how many each would list.
type RegisterCounts struct {
	All     int
	Open    int
	Overdue int
	Closed  int
}

// For returns the count that the status filter lists.
func (c RegisterCounts) For(status string) int {
	switch status {
	case FilterOpen:
		return c.Open
	case FilterOverdue:
		return c.Overdue
	case FilterClosed:
		return c.Closed
	}
	return c.All
}

// AgeBand is a range of ages of open actions, for the register's chart.
type AgeBand struct {
	Label   string
	MaxDays int // inclusive; 0 for the last, open-ended band
}

// AgeBands are the chart's bands, youngest first.
var AgeBands = []AgeBand{
	{Label: "Under 3 months", MaxDays: 91},
	{Label: "3–6 months", MaxDays: 182},
	{Label: "6–12 months", MaxDays: 365},
	{Label: "1–2 years", MaxDays: 730},
	{Label: "Over 2 years"},
}

// AgeBandOf returns the index in AgeBands of an action aged days.
func AgeBandOf(days int) int {
	for i, b := range AgeBands {
		if b.MaxDays > 0 && days <= b.MaxDays {
			return i
		}
	}
	return len(AgeBands) - 1
}

// OwnerAges counts one owner's open actions in each age band.
type OwnerAges struct {
	OwnerName string
	Bands     []int // by AgeBands index
	Total     int
}
