package minutebook

import "time"

// Slippage is how far an action's target has moved: how many times it was
// revised and by how many days in all, from the first target set to the
// current one (negative when it was brought forward).
type Slippage struct {
	Revisions int
	Days      int
}

// SlippageOf replays the action's revisions.
func SlippageOf(a *Action) Slippage {
	var s Slippage
	first := a.TargetDate
	for _, e := range a.Events {
		if e.Kind != ActionEventRevised || e.NewTarget == nil {
			continue
		}
		s.Revisions++
		if first == nil {
			first = e.NewTarget
		}
	}
	if first != nil && a.CurrentTarget != nil {
		s.Days = DaysBetween(*first, *a.CurrentTarget)
	}
	return s
}

// DaysBetween counts whole days from a to b.
func DaysBetween(a, b time.Time) int {
	a = time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	b = time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}
