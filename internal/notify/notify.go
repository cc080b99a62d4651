// Package notify composes the messages minutebook sends and sends them.
//
// Every message is composed for one person through the reading rule: the
// Reader built for that person (postgres.Store.Reader), the minutes and
// their items through Reader.CanReadMinutes and Reader.ReadableMinutes,
// comments through Reader.CanReadComment, actions as their page reads them
// (Store.ActionFor) and the home page's lists through the rule's SQL
// (postgres readable), the risks through Reader.CanReadRisks. A message never carries
// what its recipient may not read: an item above them is named only by
// its number and level, an action they may not see is not sent, minutes
// they may not open are not announced to them.
//
// What is told comes from three places: an event recorded by the store in
// the transaction of a change (minutes circulated or published, a comment,
// a risk escalated or withdrawn: Composer.Event), the daily reminders of
// actions (Composer.Reminders), and the weekly digest (Composer.Digest).
// Each person's choice per kind of message decides whether they are told at
// once, in the digest, or never. The job queue (internal/jobs) calls these
// and sends the messages through a Sender.
//
// # Adding a kind of message (agendas)
//
// When agendas are published, the agenda's issue adds, in one place each:
// an event kind ('agenda_published', 'agenda_revised') to mb.NoticeEventKind
// and to the notice_events CHECK (a new migration), mapped to
// mb.NoticeAgenda by NoticeEventKind.Notice; the store's recordNotice call
// in the transaction that publishes the agenda; its recipients in
// Composer.recipients (the committee's members); and its letter in
// Composer.eventLetter. mb.NoticeAgenda then joins mb.NoticeKinds, so that
// the account page offers it. The digest, the unsubscribe link, the
// outbox and delivery need nothing more.
package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"sync"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// Composer composes messages for their recipients.
type Composer struct {
	Store *postgres.Store
	// BaseURL is where minutebook is served, for the links in messages
	// ("https://minutebook.example.org").
	BaseURL string
	Clock   mb.Clock

	keyMu sync.Mutex
	key   []byte
}

// url is the absolute address of path.
func (c *Composer) url(path string) string {
	if len(c.BaseURL) > 0 && c.BaseURL[len(c.BaseURL)-1] == '/' {
		return c.BaseURL[:len(c.BaseURL)-1] + path
	}
	return c.BaseURL + path
}

// Key is the key that signs unsubscribe links, read once (and again after
// a failure to read it).
func (c *Composer) Key(ctx context.Context) ([]byte, error) {
	c.keyMu.Lock()
	defer c.keyMu.Unlock()
	if c.key == nil {
		key, err := c.Store.NoticeKey(ctx)
		if err != nil {
			return nil, err
		}
		c.key = key
	}
	return c.key, nil
}

// message makes the message of the letter for the person: the links to
// their choices and to unsubscribe from the kind, both parts rendered, and
// a Message-ID of its own.
func (c *Composer) message(ctx context.Context, u *mb.User, kind mb.NoticeKind, l *Letter) (*mb.Message, error) {
	key, err := c.Key(ctx)
	if err != nil {
		return nil, err
	}
	l.Greeting = "Dear " + u.Name + ","
	l.Preferences = c.url(web.AccountNoticesPath())
	l.Unsubscribe = c.url(web.UnsubscribePath(UnsubscribeToken(key, u.ID, kind)))
	l.UnsubscribeWhat = "Stop messages like this one"
	if kind == mb.NoticeSummary {
		l.UnsubscribeWhat = "Stop the weekly digest"
	}
	text, html, err := l.Render()
	if err != nil {
		return nil, err
	}
	return &mb.Message{UserID: &u.ID, Kind: kind, ToAddress: u.Email, ToName: u.Name, Subject: l.Subject,
		Text: text, HTML: html, Unsubscribe: l.Unsubscribe, HeaderID: c.messageID()}, nil
}

// messageID is a new Message-ID at the host minutebook is served from.
func (c *Composer) messageID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	host := "minutebook.localhost"
	if u, err := url.Parse(c.BaseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "<" + hex.EncodeToString(b) + "@" + host + ">"
}

// readers builds each person's Reader once per job.
type readers struct {
	store *postgres.Store
	byID  map[int64]*mb.Reader
}

func (c *Composer) readers() *readers {
	return &readers{store: c.Store, byID: map[int64]*mb.Reader{}}
}

func (rs *readers) of(ctx context.Context, u *mb.User) (*mb.Reader, error) {
	if rd, ok := rs.byID[u.ID]; ok {
		return rd, nil
	}
	rd, err := rs.store.Reader(ctx, u)
	if err != nil {
		return nil, err
	}
	rs.byID[u.ID] = rd
	return rd, nil
}

// dateLabel is a day as the documents write it: "24 October 2023".
func dateLabel(d interface{ Format(string) string }) string { return d.Format("2 January 2006") }
