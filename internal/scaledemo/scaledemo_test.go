package scaledemo_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/minutebook/minutebook/internal/dbtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

const testPassword = "correct horse battery staple"

// load loads the small data set into a fresh database and returns the
// store, a pool for inspecting the rows, and the result.
func load(t *testing.T, seed uint64) (*postgres.Store, *pgxpool.Pool, *scaledemo.Result) {
	t.Helper()
	ctx := context.Background()
	pool := dbtest.Pool(t)
	store := postgres.New(pool)
	hash, err := password.Hash(testPassword, password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scaledemo.Load(ctx, store, scaledemo.Options{Size: scaledemo.Small, Seed: seed, PasswordHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	return store, pool, res
}

// digest sums up the generated rows, so that two loads can be compared.
func digest(t *testing.T, pool *pgxpool.Pool) string {
	t.Helper()
	var d string
	err := pool.QueryRow(context.Background(), `SELECT md5(
		(SELECT string_agg(concat_ws('|', id, meeting_id, parent_id, position, title, minute, classification), E'\n' ORDER BY id) FROM agenda_items) ||
		(SELECT string_agg(concat_ws('|', id, item_id, kind, text), E'\n' ORDER BY id) FROM decisions) ||
		(SELECT string_agg(concat_ws('|', id, text, owner_organisation_id, current_target_date, status, closed_on), E'\n' ORDER BY id) FROM actions) ||
		(SELECT string_agg(concat_ws('|', action_id, meeting_id, kind, new_target, note), E'\n' ORDER BY id) FROM action_events) ||
		(SELECT string_agg(concat_ws('|', meeting_id, person_id, status), E'\n' ORDER BY meeting_id, person_id) FROM attendance) ||
		(SELECT string_agg(concat_ws('|', id, reference, date, classification, minutes_status), E'\n' ORDER BY id) FROM meetings))`).Scan(&d)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	store, pool, res := load(t, 1)

	t.Run("TheSameSeedGivesTheSameData", func(t *testing.T) {
		_, again, _ := load(t, 1)
		_, other, _ := load(t, 2)
		if got, want := digest(t, again), digest(t, pool); got != want {
			t.Error("two loads with seed 1 differ")
		}
		if digest(t, other) == digest(t, pool) {
			t.Error("seeds 1 and 2 gave the same data")
		}
	})

	t.Run("EveryTableHasRows", func(t *testing.T) {
		for _, table := range []string{"organisations", "people", "committees", "users", "committee_memberships", "meetings", "attendance", "agenda_items", "decisions", "actions", "action_events"} {
			if res.Rows(table) == 0 {
				t.Errorf("no rows in %s", table)
			}
		}
		if got := res.Rows("committees"); got != int64(scaledemo.Small.Parents+scaledemo.Small.Committees) {
			t.Errorf("%d committees, want %d", got, scaledemo.Small.Parents+scaledemo.Small.Committees)
		}
	})

	t.Run("MinutesInEveryLifecycleStateAndClassification", func(t *testing.T) {
		all, err := store.Meetings(ctx, mb.MeetingFilter{})
		if err != nil {
			t.Fatal(err)
		}
		statuses, classes := map[mb.MinutesStatus]int{}, map[mb.Classification]int{}
		for _, m := range all {
			statuses[m.Status]++
			classes[m.Classification]++
		}
		for _, s := range []mb.MinutesStatus{mb.Draft, mb.Circulated, mb.Approved, mb.Published} {
			if statuses[s] == 0 {
				t.Errorf("no minutes are %s", s)
			}
		}
		for _, c := range []mb.Classification{mb.Red, mb.Amber, mb.Green, mb.Clear} {
			if classes[c] == 0 {
				t.Errorf("no minutes are classified %s", c)
			}
		}
	})

	t.Run("ChronicActionsSlipAndStayOpen", func(t *testing.T) {
		var chronic, closedLate int
		err := pool.QueryRow(ctx, `SELECT
			count(*) FILTER (WHERE a.status = 'open' AND a.current_target_date < $1::date - 60 AND r.n >= 3),
			count(*) FILTER (WHERE a.status = 'closed' AND r.n >= 2)
			FROM actions a JOIN LATERAL (SELECT count(*) AS n FROM action_events e WHERE e.action_id = a.id AND e.kind = 'revised') r ON true`,
			scaledemo.DefaultToday).Scan(&chronic, &closedLate)
		if err != nil {
			t.Fatal(err)
		}
		if chronic == 0 || closedLate == 0 {
			t.Errorf("%d chronic actions (open two months past a target revised 3+ times) and %d closed after 2+ revisions; want some of each", chronic, closedLate)
		}
	})

	t.Run("TheDemoReadersSignInWithThePassword", func(t *testing.T) {
		keys := map[string]bool{}
		for _, a := range res.Accounts {
			keys[a.Key] = true
			u, hash, err := store.UserByEmail(ctx, a.Email)
			if err != nil {
				t.Fatalf("%s: %v", a.Email, err)
			}
			if ok, _ := password.Check(testPassword, hash); !ok {
				t.Errorf("%s: the shared password does not match", a.Email)
			}
			if a.Key == "admin" && !u.Admin {
				t.Errorf("%s is not an administrator", a.Email)
			}
		}
		for _, k := range []string{"admin", "secretariat", "chair", "member", "panel-chair", "non-member"} {
			if !keys[k] {
				t.Errorf("no %s account", k)
			}
		}
		member, _, _ := store.UserByEmail(ctx, "kevin.donnelly@albion.example.org")
		rd, err := store.Reader(ctx, member)
		if err != nil {
			t.Fatal(err)
		}
		opsg, _ := store.CommitteeByCode(ctx, "OPSG")
		panel, _ := store.CommitteeByCode(ctx, "PANEL")
		if !rd.Member(opsg.ID) || !rd.Member(panel.ID) {
			t.Error("Kevin Donnelly does not sit on the OPSG and the Panel")
		}
	})

	t.Run("TheAppCarriesOnAfterTheLoad", func(t *testing.T) {
		// The identity sequences moved past the loaded ids.
		opsg, err := store.CommitteeByCode(ctx, "OPSG")
		if err != nil {
			t.Fatal(err)
		}
		next, err := store.NextMeetingNumber(ctx, opsg.ID)
		if err != nil {
			t.Fatal(err)
		}
		m := &mb.Meeting{CommitteeID: opsg.ID, Number: next, Kind: mb.MainMeeting, Date: scaledemo.DefaultToday.AddDate(0, 3, 0), Classification: mb.Clear}
		if err := store.CreateMeeting(ctx, m); err != nil {
			t.Fatalf("create a meeting after the load: %v", err)
		}
		if _, err := store.CreateUser(ctx, postgres.NewUser{Email: "new.person@example.org", Name: "New Person", PasswordHash: "x"}); err != nil {
			t.Fatalf("create a user after the load: %v", err)
		}
	})

	t.Run("ApprovedMinutesNameTheirApprovalAndKeepVersions", func(t *testing.T) {
		opsg, _ := store.CommitteeByCode(ctx, "OPSG")
		list, err := store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &opsg.ID, Statuses: []mb.MinutesStatus{mb.Published}, Limit: 1})
		if err != nil || len(list) == 0 {
			t.Fatalf("no published OPSG meeting: %v", err)
		}
		doc, err := store.Minutes(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if doc.ApprovedBy == "" {
			t.Errorf("OPSG %d is published but names no approving meeting", list[0].Number)
		}
		versions, err := store.MinutesVersions(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(versions) != 3 || versions[2].Minutes.Meeting.Status != mb.Published || len(versions[2].Minutes.Items) == 0 {
			t.Errorf("OPSG %d has %d versions; want circulated, approved and published, each the whole document", list[0].Number, len(versions))
		}
		if res.Rows("minutes_comments") == 0 {
			t.Error("no comments on circulated drafts")
		}
	})

	t.Run("RefusesADatabaseWithData", func(t *testing.T) {
		_, err := scaledemo.Load(ctx, store, scaledemo.Options{Size: scaledemo.Small, Seed: 1, PasswordHash: "x"})
		if mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("second load: %v, want a conflict", err)
		}
	})

	t.Run("OutstandingActionsDeriveFromTheRegister", func(t *testing.T) {
		opsg, _ := store.CommitteeByCode(ctx, "OPSG")
		list, err := store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &opsg.ID, Statuses: []mb.MinutesStatus{mb.Published}, Limit: 1})
		if err != nil || len(list) == 0 {
			t.Fatalf("no published OPSG meeting: %v", err)
		}
		rows, err := store.ActionsOutstanding(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			t.Errorf("OPSG %d has no actions outstanding", list[0].Number)
		}
	})
}
