package minutebook

import (
	"context"
	"time"
)

// NoticeKind is a kind of message a person may choose to have at once, in
// the weekly digest, or never.
type NoticeKind string

// The kinds of message.
const (
	// NoticeMinutes: minutes circulated for comment, and published.
	NoticeMinutes NoticeKind = "minutes"
	// NoticeComments: a member commented on circulated minutes (to the secretariat).
	NoticeComments NoticeKind = "comments"
	// NoticeReminders: an owned action's target is near, today, or past.
	NoticeReminders NoticeKind = "reminders"
	// NoticeEscalations: a sub-committee escalated a risk, or withdrew one
	// (to the parent body's chair and secretariat).
	NoticeEscalations NoticeKind = "escalations"
	// NoticeAgenda: an agenda published or revised. Nothing sends it yet:
	// the agenda's issue adds the event (see internal/notify).
	NoticeAgenda NoticeKind = "agenda"
	// NoticeSummary: the weekly summary of one's own work (open and overdue
	// actions, drafts awaiting comments, coming meetings). It is the
	// digest: its choices are the digest or never.
	NoticeSummary NoticeKind = "summary"
)

// NoticeKinds are the kinds a person chooses among, in the order the
// account page lists them. NoticeAgenda joins when agendas are published.
var NoticeKinds = []NoticeKind{NoticeMinutes, NoticeComments, NoticeReminders, NoticeEscalations, NoticeSummary}

// Label names the kind for the account page.
func (k NoticeKind) Label() string {
	switch k {
	case NoticeMinutes:
		return "Minutes circulated for comment, and published"
	case NoticeComments:
		return "Comments on circulated minutes (for the secretariat)"
	case NoticeReminders:
		return "Reminders of actions you or your organisation own"
	case NoticeEscalations:
		return "Risks escalated to a body you chair or run, or withdrawn"
	case NoticeAgenda:
		return "Agendas published or revised"
	case NoticeSummary:
		return "A weekly summary of your open actions, drafts and meetings"
	}
	return string(k)
}

// Valid reports whether k is a kind of message.
func (k NoticeKind) Valid() bool {
	switch k {
	case NoticeMinutes, NoticeComments, NoticeReminders, NoticeEscalations, NoticeAgenda, NoticeSummary:
		return true
	}
	return false
}

// Delivery is how a person has a kind of message.
type Delivery string

// The choices.
const (
	Immediately Delivery = "immediately"
	InDigest    Delivery = "digest"
	Never       Delivery = "never"
)

// Label names the choice.
func (d Delivery) Label() string {
	switch d {
	case Immediately:
		return "At once"
	case InDigest:
		return "In the weekly digest"
	case Never:
		return "Never"
	}
	return string(d)
}

// Deliveries are the choices offered for the kind: the summary is the
// digest, so it is never sent at once.
func (k NoticeKind) Deliveries() []Delivery {
	if k == NoticeSummary {
		return []Delivery{InDigest, Never}
	}
	return []Delivery{Immediately, InDigest, Never}
}

// Allows reports whether d is a choice for the kind.
func (k NoticeKind) Allows(d Delivery) bool {
	for _, x := range k.Deliveries() {
		if x == d {
			return true
		}
	}
	return false
}

// DefaultDelivery is the choice of a person who has not made one: every
// message at once, and the weekly summary.
func (k NoticeKind) DefaultDelivery() Delivery {
	if k == NoticeSummary {
		return InDigest
	}
	return Immediately
}

// Preferences are a person's choices, by kind; a kind missing takes its
// default.
type Preferences map[NoticeKind]Delivery

// For is the person's choice for the kind.
func (p Preferences) For(k NoticeKind) Delivery {
	if d, ok := p[k]; ok && k.Allows(d) {
		return d
	}
	return k.DefaultDelivery()
}

// NoticeEventKind is a change that people are told of.
type NoticeEventKind string

// The changes.
const (
	EventCirculated NoticeEventKind = "circulated"
	EventPublished  NoticeEventKind = "published"
	EventCommented  NoticeEventKind = "commented"
	EventEscalated  NoticeEventKind = "escalated"
	EventWithdrawn  NoticeEventKind = "withdrawn"
)

// Notice is the kind of message that tells of the change.
func (k NoticeEventKind) Notice() NoticeKind {
	switch k {
	case EventCirculated, EventPublished:
		return NoticeMinutes
	case EventCommented:
		return NoticeComments
	case EventEscalated, EventWithdrawn:
		return NoticeEscalations
	}
	return ""
}

