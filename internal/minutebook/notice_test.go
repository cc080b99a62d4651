package minutebook

import (
	"testing"
	"time"
)

func TestReminderFor(t *testing.T) {
	target := time.Date(2023, 11, 20, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		offset int
		stage  ReminderStage
		week   int
		ok     bool
	}{
		{-8, "", 0, false}, {-7, ReminderBefore, 0, true}, {-1, ReminderBefore, 0, true}, {0, ReminderDue, 0, true},
		{1, ReminderOverdue, 0, true}, {7, ReminderOverdue, 0, true}, {8, ReminderOverdue, 1, true}, {15, ReminderOverdue, 2, true},
	} {
		stage, week, ok := ReminderFor(target, target.AddDate(0, 0, c.offset), 7)
		if stage != c.stage || week != c.week || ok != c.ok {
			t.Errorf("day %+d: %q week %d %v, want %q week %d %v", c.offset, stage, week, ok, c.stage, c.week, c.ok)
		}
	}
}

func TestDigestWeek(t *testing.T) {
	for day, want := range map[string]string{
		"2023-10-16T09:00:00Z": "2023-10-16", // a Monday
		"2023-10-22T22:30:00Z": "2023-10-16", // Sunday night in London
		"2023-10-22T23:30:00Z": "2023-10-23", // Monday 00:30 in London (BST)
	} {
		at, _ := time.Parse(time.RFC3339, day)
		if got := DigestWeek(at).Format(time.DateOnly); got != want {
			t.Errorf("%s: week of %s, want %s", day, got, want)
		}
	}
}

func TestPreferences(t *testing.T) {
	p := Preferences{NoticeMinutes: InDigest, NoticeSummary: Immediately}
	if p.For(NoticeMinutes) != InDigest || p.For(NoticeReminders) != Immediately || p.For(NoticeSummary) != InDigest {
		t.Errorf("choices %v: minutes %s, reminders %s, summary %s", p, p.For(NoticeMinutes), p.For(NoticeReminders), p.For(NoticeSummary))
	}
	if NoticeSummary.Allows(Immediately) || !NoticeMinutes.Allows(Never) {
		t.Error("the weekly digest is never sent at once; the minutes may be never sent")
	}
}
