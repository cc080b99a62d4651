package web

import (
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// HomePage is a signed-in reader's own work (mb.Work): their open and
// overdue actions and their organisation's, drafts circulated to them,
// coming meetings, open escalations for a parent body's chair, and each
// secretariat's to-do.
type HomePage struct {
	Chrome
	Work *mb.Work
	// PersonID marks the actions the reader owns as the owner person.
	PersonID int64
	// Organisation names the reader's organisation ("" when none).
	Organisation string
	// MyActions is the register's view of the reader's organisation's
	// open actions, for "all of them".
	MyActions string
	// Agendas are the coming meetings of the reader's committees whose
	// published agendas they may read.
	Agendas []ComingMeeting
}

// Mine reports whether the reader owns the action as its owner person.
func (p HomePage) Mine(a *mb.Action) bool { return p.Work.Mine(a, p.PersonID) }

// dueLabel says when an open action is due, against today.
func dueLabel(a *mb.Action, today time.Time) string {
	switch {
	case a.CurrentTarget == nil:
		return "no target date"
	case a.CurrentTarget.Before(today):
		return "overdue since " + a.CurrentTarget.Format("2 January 2006")
	case a.CurrentTarget.Equal(today):
		return "due today"
	}
	return "due " + a.CurrentTarget.Format("2 January 2006")
}

// targetLabel names an action's current target date.
func targetLabel(a *mb.Action) string {
	if a.CurrentTarget == nil {
		return "no target date"
	}
	return "target " + a.CurrentTarget.Format("2 January 2006")
}

// escalationLine says where and when a risk was escalated, and how severe.
func escalationLine(e *mb.Escalation) string {
	s := "Escalated to " + mb.BodyName(e.ToCommitteeName)
	if e.Meeting != nil {
		s += " at " + e.Meeting.ShortName()
	}
	return s + " (" + mb.SeverityLabel(e.Severity(), e.Band) + " when escalated)"
}

// meetingNote follows a meeting's name in the lists of one's work: its
// kind and day, and for a draft the comment deadline, or for a coming
// meeting its time and venue.
func meetingNote(m *mb.Meeting, draft bool) string {
	s := "– " + m.Kind.Label() + ", " + m.DateLabel()
	if draft {
		if m.CommentsDue != nil {
			s += ": comments by " + m.CommentsDue.Format("2 January 2006")
		}
		return s
	}
	for _, extra := range []string{m.TimeLabel(), m.Venue} {
		if extra != "" {
			s += ", " + extra
		}
	}
	return s
}
