package minutebook

import (
	"testing"
	"time"
)

func TestClockToday(t *testing.T) {
	tests := []struct {
		name string
		now  time.Time
		want string
	}{
		{"SummerEveningIsTomorrowInLondon", time.Date(2024, 6, 30, 23, 30, 0, 0, time.UTC), "2024-07-01"},
		{"WinterEveningIsTheSameDay", time.Date(2024, 1, 31, 23, 30, 0, 0, time.UTC), "2024-01-31"},
		{"AnyZoneIn", time.Date(2024, 7, 1, 8, 0, 0, 0, time.FixedZone("EDT", -4*3600)), "2024-07-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clock(func() time.Time { return tt.now }).Today()
			if got.Format(time.DateOnly) != tt.want || got.Location() != time.UTC || got.Hour() != 0 {
				t.Errorf("Today() = %v, want %s at midnight UTC", got, tt.want)
			}
		})
	}
	if (Clock(nil)).Now().IsZero() {
		t.Error("a nil Clock is the system's")
	}
}
