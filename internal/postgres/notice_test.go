package postgres_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// A change people are told of records its event in its own transaction,
// and calls the hook there; a quiet context records none; an event is
// fanned out once, however often that is asked for.
func TestNoticeEvents(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	user, err := s.CreateUser(ctx, postgres.NewUser{Email: "u@example.org", Name: "U", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	var hooked []int64
	s.OnNotice(func(ctx context.Context, tx pgx.Tx, id int64) error {
		// The event is visible within the change's transaction.
		var kind string
		if err := tx.QueryRow(ctx, `SELECT kind FROM notice_events WHERE id = $1`, id).Scan(&kind); err != nil {
			return err
		}
		hooked = append(hooked, id)
		return nil
	})
	if err := s.Circulate(mb.WithNotices(ctx, false), f.m105.ID); err != nil {
		t.Fatal(err)
	}
	due := time.Date(2023, 11, 28, 0, 0, 0, 0, time.UTC)
	if err := s.CirculateUntil(ctx, f.m106.ID, &due); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingNoticeEvents(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || len(hooked) != 1 || hooked[0] != pending[0] {
		t.Fatalf("pending %v, hooked %v: want the circulation of 106 alone", pending, hooked)
	}
	e, err := s.NoticeEvent(ctx, pending[0])
	if err != nil || e.Kind != mb.EventCirculated || *e.MeetingID != f.m106.ID {
		t.Fatalf("event %+v, %v", e, err)
	}
	if m, _ := s.Meeting(ctx, f.m106.ID); m.CommentsDue == nil || !m.CommentsDue.Equal(due) {
		t.Errorf("comments due %v", m.CommentsDue)
	}
	msg := &mb.Message{UserID: &user.ID, Kind: mb.NoticeMinutes, ToAddress: user.Email, Subject: "S", Text: "T", HTML: "H", HeaderID: "<1@test>"}
	notices := []postgres.NewNotice{{UserID: user.ID, Kind: mb.NoticeMinutes, Delivery: mb.Immediately, EventID: &e.ID, Message: msg}}
	var queued []int64
	queue := func(_ context.Context, _ pgx.Tx, ids []int64) error { queued = append(queued, ids...); return nil }
	if done, err := s.FanOut(ctx, e.ID, notices, queue); err != nil || !done {
		t.Fatalf("fan out: %v %v", done, err)
	}
	again := []postgres.NewNotice{{UserID: user.ID, Kind: mb.NoticeMinutes, Delivery: mb.Immediately, EventID: &e.ID,
		Message: &mb.Message{UserID: &user.ID, Kind: mb.NoticeMinutes, ToAddress: user.Email, Subject: "S", Text: "T", HTML: "H", HeaderID: "<2@test>"}}}
	if done, err := s.FanOut(ctx, e.ID, again, queue); err != nil || done {
		t.Errorf("a second fan-out: %v %v", done, err)
	}
	list, total, err := s.Messages(ctx, postgres.MessageFilter{})
	if err != nil || total != 1 || list[0].Status != mb.MessageQueued || len(queued) != 1 || queued[0] != list[0].ID {
		t.Errorf("outbox %+v (%d, %v), queued %v", list, total, err, queued)
	}
	if pending, _ := s.PendingNoticeEvents(ctx, time.Time{}); len(pending) != 0 {
		t.Errorf("still pending: %v", pending)
	}
	// Only a failed message is retried.
	if err := s.RetryMessage(ctx, list[0].ID, queue); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Errorf("retry a queued message: %v", err)
	}
	if err := s.MessageAttemptFailed(ctx, list[0].ID, 3, "451 later", true); err != nil {
		t.Fatal(err)
	}
	if err := s.RetryMessage(ctx, list[0].ID, queue); err != nil || len(queued) != 2 {
		t.Errorf("retry a failed message: %v, queued %v", err, queued)
	}
	if err := s.MessageSent(ctx, list[0].ID, 4); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Message(ctx, list[0].ID); m.Status != mb.MessageSent || m.Attempts != 4 || m.LastError != "" || m.SentAt == nil {
		t.Errorf("sent: %+v", m)
	}
}

// The key of unsubscribe links is made once and kept.
func TestNoticeKey(t *testing.T) {
	s := mustOpen(t)
	k1, err := s.NoticeKey(context.Background())
	if err != nil || len(k1) != 32 {
		t.Fatalf("key %x, %v", k1, err)
	}
	if k2, _ := s.NoticeKey(context.Background()); !bytes.Equal(k1, k2) {
		t.Error("the key changed")
	}
}

// Choices are saved and audited; one a kind does not offer is refused.
func TestPreferences(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, postgres.NewUser{Email: "p@example.org", Name: "P", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPreferences(ctx, u.ID, mb.Preferences{mb.NoticeMinutes: mb.Never, mb.NoticeSummary: mb.InDigest}, "Chose"); err != nil {
		t.Fatal(err)
	}
	p, err := s.Preferences(ctx, u.ID)
	if err != nil || p.For(mb.NoticeMinutes) != mb.Never || p.For(mb.NoticeSummary) != mb.InDigest {
		t.Errorf("preferences %v, %v", p, err)
	}
	log, err := s.AuditLog(ctx, mb.AuditFilter{Entity: "user"})
	if err != nil || len(log) == 0 || log[0].Summary != "Chose: Minutes circulated for comment, and published: At once → Never" {
		t.Errorf("audit %+v, %v", log, err)
	}
	if err := s.SetPreferences(ctx, u.ID, mb.Preferences{mb.NoticeSummary: mb.Immediately}, "Chose"); mb.ErrorCode(err) != mb.EINVALID {
		t.Errorf("an immediate digest: %v", err)
	}
}
