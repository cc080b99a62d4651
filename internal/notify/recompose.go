package notify

import (
	"context"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Recompose composes a queued message again for its recipient, as they may
// read now, before an attempt to send it: what is sent passes the reading
// rule at sending time, however long after its composing (a retry hours
// later, a classification raised since). It is the letter of the event the
// message tells of, or the day's reminders of the actions still open that
// the recipient may still read. It returns nil when there is nothing left
// to tell them (the message is then withdrawn, not sent: the event's
// records were deleted, or they may no longer read them), and m as it is
// for a digest, composed when it was first sent. The Message-ID stays.
func (c *Composer) Recompose(ctx context.Context, m *mb.Message) (*mb.Message, error) {
	if m.Kind == mb.NoticeSummary {
		return m, nil
	}
	if m.UserID == nil {
		return nil, nil
	}
	notices, err := c.Store.MessageNotices(ctx, m.ID)
	if err != nil || len(notices) == 0 {
		return nil, err
	}
	u, err := c.Store.User(ctx, *m.UserID)
	if err != nil {
		return nil, err
	}
	rd, err := c.Store.Reader(ctx, u)
	if err != nil {
		return nil, err
	}
	var l *Letter
	if id := notices[0].EventID; id != nil {
		if l, err = c.eventLetterOf(ctx, *id, rd); err != nil {
			return nil, err
		}
	} else {
		var due []reminded
		for _, n := range notices {
			if n.Reminder == nil {
				continue
			}
			a, ok, err := c.visibleAction(ctx, rd, n.Reminder.ActionID)
			if err != nil {
				return nil, err
			}
			if ok && a.Status == mb.ActionOpen {
				due = append(due, reminded{action: a, reminder: *n.Reminder})
			}
		}
		if len(due) > 0 {
			l = c.reminderLetter(due, mb.DayOf(notices[0].CreatedAt))
		}
	}
	if l == nil {
		return nil, nil
	}
	fresh, err := c.message(ctx, u, m.Kind, l)
	if err != nil {
		return nil, err
	}
	out := *m
	out.Subject, out.Text, out.HTML = fresh.Subject, fresh.Text, fresh.HTML
	return &out, nil
}

// eventLetterOf is the letter of the recorded event as the reader may read
// it, nil when they may not (Composer.eventLetter).
func (c *Composer) eventLetterOf(ctx context.Context, eventID int64, rd *mb.Reader) (*Letter, error) {
	e, err := c.Store.NoticeEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	ev, err := c.load(ctx, e)
	if err != nil {
		return nil, err
	}
	return c.eventLetter(ctx, ev, rd)
}
