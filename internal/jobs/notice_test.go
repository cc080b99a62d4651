package jobs_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/jobs"
	"github.com/minutebook/minutebook/internal/mailtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

// retrySoon retries a failed job a moment later, where River would wait
// seconds, then minutes.
type retrySoon struct{}

func (retrySoon) NextRetry(*rivertype.JobRow) time.Time {
	return time.Now().Add(100 * time.Millisecond)
}

// startMailRunner starts a server's job runner sending through the SMTP
// server, trying each message three times.
func startMailRunner(t *testing.T, url string, store *postgres.Store, id string, smtp *mailtest.Server) *jobs.Runner {
	t.Helper()
	composer := &notify.Composer{Store: store, BaseURL: "https://minutebook.example.org"}
	return runWith(t, jobs.Config{
		Deps:        jobs.Deps{Store: store, Logger: quiet, Composer: composer, Sender: notify.NewSMTP(smtp.Config("minutebook <minutebook@example.org>"))},
		DatabaseURL: url, ID: id, MailAttempts: 3, RetryPolicy: retrySoon{},
	})
}

// settled waits until the queue has no job left to work and no message is
// queued, and returns the outbox by status.
func settled(t *testing.T, store *postgres.Store, within time.Duration) map[mb.MessageStatus][]*mb.Message {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		all, _, err := store.Messages(t.Context(), postgres.MessageFilter{})
		if err != nil {
			t.Fatal(err)
		}
		depth, err := store.QueueDepth(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		by := map[mb.MessageStatus][]*mb.Message{}
		for _, m := range all {
			by[m.Status] = append(by[m.Status], m)
		}
		if len(all) > 0 && len(by[mb.MessageQueued]) == 0 && len(depth) == 0 {
			return by
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %s: %d messages, %d still queued; jobs %v", within, len(all), len(by[mb.MessageQueued]), depth)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Two servers on one database share the queue: the demo's pending notices
// (found by the sweep at start), the day's reminders and the week's
// digests are each composed once, and every message is sent once. Then
// the mail server refuses: each new message is tried three times and shown
// as failed, with the server's reply; a permanent refusal is not tried
// again; an administrator's retry sends it.
func TestTwoServersDeliverOnceAndShowFailures(t *testing.T) {
	url := dbtest.URL(t)
	a, b := openStore(t, url), openStore(t, url)
	if _, err := demo.Load(t.Context(), a, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	smtp := mailtest.Start(t, mailtest.Options{Security: "starttls", Username: "mb", Password: "pw"})
	runner := startMailRunner(t, url, a, "server-a", smtp)
	startMailRunner(t, url, b, "server-b", smtp)

	by := settled(t, a, 60*time.Second)
	sent := by[mb.MessageSent]
	if len(sent) == 0 || len(by[mb.MessageFailed]) > 0 || len(by[mb.MessageKept]) > 0 {
		t.Fatalf("outbox: %d sent, %d failed, %d kept", len(sent), len(by[mb.MessageFailed]), len(by[mb.MessageKept]))
	}
	received := smtp.Wait(t, len(sent), 10*time.Second)
	ids := map[string]int{}
	for _, r := range received {
		m, err := mailtest.Parse(r.Raw)
		if err != nil {
			t.Fatal(err)
		}
		ids[m.Header.Get("Message-Id")]++
	}
	for _, m := range sent {
		if ids[m.HeaderID] != 1 {
			t.Errorf("%q (to %s) arrived %d times", m.Subject, m.ToAddress, ids[m.HeaderID])
		}
	}
	if len(received) != len(sent) {
		t.Errorf("%d messages arrived for %d sent", len(received), len(sent))
	}
	kinds := map[mb.NoticeKind]int{}
	for _, m := range sent {
		kinds[m.Kind]++
	}
	for _, k := range []mb.NoticeKind{mb.NoticeMinutes, mb.NoticeComments, mb.NoticeReminders, mb.NoticeSummary} {
		if kinds[k] == 0 {
			t.Errorf("no %s message among %v", k, kinds)
		}
	}

	// The mail server refuses for now. Circulating OPSG 106 tells its
	// members at once, through the job the store's hook inserted.
	smtp.Refuse(mailtest.Always(451))
	before := smtp.Attempts()
	ctx := secretariat(t, a)
	m := draftOf(t, a, "OPSG", 106)
	if err := a.CirculateUntil(ctx, m.ID, nil); err != nil {
		t.Fatal(err)
	}
	by = settled(t, a, 60*time.Second)
	failed := by[mb.MessageFailed]
	if len(failed) == 0 {
		t.Fatal("no message failed while the server refused")
	}
	for _, f := range failed {
		if f.Attempts != 3 || !strings.Contains(f.LastError, "451") || f.FailedAt == nil {
			t.Errorf("failed %q: %d attempts, %q", f.Subject, f.Attempts, f.LastError)
		}
	}
	if got := smtp.Attempts() - before; got != 3*len(failed) {
		t.Errorf("%d attempts for %d messages tried three times", got, len(failed))
	}

	// A permanent refusal is final at once.
	smtp.Refuse(mailtest.Always(550))
	retryAll(t, a, runner, failed)
	by = settled(t, a, 60*time.Second)
	for _, f := range by[mb.MessageFailed] {
		if f.Attempts != 1 || !strings.Contains(f.LastError, "550") {
			t.Errorf("refused for good %q: %d attempts, %q", f.Subject, f.Attempts, f.LastError)
		}
	}

	// Accepted again, a retry sends it, once.
	smtp.Refuse(nil)
	n := len(smtp.Received())
	retryAll(t, a, runner, by[mb.MessageFailed])
	by = settled(t, a, 60*time.Second)
	if len(by[mb.MessageFailed]) != 0 {
		t.Errorf("%d messages still failed after the retry", len(by[mb.MessageFailed]))
	}
	smtp.Wait(t, n+len(failed), 10*time.Second)
	time.Sleep(500 * time.Millisecond)
	if got := len(smtp.Received()) - n; got != len(failed) {
		t.Errorf("%d messages arrived for %d retried", got, len(failed))
	}
}

func retryAll(t *testing.T, store *postgres.Store, runner *jobs.Runner, list []*mb.Message) {
	t.Helper()
	for _, m := range list {
		if err := store.RetryMessage(t.Context(), m.ID, runner.Queue()); err != nil {
			t.Fatal(err)
		}
	}
}

func secretariat(t *testing.T, store *postgres.Store) context.Context {
	t.Helper()
	u, _, err := store.UserByEmail(t.Context(), "sarah.roebel@secas.example.org")
	if err != nil {
		t.Fatal(err)
	}
	return mb.NewContextWithActor(t.Context(), u)
}

func draftOf(t *testing.T, store *postgres.Store, code string, number int) *mb.Meeting {
	t.Helper()
	m, err := store.MeetingByNumber(t.Context(), code, number)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != mb.Draft {
		t.Fatalf("%s is %s, not a draft", m.ShortName(), m.Status)
	}
	return m
}

var _ river.ClientRetryPolicy = retrySoon{}

// What is sent passes the reading rule at sending time: messages of a
// circulation that failed while the server refused, retried after the
// minutes were made RED, are composed again; those to members not recorded
// at the meeting are withdrawn and never arrive, the others are sent.
func TestDeliveryWithdrawsWhatIsNoLongerReadable(t *testing.T) {
	url := dbtest.URL(t)
	store := openStore(t, url)
	if _, err := demo.Load(t.Context(), store, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	smtp := mailtest.Start(t, mailtest.Options{Security: "starttls", Username: "mb", Password: "pw"})
	runner := startMailRunner(t, url, store, "server-a", smtp)
	settled(t, store, 60*time.Second)

	smtp.Refuse(mailtest.Always(451))
	m := draftOf(t, store, "OPSG", 106)
	if err := store.CirculateUntil(secretariat(t, store), m.ID, nil); err != nil {
		t.Fatal(err)
	}
	failed := settled(t, store, 60*time.Second)[mb.MessageFailed]
	if len(failed) == 0 {
		t.Fatal("no message failed while the server refused")
	}
	if _, err := store.Pool().Exec(t.Context(), `UPDATE meetings SET classification = 'RED' WHERE id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	smtp.Refuse(nil)
	n := len(smtp.Received())
	retryAll(t, store, runner, failed)
	by := settled(t, store, 60*time.Second)
	withdrawn := map[int64]bool{}
	for _, w := range by[mb.MessageWithdrawn] {
		withdrawn[w.ID] = true
	}
	sent := 0
	for _, f := range failed {
		recorded, err := store.Recorded(t.Context(), userPerson(t, store, *f.UserID), m.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case !recorded && !withdrawn[f.ID]:
			t.Errorf("%q to %s, not recorded at RED %s, was not withdrawn", f.Subject, f.ToAddress, m.ShortName())
		case recorded && withdrawn[f.ID]:
			t.Errorf("%q to %s, recorded at %s, was withdrawn", f.Subject, f.ToAddress, m.ShortName())
		case recorded:
			sent++
		}
	}
	if len(withdrawn) == 0 {
		t.Error("no message was withdrawn: the test decides nothing")
	}
	time.Sleep(500 * time.Millisecond)
	if got := len(smtp.Received()) - n; got != sent {
		t.Errorf("%d messages arrived; want %d, those to people recorded at the meeting", got, sent)
	}
}

func userPerson(t *testing.T, store *postgres.Store, userID int64) int64 {
	t.Helper()
	u, err := store.User(t.Context(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return u.PersonID
}
