package notify_test

import (
	"context"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The weekly digest carries what waited for it, composed again as its
// reader may read it, and the reader's own work; it is recorded once a
// week; someone with nothing to be told gets none.
func TestWeeklyDigest(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	member := f.users["member"]
	if err := f.store.SetPreferences(ctx, member.ID, mb.Preferences{mb.NoticeMinutes: mb.InDigest}, "test"); err != nil {
		t.Fatal(err)
	}
	const secret = "XYZZY-DIGEST"
	m := f.redMeeting(t, secret, time.Date(2023, 10, 26, 0, 0, 0, 0, time.UTC))
	f.raise(t, m, 0, "member", time.Date(2023, 10, 13, 0, 0, 0, 0, time.UTC))
	e, _ := f.event(t, mb.EventCirculated)
	notices, err := f.composer.Event(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.FanOut(ctx, e.ID, notices, nil); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2023, 10, 16, 0, 0, 0, 0, time.UTC)
	msg, ids, err := f.composer.Digest(ctx, member, day)
	if err != nil {
		t.Fatal(err)
	}
	if msg == nil || len(ids) != 1 {
		t.Fatalf("digest %v carrying %v: want a message carrying the circulation", msg, ids)
	}
	if msg.Kind != mb.NoticeSummary || !strings.HasPrefix(msg.Subject, "Your minutebook week of 16 October 2023: 1 overdue action, 3 drafts for comment") {
		t.Errorf("digest %q (%s)", msg.Subject, msg.Kind)
	}
	for part, body := range map[string]string{"text": msg.Text, "html": msg.HTML} {
		mustContain(t, "the digest's "+part, body, "Since your last digest", "OPSG 110: draft minutes for comment by 26 October 2023",
			"Open actions of yours and of Albion Energy", "OPSG 110/01", "Overdue since 13 October 2023",
			"Draft minutes awaiting your comments", "OPSG 104", "Comments by 24 October 2023",
			base+"/committees/OPSG/meetings/110", base+"/actions/OPSG/110/01", "Stop the weekly digest")
		mustNotContain(t, "the digest's "+part, body, secret)
	}
	week := mb.DigestWeek(day)
	if done, err := f.store.SaveDigest(ctx, member.ID, week, msg, ids, nil); err != nil || !done {
		t.Fatalf("save the digest: %v, %v", done, err)
	}
	if waiting, err := f.store.WaitingNotices(ctx, member.ID); err != nil || len(waiting) != 0 {
		t.Errorf("after the digest, %d notices still wait (%v)", len(waiting), err)
	}
	if done, err := f.store.SaveDigest(ctx, member.ID, week, msg, ids, nil); err != nil || done {
		t.Errorf("a second digest in one week was recorded: %v, %v", done, err)
	}
	recipients, err := f.store.DigestRecipients(ctx, week)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range recipients {
		if u.ID == member.ID {
			t.Error("the member is due a digest again this week")
		}
	}

	// The non-member chose never for the summary and has nothing waiting.
	other := f.users["non-member"]
	if err := f.store.SetPreferences(ctx, other.ID, mb.Preferences{mb.NoticeSummary: mb.Never}, "test"); err != nil {
		t.Fatal(err)
	}
	if msg, _, err := f.composer.Digest(ctx, other, day); err != nil || msg != nil {
		t.Errorf("a digest for someone with nothing to be told: %v, %v", msg, err)
	}
}
