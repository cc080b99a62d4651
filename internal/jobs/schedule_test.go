package jobs

import (
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Reminders run at 07:00 London time every day, digests at 07:00 on
// Mondays, through the change of the clocks.
func TestLondonSchedules(t *testing.T) {
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", s, mb.Zone)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	daily, weekly := londonAt{hour: 7}, londonAt{hour: 7, weekday: time.Monday, weekly: true}
	for _, c := range []struct {
		s    londonAt
		from string
		want string
	}{
		{daily, "2023-10-28 06:59", "2023-10-28 07:00"},
		{daily, "2023-10-28 07:00", "2023-10-29 07:00"}, // the clocks go back that night
		{weekly, "2023-10-25 12:00", "2023-10-30 07:00"},
		{weekly, "2023-10-30 07:00", "2023-11-06 07:00"},
	} {
		if got := c.s.Next(at(c.from)); !got.Equal(at(c.want)) {
			t.Errorf("after %s: %s, want %s", c.from, got.In(mb.Zone), c.want)
		}
	}
}
