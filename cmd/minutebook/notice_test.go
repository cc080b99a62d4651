package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/mailtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// demoStore is a database holding the demo, as a first start leaves it.
func demoStore(t *testing.T) (string, *postgres.Store) {
	t.Helper()
	url := dbtest.URL(t)
	store, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	if _, err := demo.Load(context.Background(), store, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	return url, store
}

// kinds counts the outbox's messages by kind once the server has composed
// the demo's: the circulation of OPSG 104 and its comment, reminders and
// digests.
func kinds(t *testing.T, store *postgres.Store, status mb.MessageStatus) map[mb.NoticeKind]int {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		list, _, err := store.Messages(context.Background(), postgres.MessageFilter{Status: status})
		if err != nil {
			t.Fatal(err)
		}
		out := map[mb.NoticeKind]int{}
		for _, m := range list {
			out[m.Kind]++
		}
		if out[mb.NoticeMinutes] > 0 && out[mb.NoticeComments] > 0 && out[mb.NoticeReminders] > 0 && out[mb.NoticeSummary] > 0 {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("after a minute the outbox holds %v %s messages", out, status)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// With no mail server, the first start says so, and the outbox keeps the
// demo's messages for administrators.
func TestServeKeepsMessagesWithoutAMailServer(t *testing.T) {
	url, store := demoStore(t)
	t.Setenv("DATABASE_URL", url)
	t.Setenv("MINUTEBOOK_SMTP_URL", "")
	cheapPasswords(t)
	s := startServe(t)
	if !strings.Contains(s.printed, "No MINUTEBOOK_SMTP_URL: messages are kept, not sent; administrators read them at http://127.0.0.1:") ||
		!strings.Contains(s.printed, "/admin/outbox") {
		t.Errorf("the start-up lines do not say where messages go:\n%s", s.printed)
	}
	got := kinds(t, store, mb.MessageKept)
	t.Logf("kept: %v", got)
	if !strings.Contains(s.logs.String(), "no mail server") {
		t.Errorf("the log does not say messages are kept:\n%s", s.logs.String())
	}
}

// With MINUTEBOOK_SMTP_URL the demo's messages go to the mail server, each
// with its links to MINUTEBOOK_BASE_URL.
func TestServeSendsThroughMINUTEBOOK_SMTP_URL(t *testing.T) {
	url, store := demoStore(t)
	smtp := mailtest.Start(t, mailtest.Options{Security: "none"})
	t.Setenv("DATABASE_URL", url)
	t.Setenv("MINUTEBOOK_SMTP_URL", smtp.URL())
	t.Setenv("MINUTEBOOK_MAIL_FROM", "OPSG minutebook <minutebook@secas.example.org>")
	t.Setenv("MINUTEBOOK_BASE_URL", "https://minutebook.example.org/")
	cheapPasswords(t)
	s := startServe(t)
	if strings.Contains(s.printed, "No MINUTEBOOK_SMTP_URL") {
		t.Errorf("says messages are kept although a mail server is set:\n%s", s.printed)
	}
	sent := kinds(t, store, mb.MessageSent)
	n := 0
	for _, c := range sent {
		n += c
	}
	for _, r := range smtp.Wait(t, n, 30*time.Second) {
		m, err := mailtest.Parse(r.Raw)
		if err != nil {
			t.Fatal(err)
		}
		if r.From != "minutebook@secas.example.org" || !strings.HasPrefix(m.Header.Get("List-Unsubscribe"), "<https://minutebook.example.org/unsubscribe/") {
			t.Errorf("from %q, List-Unsubscribe %q", r.From, m.Header.Get("List-Unsubscribe"))
		}
	}
}
