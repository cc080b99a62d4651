package minutebook

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
var AgeBands = [...]AgeBand{
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
