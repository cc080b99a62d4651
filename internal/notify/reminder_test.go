package notify_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// raise raises an action in the item of OPSG 110 (0: the open one, 1: the
// RED one), owned by the person's organisation and the person, with target.
func (f *fixture) raise(t *testing.T, m *mb.Meeting, item int, owner string, target time.Time) *mb.Action {
	t.Helper()
	ctx := f.as("secretariat")
	items, err := f.store.Items(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	u := f.users[owner]
	a := &mb.Action{CommitteeID: m.CommitteeID, RaisedMeetingID: &m.ID, ItemID: &items[item].ID,
		Text: fmt.Sprintf("Albion Energy to report on the top-up failures of item %d, due %s", item+1, target.Format(time.DateOnly)), OwnerID: *u.OrganisationID, OwnerPersonID: &u.PersonID, TargetDate: &target}
	if err := f.store.RaiseAction(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

// reminders composes the day's reminders of the actions, by action id.
func (f *fixture) reminders(t *testing.T, day time.Time, actions ...*mb.Action) map[int64]postgres.NewNotice {
	t.Helper()
	notices, err := f.composer.Reminders(context.Background(), day)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]postgres.NewNotice{}
	for _, n := range notices {
		for _, a := range actions {
			if n.Reminder != nil && n.Reminder.ActionID == a.ID {
				if _, dup := out[a.ID]; dup {
					t.Errorf("%s reminded twice on %s", a.Reference(), day.Format(time.DateOnly))
				}
				out[a.ID] = n
			}
		}
	}
	return out
}

// The owner is reminded the committee's reminder days before the target,
// on the day, the day after, and weekly while overdue; once each, however
// often the job runs; and an action the owner may not see is not sent.
func TestRemindersOfActions(t *testing.T) {
	f := newFixture(t)
	target := time.Date(2023, 11, 20, 0, 0, 0, 0, time.UTC)
	m := f.redMeeting(t, "S", target)
	open := f.raise(t, m, 0, "member", target)
	red := f.raise(t, m, 1, "member", target)
	day := func(offset int) time.Time { return target.AddDate(0, 0, offset) }

	if got := f.reminders(t, day(-8), open); len(got) != 0 {
		t.Errorf("reminded 8 days before a target, with 7 reminder days: %+v", got)
	}
	for _, c := range []struct {
		offset int
		stage  mb.ReminderStage
		week   int
		says   string
	}{
		{-7, mb.ReminderBefore, 0, "is due in 7 days, on 20 November 2023"},
		{0, mb.ReminderDue, 0, "is due today"},
		{1, mb.ReminderOverdue, 0, "is overdue: its target was 20 November 2023"},
		{8, mb.ReminderOverdue, 1, "is still overdue: its target was 20 November 2023, 1 week ago"},
	} {
		got := f.reminders(t, day(c.offset), open, red)
		if _, ok := got[red.ID]; ok {
			t.Errorf("day %+d: the member is reminded of %s, raised in a RED item he may not read", c.offset, red.Reference())
		}
		n, ok := got[open.ID]
		if !ok {
			t.Fatalf("day %+d: no reminder of %s", c.offset, open.Reference())
		}
		if n.UserID != f.users["member"].ID || n.Reminder.Stage != c.stage || n.Reminder.Week != c.week || n.Message == nil {
			t.Errorf("day %+d: %+v, want the member at stage %s week %d", c.offset, n, c.stage, c.week)
			continue
		}
		mustContain(t, "the reminder", n.Message.Text, open.Reference()+" "+c.says, open.Text, base+"/actions/OPSG/110/01")
		mustNotContain(t, "the reminder", n.Message.Text+n.Message.HTML, red.Text)
		if _, err := f.store.SaveReminders(context.Background(), []postgres.NewNotice{n}, nil); err != nil {
			t.Fatal(err)
		}
		if again := f.reminders(t, day(c.offset), open); len(again) != 0 {
			t.Errorf("day %+d: reminded again after the reminder was recorded", c.offset)
		}
	}
	// Days 9 to 14 are in the same overdue week as day 8.
	if got := f.reminders(t, day(12), open); len(got) != 0 {
		t.Errorf("reminded again within the week: %+v", got)
	}

	// A committee that reminds 3 days before: a new action due in 4 days
	// waits, one due in 3 is reminded.
	opsg, err := f.store.CommitteeByCode(context.Background(), "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	opsg.ReminderDays = 3
	if err := f.store.UpdateCommittee(f.as("secretariat"), opsg); err != nil {
		t.Fatal(err)
	}
	later := f.raise(t, m, 0, "member", target.AddDate(0, 1, 0))
	if got := f.reminders(t, later.TargetDate.AddDate(0, 0, -4), later); len(got) != 0 {
		t.Errorf("reminded 4 days before, with 3 reminder days: %+v", got)
	}
	if got := f.reminders(t, later.TargetDate.AddDate(0, 0, -3), later); got[later.ID].Reminder == nil || got[later.ID].Reminder.Stage != mb.ReminderBefore {
		t.Errorf("not reminded 3 days before, with 3 reminder days: %+v", got)
	}
}

// A person's reminders of a day come in one message, by stage.
func TestRemindersOfADayComeTogether(t *testing.T) {
	f := newFixture(t)
	target := time.Date(2023, 11, 20, 0, 0, 0, 0, time.UTC)
	m := f.redMeeting(t, "S", target)
	a := f.raise(t, m, 0, "member", target)
	b := f.raise(t, m, 0, "member", target.AddDate(0, 0, 3))
	got := f.reminders(t, target, a, b)
	if got[a.ID].Message == nil || got[a.ID].Message != got[b.ID].Message {
		t.Fatalf("two reminders of a day in two messages: %+v", got)
	}
	msg := got[a.ID].Message
	mustContain(t, "the reminders", msg.Text, "Due today", "Due soon", a.Reference(), b.Reference())
	if n, err := f.store.SaveReminders(context.Background(), []postgres.NewNotice{got[a.ID], got[b.ID]}, nil); err != nil || n != 2 {
		t.Fatalf("saved %d reminders: %v", n, err)
	}
	list, _, err := f.store.Messages(context.Background(), postgres.MessageFilter{UserID: &f.users["member"].ID})
	if err != nil || len(list) != 1 || list[0].Status != mb.MessageKept {
		t.Errorf("outbox %+v (%v): want the one message, kept", list, err)
	}
}
