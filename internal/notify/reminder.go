package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// reminded is one action a person is reminded of, with the reminder.
type reminded struct {
	action   *mb.Action
	reminder mb.Reminder
}

// Reminders composes the day's reminders of actions, each person's in one
// message (or into their digest, by their choice): the actions they or
// their organisation own that reach a stage on the day, or reached one on
// a day the job did not run. An action the person may not see (through
// the register's scope) is not sent to them; one already told is skipped.
func (c *Composer) Reminders(ctx context.Context, day time.Time) ([]postgres.NewNotice, error) {
	candidates, err := c.Store.ReminderCandidates(ctx, day)
	if err != nil {
		return nil, err
	}
	var order []int64
	byUser := map[int64][]mb.Reminder{}
	for _, cd := range candidates {
		stage, week, ok := mb.ReminderFor(cd.Target, day, cd.ReminderDays)
		if !ok {
			continue
		}
		if _, seen := byUser[cd.UserID]; !seen {
			order = append(order, cd.UserID)
		}
		byUser[cd.UserID] = append(byUser[cd.UserID], mb.Reminder{ActionID: cd.ActionID, Target: cd.Target, Stage: stage, Week: week})
	}
	var out []postgres.NewNotice
	for _, id := range order {
		notices, err := c.remindersFor(ctx, id, byUser[id], day)
		if err != nil {
			return nil, err
		}
		out = append(out, notices...)
	}
	return out, nil
}

// remindersFor composes one person's reminders.
func (c *Composer) remindersFor(ctx context.Context, userID int64, list []mb.Reminder, day time.Time) ([]postgres.NewNotice, error) {
	u, err := c.Store.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	prefs, err := c.Store.Preferences(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	d := prefs.For(mb.NoticeReminders)
	if d == mb.Never {
		return nil, nil
	}
	told, err := c.Store.ToldReminders(ctx, u.ID, list)
	if err != nil {
		return nil, err
	}
	rd, err := c.Store.Reader(ctx, u)
	if err != nil {
		return nil, err
	}
	var due []reminded
	for i, r := range list {
		if told[i] {
			continue
		}
		a, ok, err := c.visibleAction(ctx, rd, r.ActionID)
		if err != nil {
			return nil, err
		}
		if ok {
			due = append(due, reminded{action: a, reminder: r})
		}
	}
	if len(due) == 0 {
		return nil, nil
	}
	var msg *mb.Message
	if d == mb.Immediately {
		if msg, err = c.message(ctx, u, mb.NoticeReminders, c.reminderLetter(due, day)); err != nil {
			return nil, err
		}
	}
	out := make([]postgres.NewNotice, len(due))
	for i, x := range due {
		r := x.reminder
		out[i] = postgres.NewNotice{UserID: u.ID, Kind: mb.NoticeReminders, Delivery: d, Reminder: &r, Message: msg}
	}
	return out, nil
}

// visibleAction reads the action as the reader may read it, as its own
// page does (Store.ActionFor, the reading rule's SQL; the notes of events
// at minutes the reader may not read withheld), and says whether they may.
func (c *Composer) visibleAction(ctx context.Context, rd *mb.Reader, id int64) (*mb.Action, bool, error) {
	a, err := c.Store.Action(ctx, id)
	if err == nil {
		a, err = c.Store.ActionFor(ctx, rd, a.CommitteeCode, a.MeetingNumber, a.Sequence)
	}
	if mb.ErrorCode(err) == mb.ENOTFOUND {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return a, true, nil
}

// reminderStatus says where the action stands, in words.
func reminderStatus(r mb.Reminder, day time.Time) string {
	switch r.Stage {
	case mb.ReminderBefore:
		days := int(r.Target.Sub(day).Hours() / 24)
		if days == 1 {
			return "is due tomorrow, " + dateLabel(r.Target)
		}
		return fmt.Sprintf("is due in %d days, on %s", days, dateLabel(r.Target))
	case mb.ReminderDue:
		return "is due today"
	}
	if r.Week == 0 {
		return "is overdue: its target was " + dateLabel(r.Target)
	}
	weeks := int(day.Sub(r.Target).Hours() / 24 / 7)
	return fmt.Sprintf("is still overdue: its target was %s, %d %s ago", dateLabel(r.Target), weeks, plural(weeks, "week"))
}

// reminderLine is one action in a reminder or a digest.
func (c *Composer) reminderLine(a *mb.Action, r mb.Reminder, day time.Time) Line {
	owner := a.OwnerName
	if a.OwnerPersonName != "" {
		owner += " (" + a.OwnerPersonName + ")"
	}
	return Line{Text: a.Reference() + " " + reminderStatus(r, day) + ": " + a.Text,
		Note: "Owner: " + owner + ". Raised " + dateLabel(a.RaisedOn) + ".",
		URL:  c.url(web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence))}
}

// reminderLetter is one person's reminders of the day, by stage.
func (c *Composer) reminderLetter(due []reminded, day time.Time) *Letter {
	l := &Letter{Link: Link{Label: "See your actions", URL: c.url(web.HomePath())},
		Why: "You are told because you own these actions, or your organisation does and you sit on the committee, or were at the meeting, that raised them."}
	if len(due) == 1 {
		x := due[0]
		l.Subject = x.action.Reference() + " " + reminderStatus(x.reminder, day)
		l.Link = Link{Label: "Open the action", URL: c.url(web.ActionPath(x.action.CommitteeCode, x.action.MeetingNumber, x.action.Sequence))}
	}
	heads := []struct {
		stage   mb.ReminderStage
		heading string
	}{{mb.ReminderOverdue, "Overdue"}, {mb.ReminderDue, "Due today"}, {mb.ReminderBefore, "Due soon"}}
	count := map[mb.ReminderStage]int{}
	for _, h := range heads {
		s := Section{Heading: h.heading}
		for _, x := range due {
			if x.reminder.Stage == h.stage {
				s.Lines = append(s.Lines, c.reminderLine(x.action, x.reminder, day))
			}
		}
		if len(s.Lines) > 0 {
			count[h.stage] = len(s.Lines)
			l.Sections = append(l.Sections, s)
		}
	}
	if len(due) > 1 {
		var parts []string
		for _, h := range heads {
			if n := count[h.stage]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(h.heading)))
			}
		}
		l.Subject = fmt.Sprintf("%d actions need you: %s", len(due), strings.Join(parts, ", "))
	}
	l.Lead = []string{"These actions of the committees you sit on need an update, or closing at the next meeting. Tell the secretariat what has been done."}
	return l
}
