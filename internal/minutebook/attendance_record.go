package minutebook

import "time"

// MemberAttendance is one member's attendance record over a period: of the
// committee's meetings held while they held a voting seat, how many they
// attended (present or in part), and at how many an alternate attended
// for them.
type MemberAttendance struct {
	PersonID    int64
	Name        string
	Category    string
	Eligible    int
	Attended    int
	ByAlternate int
}

// Percent is the share of eligible meetings attended, rounded down.
func (m MemberAttendance) Percent() int {
	if m.Eligible == 0 {
		return 0
	}
	return m.Attended * 100 / m.Eligible
}

// AttendancePeriod is the span of days an attendance record covers, both
// inclusive.
type AttendancePeriod struct {
	From, To time.Time
}

// DefaultAttendancePeriod is the year to today.
func DefaultAttendancePeriod(today time.Time) AttendancePeriod {
	return AttendancePeriod{From: today.AddDate(-1, 0, 1), To: today}
}

// Label is the period as the page names it: "24 October 2022 to 23 October 2023".
func (p AttendancePeriod) Label() string {
	return p.From.Format("2 January 2006") + " to " + p.To.Format("2 January 2006")
}
