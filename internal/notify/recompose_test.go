package notify_test

import (
	"context"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// A message is composed again before it is sent, as its recipient may read
// then: unchanged while nothing moved; without the RED item once the chair
// is no longer recorded at the meeting; and nothing at all (withdrawn) for
// the member once the whole minutes are RED.
func TestMessagesComposedAgainAtSending(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const secret = "PLUGH-RECOMPOSED"
	m := f.redMeeting(t, secret, time.Date(2023, 10, 26, 0, 0, 0, 0, time.UTC))
	e, told := f.event(t, mb.EventCirculated)
	var notices []postgres.NewNotice
	for _, n := range told {
		notices = append(notices, n)
	}
	if _, err := f.store.FanOut(ctx, e.ID, notices, nil); err != nil {
		t.Fatal(err)
	}
	kept := func(key string) *mb.Message {
		t.Helper()
		id := f.users[key].ID
		list, _, err := f.store.Messages(ctx, postgres.MessageFilter{UserID: &id})
		if err != nil || len(list) == 0 {
			t.Fatalf("the %s's messages: %v, %v", key, list, err)
		}
		return list[0]
	}
	chair, member := kept("chair"), kept("member")

	same, err := f.composer.Recompose(ctx, chair)
	if err != nil {
		t.Fatal(err)
	}
	if same == nil || same.Text != chair.Text || same.HTML != chair.HTML || same.Subject != chair.Subject || same.HeaderID != chair.HeaderID {
		t.Errorf("composed again with nothing changed, the chair's message differs:\n%+v\n%+v", same, chair)
	}
	mustContain(t, "the chair's message", chair.Text, secret)

	fresh, err := f.store.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.SaveAttendance(f.as("secretariat"), m.ID, fresh.AttendanceVersion, nil); err != nil {
		t.Fatal(err)
	}
	again, err := f.composer.Recompose(ctx, chair)
	if err != nil {
		t.Fatal(err)
	}
	if again == nil {
		t.Fatal("the chair, a member still, is told nothing")
	}
	for _, body := range []string{again.Text, again.HTML} {
		mustNotContain(t, "the chair's message composed again", body, secret)
	}
	mustContain(t, "the chair's message composed again", again.Text, "Item 2 is classified RED and is not shown.", "1. Operational Performance")
	if again.HeaderID != chair.HeaderID || again.ID != chair.ID {
		t.Errorf("composed again, the message is another: %q %d, was %q %d", again.HeaderID, again.ID, chair.HeaderID, chair.ID)
	}

	if _, err := f.store.Pool().Exec(ctx, `UPDATE meetings SET classification = 'RED' WHERE id = $1`, m.ID); err != nil {
		t.Fatal(err)
	}
	gone, err := f.composer.Recompose(ctx, member)
	if err != nil {
		t.Fatal(err)
	}
	if gone != nil {
		t.Errorf("the member, not recorded at RED minutes, would be sent:\n%s", gone.Text)
	}
}
