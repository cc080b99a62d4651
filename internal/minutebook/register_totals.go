package minutebook

import (
	"slices"
	"strings"
)

// Tally counts some actions of a view of the register: how many, how many
// had their target revised, and the days they slipped in all.
type Tally struct {
	Actions  int
	Revised  int
	SlipDays int
}

// Add counts o in too.
func (t *Tally) Add(o Tally) {
	t.Actions += o.Actions
	t.Revised += o.Revised
	t.SlipDays += o.SlipDays
}

// OwnerTotals is what a view of the register counts of one owner
// organisation's actions: the closed ones, and the open ones by age band
// (AgeBands), the overdue among them apart. The store sums it from what the
// writes keep (see internal/postgres, action_summaries); the register's
// counts, slippage by owner and ages by owner are all worked out from it.
type OwnerTotals struct {
	OwnerID   int64
	OwnerName string
	Closed    Tally
	Open      [len(AgeBands)]Tally // by AgeBands index; overdue ones included
	Overdue   [len(AgeBands)]Tally // the overdue among Open
}

// open sums the open actions, or only the overdue ones.
func (o *OwnerTotals) open(overdue bool) Tally {
	var t Tally
	for i := range o.Open {
		if overdue {
			t.Add(o.Overdue[i])
		} else {
			t.Add(o.Open[i])
		}
	}
	return t
}

// CountsOf counts the view by status, whatever status it filters on.
func CountsOf(totals []OwnerTotals) RegisterCounts {
	var c RegisterCounts
	for i := range totals {
		o := &totals[i]
		c.Open += o.open(false).Actions
		c.Overdue += o.open(true).Actions
		c.Closed += o.Closed.Actions
	}
	c.All = c.Open + c.Closed
	return c
}

// SlippageByOwner sums the view, filtered on status, by owner: the worst
// average slip first, then the most overdue, then by name.
func SlippageByOwner(totals []OwnerTotals, status string) []OwnerSlippage {
	var out []OwnerSlippage
	for i := range totals {
		o := &totals[i]
		var all Tally
		open, overdue := o.open(false), o.open(true)
		switch status {
		case FilterOpen:
			all = open
		case FilterOverdue:
			all, open = overdue, overdue
		case FilterClosed:
			all, open, overdue = o.Closed, Tally{}, Tally{}
		default:
			all = o.Closed
			all.Add(open)
		}
		if all.Actions == 0 {
			continue
		}
		out = append(out, OwnerSlippage{OwnerID: o.OwnerID, OwnerName: o.OwnerName, Actions: all.Actions, Open: open.Actions,
			Overdue: overdue.Actions, Revised: all.Revised, AverageSlip: float64(all.SlipDays) / float64(all.Actions)})
	}
	slices.SortStableFunc(out, func(a, b OwnerSlippage) int {
		switch {
		case a.AverageSlip != b.AverageSlip:
			if a.AverageSlip > b.AverageSlip {
				return -1
			}
			return 1
		case a.Overdue != b.Overdue:
			return b.Overdue - a.Overdue
		}
		return strings.Compare(strings.ToLower(a.OwnerName), strings.ToLower(b.OwnerName))
	})
	return out
}

// AgesByOwner counts the view's open actions (filtered on status) by owner
// and age band, the owner with most first.
func AgesByOwner(totals []OwnerTotals, status string) []OwnerAges {
	var out []OwnerAges
	if status == FilterClosed {
		return nil
	}
	for i := range totals {
		o := &totals[i]
		a := OwnerAges{OwnerName: o.OwnerName, Bands: make([]int, len(AgeBands))}
		for b := range AgeBands {
			n := o.Open[b].Actions
			if status == FilterOverdue {
				n = o.Overdue[b].Actions
			}
			a.Bands[b], a.Total = n, a.Total+n
		}
		if a.Total > 0 {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b OwnerAges) int {
		if a.Total != b.Total {
			return b.Total - a.Total
		}
		return strings.Compare(strings.ToLower(a.OwnerName), strings.ToLower(b.OwnerName))
	})
	return out
}

// OwnersOf lists the organisations owning any action of the view, by name.
func OwnersOf(totals []OwnerTotals) []Organisation {
	var out []Organisation
	for i := range totals {
		o := &totals[i]
		if o.Closed.Actions+o.open(false).Actions > 0 {
			out = append(out, Organisation{ID: o.OwnerID, Name: o.OwnerName})
		}
	}
	slices.SortStableFunc(out, func(a, b Organisation) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
	return out
}

// Unfiltered reports whether the filter takes in every action the reader
// may read (its status and order aside).
func (f ActionFilter) Unfiltered() bool {
	return f.CommitteeID == nil && f.OwnerID == nil && f.OwnedBy == nil && f.RaisedFrom == nil && f.RaisedTo == nil && len(f.Words) == 0
}

// Summarised reports whether the filter can be answered from the closed
// actions' summaries: free words and raised dates need the actions.
func (f ActionFilter) Summarised() bool {
	return f.RaisedFrom == nil && f.RaisedTo == nil && len(f.Words) == 0 && f.OwnedBy == nil
}
