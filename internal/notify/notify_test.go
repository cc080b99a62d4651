package notify_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

const base = "https://minutebook.example.org"

// fixture is the demo, with its accounts, and a composer for it.
type fixture struct {
	store    *postgres.Store
	composer *notify.Composer
	users    map[string]*mb.User // by demo key: "member", "chair", "secretariat", "panel-chair", "non-member"
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	store, err := postgres.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	if _, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	f := &fixture{store: store, users: map[string]*mb.User{},
		composer: &notify.Composer{Store: store, BaseURL: base, Clock: func() time.Time { return time.Date(2023, 10, 16, 9, 0, 0, 0, mb.Zone) }}}
	for key, email := range map[string]string{"member": "kevin.donnelly@albion.example.org", "chair": "dave.warner@example.org",
		"secretariat": "sarah.roebel@secas.example.org", "panel-chair": "pauline.hartley@example.org", "non-member": "rachel.allen@desnz.example.org"} {
		u, _, err := store.UserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		f.users[key] = u
	}
	return f
}

// as is a context acting as the demo user.
func (f *fixture) as(key string) context.Context {
	return mb.NewContextWithActor(context.Background(), f.users[key])
}

// pending returns the events recorded and not yet fanned out.
func (f *fixture) pending(t *testing.T) []*mb.NoticeEvent {
	t.Helper()
	ids, err := f.store.PendingNoticeEvents(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*mb.NoticeEvent
	for _, id := range ids {
		e, err := f.store.NoticeEvent(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// event composes the latest pending event of the kind, by recipient's email.
func (f *fixture) event(t *testing.T, kind mb.NoticeEventKind) (*mb.NoticeEvent, map[string]postgres.NewNotice) {
	t.Helper()
	events := f.pending(t)
	slices.Reverse(events)
	for _, e := range events {
		if e.Kind != kind {
			continue
		}
		notices, err := f.composer.Event(context.Background(), e)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]postgres.NewNotice{}
		for _, n := range notices {
			for _, u := range f.users {
				if u.ID == n.UserID {
					out[u.Email] = n
				}
			}
		}
		return e, out
	}
	t.Fatalf("no pending %s event", kind)
	return nil, nil
}

// redMeeting drafts OPSG 110 with an open item and a RED item whose title
// and minute carry secret, records the chair (not the member) present, and
// circulates it for comment by the day given.
func (f *fixture) redMeeting(t *testing.T, secret string, due time.Time) *mb.Meeting {
	t.Helper()
	ctx := f.as("secretariat")
	opsg, err := f.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	m := &mb.Meeting{CommitteeID: opsg.ID, Number: 110, Kind: mb.MainMeeting, Date: time.Date(2023, 10, 12, 0, 0, 0, 0, time.UTC),
		Venue: "Teleconference", Classification: mb.Amber}
	if err := f.store.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	for _, it := range []*mb.Item{
		{MeetingID: m.ID, Title: "Operational Performance", Minute: "The DCC presented the operational performance report."},
		{MeetingID: m.ID, Title: "Security incident " + secret, Minute: "The minute of " + secret + ".", Classification: mb.Red},
	} {
		if err := f.store.CreateItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	fresh, err := f.store.Meeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.SaveAttendance(ctx, m.ID, fresh.AttendanceVersion, []mb.Attendee{
		{PersonID: f.users["chair"].PersonID, Status: mb.Present, Category: "Operations Group Chair"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := f.store.CirculateUntil(ctx, m.ID, &due); err != nil {
		t.Fatal(err)
	}
	return m
}

// mustContain checks that s holds each of wants, whatever the wrapping of
// lines in between their words.
func mustContain(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(s), " ")
	for _, w := range wants {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("%s lacks %q:\n%s", what, w, s)
		}
	}
}

func mustNotContain(t *testing.T, what, s string, unwanted ...string) {
	t.Helper()
	flat := strings.Join(strings.Fields(s), " ")
	for _, w := range unwanted {
		if strings.Contains(s, w) || strings.Contains(flat, w) {
			t.Errorf("%s carries %q, which its reader may not read:\n%s", what, w, s)
		}
	}
}
