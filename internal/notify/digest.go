package notify

import (
	"context"
	"fmt"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// Digest composes the person's weekly digest on the day: what waits for it
// since the last (each composed again as the person may read it now), and,
// unless they chose never, the summary of their own work (mb.Work). It
// returns the ids of the waiting notices it accounts for, carried or no
// longer readable, and a nil message when there is nothing to say.
func (c *Composer) Digest(ctx context.Context, u *mb.User, day time.Time) (*mb.Message, []int64, error) {
	prefs, err := c.Store.Preferences(ctx, u.ID)
	if err != nil {
		return nil, nil, err
	}
	rd, err := c.Store.Reader(ctx, u)
	if err != nil {
		return nil, nil, err
	}
	waiting, err := c.Store.WaitingNotices(ctx, u.ID)
	if err != nil {
		return nil, nil, err
	}
	l := &Letter{Link: Link{Label: "Open your page in minutebook", URL: c.url(web.HomePath())},
		Why: "This is your weekly digest from minutebook."}
	var ids []int64
	var told []Line
	for _, n := range waiting {
		ids = append(ids, n.ID)
		line, ok, err := c.noticeLine(ctx, n, rd, day)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			told = append(told, line)
		}
	}
	if len(told) > 0 {
		l.Sections = append(l.Sections, Section{Heading: "Since your last digest", Lines: told})
	}
	var counts []string
	if prefs.For(mb.NoticeSummary) != mb.Never {
		w, err := c.Store.Work(ctx, rd, day)
		if err != nil {
			return nil, nil, err
		}
		l.Sections = append(l.Sections, c.workSections(w, u)...)
		counts = workCounts(w)
	}
	if len(l.Sections) == 0 {
		return nil, ids, nil
	}
	l.Subject = "Your minutebook week of " + dateLabel(mb.DigestWeek(day))
	if len(counts) > 0 {
		l.Subject += ": " + strings.Join(counts, ", ")
	} else if len(told) > 0 {
		l.Subject += fmt.Sprintf(": %d %s", len(told), plural(len(told), "update"))
	}
	msg, err := c.message(ctx, u, mb.NoticeSummary, l)
	return msg, ids, err
}

// noticeLine is a waiting notice as a line of the digest, as the reader may
// read it now: ok is false when they no longer may (or it is moot: an
// action since closed).
func (c *Composer) noticeLine(ctx context.Context, n *mb.Notice, rd *mb.Reader, day time.Time) (Line, bool, error) {
	if r := n.Reminder; r != nil {
		a, ok, err := c.visibleAction(ctx, rd, r.ActionID)
		if err != nil || !ok || a.Status != mb.ActionOpen {
			return Line{}, false, err
		}
		return c.reminderLine(a, *r, day), true, nil
	}
	if n.EventID == nil {
		return Line{}, false, nil
	}
	l, err := c.eventLetterOf(ctx, *n.EventID, rd)
	if err != nil || l == nil {
		return Line{}, false, err
	}
	return Line{Text: l.Subject, URL: l.Link.URL, Note: dateLabel(mb.DayOf(n.CreatedAt))}, true, nil
}

