package notify_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/mailtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
)

// A composed message sent through a real SMTP server (STARTTLS with a
// password, TLS, and a plain local relay) arrives as a mail program reads
// it: its headers, both parts saying the same with the same links back, one
// click to unsubscribe, and nothing its reader may not read.
func TestMessagesThroughSMTP(t *testing.T) {
	f := newFixture(t)
	const secret = "XYZZY-SMTP"
	f.redMeeting(t, secret, time.Date(2023, 10, 26, 0, 0, 0, 0, time.UTC))
	_, told := f.event(t, mb.EventCirculated)
	msg := told[f.users["member"].Email].Message
	msg.CreatedAt = time.Date(2023, 10, 16, 9, 0, 0, 0, time.UTC)
	for _, opts := range []mailtest.Options{
		{Security: "starttls", Username: "minutebook", Password: "s3cret pass"},
		{Security: "tls", Username: "minutebook", Password: "s3cret"},
		{Security: "none"},
	} {
		t.Run(string(opts.Security), func(t *testing.T) {
			srv := mailtest.Start(t, opts)
			cfg, err := notify.ParseSMTPURL(srv.URL(), "minutebook <minutebook@example.org>")
			if err != nil {
				t.Fatal(err)
			}
			full := srv.Config(cfg.From)
			if cfg.Host != full.Host || cfg.Port != full.Port || cfg.Username != full.Username || cfg.Password != full.Password || cfg.Security != full.Security {
				t.Fatalf("ParseSMTPURL(%s) = %+v, want %+v", srv.URL(), cfg, full)
			}
			if err := notify.NewSMTP(full).Send(context.Background(), msg); err != nil {
				t.Fatal(err)
			}
			got := srv.Wait(t, 1, 10*time.Second)[0]
			if got.From != "minutebook@example.org" || !slices.Equal(got.To, []string{"kevin.donnelly@albion.example.org"}) {
				t.Errorf("envelope from %q to %v", got.From, got.To)
			}
			if bytes.Contains(got.Raw, []byte(secret)) {
				t.Errorf("the message carries %q, withheld from its reader", secret)
			}
			checkMessage(t, got.Raw, msg)
		})
	}
}

// checkMessage parses a received message and checks it against what was
// composed.
func checkMessage(t *testing.T, raw []byte, msg *mb.Message) {
	t.Helper()
	m, err := mailtest.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	h := m.Header
	for name, want := range map[string]string{
		"From":                  `"minutebook" <minutebook@example.org>`,
		"To":                    `"Kevin Donnelly" <kevin.donnelly@albion.example.org>`,
		"Message-Id":            msg.HeaderID,
		"List-Unsubscribe":      "<" + msg.Unsubscribe + ">",
		"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		"Auto-Submitted":        "auto-generated",
		"Date":                  "Mon, 16 Oct 2023 09:00:00 +0000",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("header %s: %q, want %q", name, got, want)
		}
	}
	if m.Subject != msg.Subject {
		t.Errorf("subject %q, want %q", m.Subject, msg.Subject)
	}
	if strings.TrimSpace(m.Text) != strings.TrimSpace(msg.Text) || strings.TrimSpace(m.HTML) != strings.TrimSpace(msg.HTML) {
		t.Errorf("the parts arrived changed:\n%s\n---\n%s", m.Text, m.HTML)
	}
	html, text := m.HTMLLinks(), m.TextLinks()
	slices.Sort(html)
	slices.Sort(text)
	if !slices.Equal(slices.Compact(html), slices.Compact(text)) {
		t.Errorf("the parts link to different places:\nHTML %v\ntext %v", html, text)
	}
	for _, want := range []string{base + "/committees/OPSG/meetings/110", base + "/account#notices", msg.Unsubscribe} {
		if !slices.Contains(html, want) {
			t.Errorf("the message does not link to %s: %v", want, html)
		}
	}
}

// A mail server's URL: the schemes and their ports, and refusals.
func TestParseSMTPURL(t *testing.T) {
	from := "minutebook@example.org"
	for _, c := range []struct {
		url, want string
	}{
		{"smtp://user:p%40ss@mail.example.org", "user@mail.example.org:587 (starttls)"},
		{"smtp://mail.example.org:2525", "mail.example.org:2525 (starttls)"},
		{"smtps://user:pw@mail.example.org", "user@mail.example.org:465 (tls)"},
		{"smtp://127.0.0.1:1025?tls=none", "127.0.0.1:1025 (none)"},
	} {
		cfg, err := notify.ParseSMTPURL(c.url, from)
		if err != nil || cfg.String() != c.want {
			t.Errorf("%s: %v, %v; want %s", c.url, cfg, err, c.want)
		}
	}
	if cfg, _ := notify.ParseSMTPURL("smtp://user:p%40ss@mail.example.org", from); cfg.Password != "p@ss" {
		t.Errorf("password %q", cfg.Password)
	}
	for _, bad := range []string{"http://mail.example.org", "smtp://", "smtp://u:p@127.0.0.1?tls=none", "smtp://h?tls=maybe", "smtp://h:x"} {
		if _, err := notify.ParseSMTPURL(bad, from); err == nil {
			t.Errorf("%s was accepted", bad)
		}
	}
	if _, err := notify.ParseSMTPURL("smtp://h", "not an address"); err == nil {
		t.Error("a from that is no address was accepted")
	}
}

// An unsubscribe link names its person and kind, and is refused when
// changed or signed with another key.
func TestUnsubscribeToken(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	tok := notify.UnsubscribeToken(key, 42, mb.NoticeReminders)
	id, kind, err := notify.ParseUnsubscribeToken(key, tok)
	if err != nil || id != 42 || kind != mb.NoticeReminders {
		t.Fatalf("parsed %d %s %v", id, kind, err)
	}
	for _, bad := range []string{strings.Replace(tok, "42.", "43.", 1), strings.Replace(tok, "reminders", "minutes", 1), tok + "x", "42.reminders", ""} {
		if _, _, err := notify.ParseUnsubscribeToken(key, bad); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("%q: %v, want not found", bad, err)
		}
	}
	if _, _, err := notify.ParseUnsubscribeToken([]byte("another key of thirty-two bytes!"), tok); err == nil {
		t.Error("a token signed with another key was accepted")
	}
	// Unsubscribing from the digest also stops what went into it.
	got := notify.Unsubscribed(mb.Preferences{mb.NoticeMinutes: mb.InDigest, mb.NoticeReminders: mb.Immediately}, mb.NoticeSummary)
	if got[mb.NoticeSummary] != mb.Never || got[mb.NoticeMinutes] != mb.Never || got.For(mb.NoticeReminders) != mb.Immediately {
		t.Errorf("unsubscribed from the digest: %v", got)
	}
}
