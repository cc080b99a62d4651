package minutebook

import (
	"time"
	_ "time/tzdata" // the committees' zone is known whatever the server's zone files
)

// Zone is the committees' time zone. The bodies minutebook serves meet on
// London time: their meetings' wall-clock times, and the day on which an
// action falls overdue or a membership starts and ends, are London's.
var Zone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// Clock tells the time. The server holds one, so that tests can fix the
// day; a nil Clock is the system's.
type Clock func() time.Time

// SystemClock is the system's clock.
var SystemClock Clock = time.Now

// Now is the current instant.
func (c Clock) Now() time.Time {
	if c == nil {
		return time.Now()
	}
	return c()
}

// Today is the current calendar day in Zone, as DayOf gives it.
func (c Clock) Today() time.Time { return DayOf(c.Now()) }

// DayOf is the calendar day in Zone at t, as midnight UTC: the form in
// which the store keeps dates (a date column read back is midnight UTC).
func DayOf(t time.Time) time.Time {
	t = t.In(Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
