package web

import mb "github.com/minutebook/minutebook/internal/minutebook"

// NoticeChoices is the account page's part on what the reader is sent: a
// choice per kind of message.
type NoticeChoices struct {
	Kinds []NoticeChoice
	// Mail says whether messages are sent (a mail server is configured)
	// or only kept for administrators.
	Mail bool
}

// NoticeChoice is one kind of message and the reader's choice for it.
type NoticeChoice struct {
	Kind   mb.NoticeKind
	Chosen mb.Delivery
}

// NoticeChoicesFor lists the kinds with the person's choices.
func NoticeChoicesFor(p mb.Preferences, mail bool) NoticeChoices {
	c := NoticeChoices{Mail: mail}
	for _, k := range mb.NoticeKinds {
		c.Kinds = append(c.Kinds, NoticeChoice{Kind: k, Chosen: p.For(k)})
	}
	return c
}

// UnsubscribePage asks, or says, that a kind of message stops, by a signed
// link, without signing in.
type UnsubscribePage struct {
	Chrome
	Token string
	Kind  mb.NoticeKind
	Name  string
	// Done is set once the choice is saved.
	Done bool
}