// NoticeEvent is a change people are told of, recorded in the change's
// own transaction and fanned out to its recipients by the job queue.
type NoticeEvent struct {
	ID          int64
	Kind        NoticeEventKind
	CommitteeID int64
	MeetingID   *int64
	CommentID   *int64
	DecisionID  *int64
	// ToCommitteeID is the body an escalation or withdrawal is addressed to.
	ToCommitteeID *int64
	RiskIDs       []int64
	ActorID       *int64
	At            time.Time
	FannedOut     bool
}

type quietKey struct{}

// WithNotices returns a context in which the store's changes are told to
// the people concerned (tell) or to nobody: history entered after the fact
// (the demo's meetings of 2023, say) is not news.
func WithNotices(ctx context.Context, tell bool) context.Context {
	return context.WithValue(ctx, quietKey{}, !tell)
}

// Quiet reports whether changes made in ctx are to be told to nobody.
func Quiet(ctx context.Context) bool {
	q, _ := ctx.Value(quietKey{}).(bool)
	return q
}

// ReminderStage is where an open action stands against its current target.
type ReminderStage string

// The stages at which an owner is reminded.
const (
	ReminderBefore  ReminderStage = "before"  // within the committee's reminder days before the target
	ReminderDue     ReminderStage = "due"     // the target is today
	ReminderOverdue ReminderStage = "overdue" // past it: on the first day, then weekly
)

// Reminder is one reminder's key: an action, at a stage of its current
// target, in a week of being overdue (0 for the other stages and the
// first week). A revised target starts the stages again.
type Reminder struct {
	ActionID int64
	Target   time.Time
	Stage    ReminderStage
	Week     int
}

// ReminderFor says which reminder an open action with target is due on
// today, when its committee reminds days before: the before-reminder on
// any day of those days (so that a day missed is caught up), on the day,
// then the first day past it and every seventh day after. ok is false
// before the reminder days begin.
func ReminderFor(target, today time.Time, days int) (stage ReminderStage, week int, ok bool) {
	past := int(today.Sub(target).Hours() / 24)
	switch {
	case past < -days:
		return "", 0, false
	case past < 0:
		return ReminderBefore, 0, true
	case past == 0:
		return ReminderDue, 0, true
	}
	return ReminderOverdue, (past - 1) / 7, true
}

// DigestWeek is the Monday of the London week holding day t: a digest
// belongs to the week it is sent in.
func DigestWeek(t time.Time) time.Time {
	d := DayOf(t)
	back := (int(d.Weekday()) + 6) % 7
	return d.AddDate(0, 0, -back)
}

// Message is a composed message in the outbox.
type Message struct {
	ID        int64
	UserID    *int64
	Kind      NoticeKind
	ToAddress string
	ToName    string
	Subject   string
	Text      string
	HTML      string
	// Unsubscribe is the one-click unsubscribe URL of the message's kind.
	Unsubscribe string
	// HeaderID is the Message-ID, the same on every attempt.
	HeaderID  string
	Status    MessageStatus
	Attempts  int
	LastError string
	CreatedAt time.Time
	SentAt    *time.Time
	FailedAt  *time.Time
}

// MessageStatus is where a message stands.
type MessageStatus string

// The statuses of a message.
const (
	// MessageKept: no SMTP server is configured; the message is kept in
	// the outbox for administrators to read.
	MessageKept   MessageStatus = "kept"
	MessageQueued MessageStatus = "queued"
	MessageSent   MessageStatus = "sent"
	// MessageFailed: the last attempt failed; an administrator may retry.
	MessageFailed MessageStatus = "failed"
	// MessageWithdrawn: composed again before it was sent, the message
	// told what its recipient may no longer read (or nothing): not sent.
	MessageWithdrawn MessageStatus = "withdrawn"
)

// Label names the status.
func (s MessageStatus) Label() string {
	switch s {
	case MessageKept:
		return "Kept (no mail server)"
	case MessageQueued:
		return "Queued"
	case MessageSent:
		return "Sent"
	case MessageFailed:
		return "Failed"
	case MessageWithdrawn:
		return "Withdrawn (no longer readable)"
	}
	return string(s)
}

// MessageStatuses are the statuses the outbox filters by.
var MessageStatuses = []MessageStatus{MessageKept, MessageQueued, MessageSent, MessageFailed, MessageWithdrawn}

// Notice is what one person was told, or is waiting to be told in their
// digest: of an event, or a reminder.
type Notice struct {
	ID        int64
	UserID    int64
	Kind      NoticeKind
	EventID   *int64
	Reminder  *Reminder
	CreatedAt time.Time
}