// workSections are the reader's own work as the digest lists it.
func (c *Composer) workSections(w *mb.Work, u *mb.User) []Section {
	var out []Section
	if len(w.Actions) > 0 {
		whose := "Your open actions"
		if u.OrganisationName != "" {
			whose = "Open actions of yours and of " + u.OrganisationName
		}
		s := Section{Heading: fmt.Sprintf("%s: %d open, %d overdue", whose, w.Open, w.Overdue)}
		for _, a := range w.Actions {
			s.Lines = append(s.Lines, Line{Text: a.Reference() + ": " + a.Text, Note: actionDue(a, w.Today),
				URL: c.url(web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence))})
		}
		out = append(out, s)
	}
	if len(w.Drafts) > 0 {
		s := Section{Heading: "Draft minutes awaiting your comments"}
		for _, m := range w.Drafts {
			note := "Circulated for comment."
			if m.CommentsDue != nil {
				note = "Comments by " + dateLabel(*m.CommentsDue) + "."
			}
			s.Lines = append(s.Lines, Line{Text: m.ShortName() + " – " + m.Kind.Label() + ", " + m.DateLabel(), Note: note,
				URL: c.url(web.MeetingPath(m.CommitteeCode, m.Number))})
		}
		out = append(out, s)
	}
	if len(w.Meetings) > 0 {
		s := Section{Heading: "Coming meetings"}
		for _, m := range w.Meetings {
			note := m.TimeLabel()
			if m.Venue != "" {
				note = strings.TrimPrefix(note+", "+m.Venue, ", ")
			}
			s.Lines = append(s.Lines, Line{Text: m.ShortName() + " – " + m.Kind.Label() + ", " + m.DateLabel(), Note: note,
				URL: c.url(web.MeetingPath(m.CommitteeCode, m.Number))})
		}
		out = append(out, s)
	}
	if len(w.Escalations) > 0 {
		s := Section{Heading: fmt.Sprintf("Open escalations: %d", w.Escalated)}
		for _, e := range w.Escalations {
			line := Line{Text: "A risk", URL: c.url(web.EscalationsPath())}
			if e.Risk != nil {
				line.Text, line.URL = e.Risk.Reference+": "+e.Risk.Statement, c.url(web.RiskPath(e.Risk.CommitteeCode, e.Risk.Reference))
			}
			line.Note = "Escalated to " + mb.BodyName(e.ToCommitteeName)
			if e.Meeting != nil {
				line.Note += " at " + e.Meeting.ShortName()
			}
			line.Note += ", " + mb.SeverityLabel(e.Severity(), e.Band) + " then."
			s.Lines = append(s.Lines, line)
		}
		out = append(out, s)
	}
	for _, sw := range w.Secretariat {
		if sw.Empty() {
			continue
		}
		s := Section{Heading: "For the " + sw.CommitteeCode + " secretariat"}
		if sw.Comments > 0 {
			s.Lines = append(s.Lines, Line{Text: fmt.Sprintf("%d %s to resolve", sw.Comments, plural(sw.Comments, "comment")),
				URL: c.url(web.MeetingPath(sw.CommitteeCode, sw.CommentsOn[0].Number))})
		}
		for _, m := range sw.Circulated {
			s.Lines = append(s.Lines, Line{Text: m.ShortName() + ": circulated minutes awaiting approval", URL: c.url(web.MeetingPath(m.CommitteeCode, m.Number))})
		}
		for _, m := range sw.Approved {
			s.Lines = append(s.Lines, Line{Text: m.ShortName() + ": approved minutes awaiting publication", URL: c.url(web.MeetingPath(m.CommitteeCode, m.Number))})
		}
		if sw.StaleCount > 0 {
			s.Lines = append(s.Lines, Line{Text: fmt.Sprintf("%d %s past target with no update since", sw.StaleCount, plural(sw.StaleCount, "action")),
				URL: c.url(web.HomePath())})
		}
		out = append(out, s)
	}
	return out
}

// workCounts sums the work up for the digest's subject.
func workCounts(w *mb.Work) []string {
	var out []string
	if w.Overdue > 0 {
		out = append(out, fmt.Sprintf("%d overdue %s", w.Overdue, plural(w.Overdue, "action")))
	} else if w.Open > 0 {
		out = append(out, fmt.Sprintf("%d open %s", w.Open, plural(w.Open, "action")))
	}
	if n := len(w.Drafts); n > 0 {
		out = append(out, fmt.Sprintf("%d %s for comment", n, plural(n, "draft")))
	}
	if n := len(w.Meetings); n > 0 {
		out = append(out, fmt.Sprintf("%d %s", n, plural(n, "meeting")))
	}
	return out
}

// actionDue says when an open action is due, as the work lists show it.
func actionDue(a *mb.Action, today time.Time) string {
	switch {
	case a.CurrentTarget == nil:
		return "No target date."
	case a.CurrentTarget.Before(today):
		return "Overdue since " + dateLabel(*a.CurrentTarget) + "."
	case a.CurrentTarget.Equal(today):
		return "Due today."
	}
	return "Due " + dateLabel(*a.CurrentTarget) + "."
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
