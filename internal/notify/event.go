package notify

import (
	"context"
	"fmt"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// event is an event with what its letters tell of, read once for all its
// recipients; each letter is then cut to what its recipient may read.
type event struct {
	*mb.NoticeEvent
	committee *mb.Committee
	to        *mb.Committee // the body told of an escalation
	meeting   *mb.Meeting
	minutes   *mb.Minutes
	comment   *mb.Comment
	risks     []*mb.Risk
	decision  *mb.Decision
}

// load reads what the event's letters tell of.
func (c *Composer) load(ctx context.Context, e *mb.NoticeEvent) (*event, error) {
	ev := &event{NoticeEvent: e}
	var err error
	if ev.committee, err = c.Store.Committee(ctx, e.CommitteeID); err != nil {
		return nil, err
	}
	if e.MeetingID != nil {
		if ev.minutes, err = c.Store.Minutes(ctx, *e.MeetingID); err != nil {
			return nil, err
		}
		ev.meeting = ev.minutes.Meeting
	}
	if e.CommentID != nil {
		if ev.comment, err = c.Store.Comment(ctx, *e.CommentID); err != nil {
			return nil, err
		}
	}
	if e.ToCommitteeID != nil {
		if ev.to, err = c.Store.Committee(ctx, *e.ToCommitteeID); err != nil {
			return nil, err
		}
		if ev.risks, err = c.Store.Risks(ctx, mb.RiskFilter{IDs: e.RiskIDs}); err != nil {
			return nil, err
		}
	}
	if e.DecisionID != nil {
		if ev.decision, err = c.Store.Decision(ctx, *e.DecisionID); err != nil {
			return nil, err
		}
	}
	return ev, nil
}

// recipients are the people an event concerns: a committee's members and
// chair of its minutes, its secretariat of a comment, the parent body's
// chair and secretariat of an escalation. Whether each may read what it
// tells of is decided when their letter is composed.
func (c *Composer) recipients(ctx context.Context, ev *event) ([]*mb.User, error) {
	switch ev.Kind {
	case mb.EventCirculated, mb.EventPublished:
		return c.Store.CommitteeUsers(ctx, ev.CommitteeID, mb.RoleMember, mb.RoleChair)
	case mb.EventCommented:
		return c.Store.CommitteeUsers(ctx, ev.CommitteeID, mb.RoleSecretariat)
	case mb.EventEscalated, mb.EventWithdrawn:
		return c.Store.CommitteeUsers(ctx, *ev.ToCommitteeID, mb.RoleChair, mb.RoleSecretariat)
	}
	return nil, fmt.Errorf("notify: no recipients for %q", ev.Kind)
}

// Event composes what each person concerned is told of the event, by their
// choice: a message at once, a notice for their digest, or nothing; and
// nothing to whoever made the change or may not read what it tells of.
func (c *Composer) Event(ctx context.Context, e *mb.NoticeEvent) ([]postgres.NewNotice, error) {
	ev, err := c.load(ctx, e)
	if err != nil {
		return nil, err
	}
	people, err := c.recipients(ctx, ev)
	if err != nil {
		return nil, err
	}
	kind := e.Kind.Notice()
	rs := c.readers()
	var out []postgres.NewNotice
	for _, u := range people {
		if e.ActorID != nil && *e.ActorID == u.ID {
			continue
		}
		prefs, err := c.Store.Preferences(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		d := prefs.For(kind)
		if d == mb.Never {
			continue
		}
		rd, err := rs.of(ctx, u)
		if err != nil {
			return nil, err
		}
		l, err := c.eventLetter(ctx, ev, rd)
		if err != nil {
			return nil, err
		}
		if l == nil {
			continue
		}
		n := postgres.NewNotice{UserID: u.ID, Kind: kind, Delivery: d, EventID: &e.ID}
		if d == mb.Immediately {
			if n.Message, err = c.message(ctx, u, kind, l); err != nil {
				return nil, err
			}
		}
		out = append(out, n)
	}
	return out, nil
}

// eventLetter is the event's letter as the reader may read it, or nil when
// the reader may not read what it tells of.
func (c *Composer) eventLetter(ctx context.Context, ev *event, rd *mb.Reader) (*Letter, error) {
	recorded := false
	var doc *mb.Minutes // the minutes as the reader may read them
	if ev.meeting != nil {
		var err error
		if recorded, err = c.Store.Recorded(ctx, rd.User.PersonID, ev.meeting.ID); err != nil {
			return nil, err
		}
		doc = rd.ReadableMinutes(ev.minutes, recorded)
	}
	switch ev.Kind {
	case mb.EventCirculated, mb.EventPublished:
		if !rd.CanReadMinutes(ev.meeting, recorded) {
			return nil, nil
		}
		return c.minutesLetter(ev, doc), nil
	case mb.EventCommented:
		if !rd.CanReadMinutes(ev.meeting, recorded) {
			return nil, nil
		}
		return c.commentLetter(ev, rd, recorded, doc), nil
	case mb.EventEscalated, mb.EventWithdrawn:
		if !rd.CanReadRisks(ev.CommitteeID) {
			return nil, nil
		}
		return c.escalationLetter(ev, rd, recorded, doc), nil
	}
	return nil, fmt.Errorf("notify: no letter for %q", ev.Kind)
}

// itemLines lists the items of the reader's copy of the minutes
// (Reader.ReadableMinutes): a withheld item by its number and level only.
func itemLines(doc *mb.Minutes) []Line {
	var lines []Line
	var add func(it *mb.Item)
	add = func(it *mb.Item) {
		if it.Withheld {
			lines = append(lines, Line{Text: mb.WithheldNotice(it), Withheld: true})
			return
		}
		lines = append(lines, Line{Text: it.Number + ". " + it.Title})
		for _, ch := range it.Children {
			add(ch)
		}
	}
	for _, it := range doc.Items {
		add(it)
	}
	return lines
}

func (c *Composer) minutesLetter(ev *event, doc *mb.Minutes) *Letter {
	m := ev.meeting
	l := &Letter{Link: Link{Label: "Read the minutes", URL: c.url(web.MeetingPath(m.CommitteeCode, m.Number))},
		Why: "You are told because you sit on the " + m.CommitteeCode + "."}
	what := fmt.Sprintf("the %s meeting %d (%s, %s)", ev.committee.Name, m.Number, m.Kind.Label(), m.DateLabel())
	if ev.Kind == mb.EventCirculated {
		l.Subject = m.ShortName() + ": draft minutes circulated for comment"
		l.Lead = []string{"The " + m.CommitteeCode + " secretariat has circulated the draft minutes of " + what + " to the committee's members for comment."}
		if m.CommentsDue != nil {
			l.Subject = m.ShortName() + ": draft minutes for comment by " + dateLabel(*m.CommentsDue)
			l.Lead = append(l.Lead, "Please comment by "+dateLabel(*m.CommentsDue)+", on the item concerned, on the minutes' page.")
		}
		l.Link.Label = "Read and comment on the draft"
	} else {
		l.Subject = m.ShortName() + ": minutes published"
		l.Lead = []string{"The minutes of " + what + " are published, classified " + m.Classification.Label() + "."}
		if ev.minutes.ApprovedBy != "" {
			l.Lead[0] = "The minutes of " + what + ", approved as final at " + ev.minutes.ApprovedBy + ", are published, classified " + m.Classification.Label() + "."
		}
	}
	if lines := itemLines(doc); len(lines) > 0 {
		l.Sections = []Section{{Heading: "The items", Lines: lines}}
	}
	return l
}

func (c *Composer) commentLetter(ev *event, rd *mb.Reader, recorded bool, doc *mb.Minutes) *Letter {
	m, cm := ev.meeting, ev.comment
	l := &Letter{Subject: m.ShortName() + ": " + cm.AuthorName + " commented on the draft minutes",
		Link: Link{Label: "Resolve it on the minutes", URL: c.url(web.MeetingPath(m.CommitteeCode, m.Number))},
		Why:  "You are told because you run the " + m.CommitteeCode + " secretariat."}
	on := "the draft minutes of " + m.ShortName()
	if cm.ItemID != nil {
		if it := shownItem(doc, ev.minutes, *cm.ItemID); it != nil && it.Withheld {
			on = "item " + it.Number + " (classified " + it.Classification.String() + ", not shown) of " + on
		} else if it != nil {
			on = "item " + it.Number + ", “" + it.Title + "”, of " + on
		}
	}
	l.Lead = []string{cm.AuthorName + " commented on " + on + ":"}
	if rd.CanReadComment(cm, recorded) {
		l.Sections = []Section{{Heading: "The comment", Lines: []Line{{Text: cm.Body, Quote: true}}}}
	}
	return l
}

// shownItem is the item with the id as the reader's copy of the minutes
// (shown, from Reader.ReadableMinutes of doc) shows it: itself, or when it
// is withheld, or beneath a withheld item, the withheld item that stands
// for it (of which only the number and level may be told); nil when the
// minutes do not hold it.
func shownItem(shown, doc *mb.Minutes, id int64) *mb.Item {
	for i, it := range shown.Items {
		if it.ID == id {
			return it
		}
		for j, sub := range doc.Items[i].Children {
			if sub.ID == id {
				if it.Withheld {
					return it
				}
				return it.Children[j]
			}
		}
	}
	return nil
}

func (c *Composer) escalationLetter(ev *event, rd *mb.Reader, recorded bool, doc *mb.Minutes) *Letter {
	m := ev.meeting
	body := mb.BodyName(ev.to.Name)
	n := len(ev.risks)
	risks := mb.CountWord(n) + " risk"
	if n != 1 {
		risks += "s"
	}
	l := &Letter{Link: Link{Label: "See the escalations", URL: c.url(web.EscalationsPath())},
		Why: "You are told because you chair or run the secretariat of " + body + "."}
	if ev.Kind == mb.EventEscalated {
		l.Subject = fmt.Sprintf("%s escalated %s to %s", ev.committee.Code, risks, body)
		l.Lead = []string{fmt.Sprintf("At %s (%s) the %s agreed to escalate %s to %s:", m.ShortName(), m.DateLabel(), ev.committee.Name, risks, body)}
	} else {
		l.Subject = fmt.Sprintf("%s withdrew the escalation of %s to %s", ev.committee.Code, risks, body)
		l.Lead = []string{fmt.Sprintf("At %s (%s) the %s agreed to withdraw the escalation to %s of %s:", m.ShortName(), m.DateLabel(), ev.committee.Name, body, risks)}
	}
	var lines []Line
	for _, r := range ev.risks {
		lines = append(lines, Line{Text: r.Reference + ": " + r.Statement,
			Note: "Severity now " + mb.SeverityLabel(r.Severity(), ev.committee.Band(r.Severity())),
			URL:  c.url(web.RiskPath(r.CommitteeCode, r.Reference))})
	}
	l.Sections = []Section{{Heading: "The risks", Lines: lines}}
	// The decision, only to a reader of its minutes and its item.
	if ev.decision != nil && rd.CanReadMinutes(m, recorded) {
		if it := shownItem(doc, ev.minutes, ev.decision.ItemID); it != nil && !it.Withheld {
			l.Sections = append(l.Sections, Section{Heading: "The decision", Lines: []Line{{
				Text: mb.DecisionSentence(m.CommitteeCode, *ev.decision),
				URL:  c.url(web.MeetingDecisionPath(m.CommitteeCode, m.Number, ev.decision.ID))}}})
		}
	}
	return l
}
