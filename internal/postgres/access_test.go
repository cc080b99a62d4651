package postgres_test

import (
	"context"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
	"github.com/minutebook/minutebook/migrations"
)

// The migration that adds the reading rule's facts fills them from the rows
// already there: the small data set, its facts taken away by reverting the
// migrations since 0010 and then filled again by applying them, reads as the
// domain works the facts out (mb.Meeting.Access, Minutes.SetAccess,
// mb.EarlierAccess).
func TestAccessFactsFilledByMigration(t *testing.T) {
	ctx := context.Background()
	url := dbtest.URL(t)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hash, err := password.Hash("correct horse battery staple", password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scaledemo.Load(ctx, s, scaledemo.Options{Size: scaledemo.Small, Seed: 3, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	// The migrations after 0010, counted (their numbers may leave gaps).
	ups, err := fs.Glob(migrations.FS, "*.up.sql")
	if err != nil {
		t.Fatal(err)
	}
	since := 0
	for _, name := range ups {
		if n, err := strconv.Atoi(name[:strings.IndexByte(name, '_')]); err == nil && n > 10 {
			since++
		}
	}
	if err := postgres.MigrateDown(url, since); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM information_schema.columns WHERE column_name = 'access_level'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("reverted to 0010, %d tables still have access facts (%v)", n, err)
	}
	if err := postgres.Migrate(url); err != nil {
		t.Fatal(err)
	}
	checkAccessFacts(t, s)
}

// The scale loader writes the facts with every row itself.
func TestAccessFactsLoaded(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	hash, err := password.Hash("correct horse battery staple", password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scaledemo.Load(ctx, s, scaledemo.Options{Size: scaledemo.Small, Seed: 3, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	checkAccessFacts(t, s)
}

// checkAccessFacts compares every record's stored facts with the domain's
// working of them, and with their definition in SQL (the access_drift
// view); and what else the writes derive (the actions' slippage and codes,
// the register's summaries, the risks' trends) with its definition (the
// derived_drift view).
func checkAccessFacts(t *testing.T, s *postgres.Store) {
	t.Helper()
	ctx := context.Background()
	var drift, missing int
	if err := s.Pool().QueryRow(ctx, `SELECT count(*) FROM access_drift`).Scan(&drift); err != nil {
		t.Fatal(err)
	}
	if drift != 0 {
		t.Errorf("%d records' facts differ from their definition", drift)
	}
	rows, err := s.Pool().Query(ctx, `SELECT what, key FROM derived_drift LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var what, key string
		if err := rows.Scan(&what, &key); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s %s differs from its definition", what, key)
	}
	rows.Close()
	if err := s.Pool().QueryRow(ctx, `SELECT
		(SELECT count(*) FROM agenda_items WHERE access_level IS NULL) + (SELECT count(*) FROM decisions WHERE access_level IS NULL) +
		(SELECT count(*) FROM actions WHERE access_level IS NULL) + (SELECT count(*) FROM action_events WHERE access_level IS NULL) +
		(SELECT count(*) FROM minutes_comments WHERE access_level IS NULL)`).Scan(&missing); err != nil {
		t.Fatal(err)
	}
	if missing != 0 {
		t.Errorf("%d records have no facts", missing)
	}
	meetings, err := s.Meetings(ctx, mb.MeetingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]*mb.Meeting{}
	items := map[int64]mb.Access{}
	checked := map[string]int{}
	for _, m := range meetings {
		byID[m.ID] = m
		doc, err := s.Minutes(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		stored := map[int64]mb.Access{}
		doc.Walk(func(it *mb.Item) { stored[it.ID] = it.Access })
		doc.SetAccess(m.Access())
		doc.Walk(func(it *mb.Item) {
			items[it.ID] = it.Access
			checked["items"]++
			if stored[it.ID] != it.Access {
				t.Errorf("item %d of %s: stored %+v, the domain says %+v", it.ID, m.ShortName(), stored[it.ID], it.Access)
			}
		})
	}
	type record struct {
		id, committee   int64
		item, meeting   *int64
		access          mb.Access
		stage           string
		level           int16
		accessMeeting   *int64
		accessCommittee int64
	}
	read := func(sql string) []record {
		rows, err := s.Pool().Query(ctx, sql)
		if err != nil {
			t.Fatal(err)
		}
		list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (record, error) {
			var x record
			err := r.Scan(&x.id, &x.committee, &x.item, &x.meeting, &x.accessCommittee, &x.accessMeeting, &x.stage, &x.level)
			x.access = postgres.AccessOf(x.accessCommittee, x.accessMeeting, x.stage, x.level)
			return x, err
		})
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	// want is the domain's facts of a record in the item, or else raised or
	// recorded at the meeting, or else from the committee's earlier history.
	want := func(x record) mb.Access {
		switch {
		case x.item != nil:
			return items[*x.item]
		case x.meeting != nil:
			return byID[*x.meeting].Access()
		}
		return mb.EarlierAccess(x.committee)
	}
	for name, sql := range map[string]string{
		"decisions": `SELECT d.id, 0, d.item_id, NULL::bigint, d.access_committee, d.access_meeting, d.access_stage, d.access_level FROM decisions d`,
		"actions": `SELECT a.id, a.committee_id, a.item_id, a.raised_meeting_id, a.access_committee, a.access_meeting, a.access_stage, a.access_level
			FROM actions a`,
		"action events": `SELECT e.id, a.committee_id, NULL::bigint, e.meeting_id, e.access_committee, e.access_meeting, e.access_stage, e.access_level
			FROM action_events e JOIN actions a ON a.id = e.action_id`,
		"comments": `SELECT c.id, 0, c.item_id, c.meeting_id, c.access_committee, c.access_meeting, c.access_stage, c.access_level FROM minutes_comments c`,
	} {
		for _, x := range read(sql) {
			checked[name]++
			if w := want(x); x.access != w {
				t.Errorf("%s %d: stored %+v, the domain says %+v", name, x.id, x.access, w)
			}
		}
	}
	t.Logf("checked %v", checked)
	for _, name := range []string{"items", "decisions", "actions", "action events", "comments"} {
		if checked[name] == 0 {
			t.Errorf("no %s to check", name)
		}
	}
}

// Every write that moves a record's facts moves them in its own statement:
// the demo's load (minutes written, circulated, approved, published,
// imported, the register's history), then an item reclassified, nested
// and un-nested, a document reclassified, a comment, a change recorded,
// an action from earlier history, a correction and an item deleted.
func TestAccessFactsKeptOnWrite(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	if _, err := demo.Load(ctx, s, demo.Options{PasswordParams: password.Cheap, Password: "correct horse battery staple"}); err != nil {
		t.Fatal(err)
	}
	checkAccessFacts(t, s)
	sec, _, err := s.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		t.Fatal(err)
	}
	member, _, err := s.UserByEmail(ctx, "kevin.donnelly@albion.example.org")
	if err != nil {
		t.Fatal(err)
	}
	ctx = mb.NewContextWithActor(ctx, sec)
	opsg, err := s.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	dcc, err := s.EnsureOrganisation(ctx, "DCC")
	if err != nil {
		t.Fatal(err)
	}
	must := func(step string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		checkAccessFacts(t, s)
		if t.Failed() {
			t.Fatalf("after %s", step)
		}
	}
	m := &mb.Meeting{CommitteeID: opsg.ID, Number: 300, Kind: mb.MainMeeting, Date: day(2024, 3, 1), Classification: mb.Clear, Status: mb.Draft}
	must("create a meeting", s.CreateMeeting(ctx, m))
	later := &mb.Meeting{CommitteeID: opsg.ID, Number: 301, Kind: mb.MainMeeting, Date: day(2024, 4, 1), Classification: mb.Clear, Status: mb.Draft}
	must("create a later meeting", s.CreateMeeting(ctx, later))
	top := &mb.Item{MeetingID: m.ID, Title: "Business"}
	must("add an item", s.CreateItem(ctx, top))
	sub := &mb.Item{MeetingID: m.ID, ParentID: &top.ID, Title: "Sub-business"}
	must("add a sub-item", s.CreateItem(ctx, sub))
	other := &mb.Item{MeetingID: m.ID, Title: "Other business"}
	must("add another item", s.CreateItem(ctx, other))
	must("add a decision", s.CreateDecision(ctx, &mb.Decision{ItemID: sub.ID, Kind: "NOTED", Text: "the update"}))
	raised := &mb.Action{ItemID: &sub.ID, Text: "The DCC to report.", OwnerID: dcc.ID}
	must("raise an action", s.RaiseAction(ctx, raised))
	must("enter an earlier action", s.RecordEarlierAction(ctx, &mb.Action{CommitteeID: opsg.ID, MeetingNumber: 90, Sequence: 1,
		RaisedOn: day(2020, 1, 1), Text: "An earlier action.", OwnerID: dcc.ID}))

	top, _ = s.Item(ctx, top.ID)
	top.Classification = mb.Red
	must("classify the item RED", s.UpdateItem(ctx, top))
	if it, _ := s.Item(ctx, sub.ID); it.Access.Level != mb.Red {
		t.Errorf("the sub-item of a RED item is at %v", it.Access.Level)
	}
	must("un-nest the sub-item", s.MoveItem(ctx, sub.ID, postgres.MoveOut))
	if it, _ := s.Item(ctx, sub.ID); it.Access.Level != mb.Clear {
		t.Errorf("the item taken out of a RED item is at %v", it.Access.Level)
	}
	must("nest it again", s.MoveItem(ctx, sub.ID, postgres.MoveIn))
	m, _ = s.Meeting(ctx, m.ID)
	m.Classification = mb.Amber
	must("classify the document AMBER", s.UpdateMeeting(ctx, m))
	must("circulate", s.Circulate(ctx, m.ID))
	must("comment", s.AddComment(mb.NewContextWithActor(ctx, member), &mb.Comment{MeetingID: m.ID, ItemID: &other.ID, Body: "A comment."}))
	must("record an update", s.RecordActionChange(ctx, &mb.ActionChange{ActionID: raised.ID, Version: 1, Kind: mb.ActionEventUpdate, MeetingID: &later.ID, Note: "Under way."}))
	version := func(a *mb.Action) int {
		fresh, err := s.Action(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return fresh.Version
	}
	target := day(2024, 9, 1)
	must("revise a target", s.RecordActionChange(ctx, &mb.ActionChange{ActionID: raised.ID, Version: version(raised), Kind: mb.ActionEventRevised,
		MeetingID: &later.ID, NewTarget: &target, Note: "Later."}))
	must("close it", s.RecordActionChange(ctx, &mb.ActionChange{ActionID: raised.ID, Version: version(raised), Kind: mb.ActionEventClosed,
		MeetingID: &later.ID, Note: "Done."}))
	must("reopen it", s.RecordActionChange(ctx, &mb.ActionChange{ActionID: raised.ID, Version: version(raised), Kind: mb.ActionEventReopened,
		Note: "Not done after all."}))
	must("approve", s.Approve(ctx, postgres.Approval{MeetingID: m.ID, ApprovedAt: later.ID}))
	must("publish", s.Publish(ctx, m.ID))
	must("open a correction", s.OpenCorrection(ctx, m.ID, "The other item is GREEN."))
	other, _ = s.Item(ctx, other.ID)
	other.Classification = mb.Red
	must("reclassify in the correction", s.UpdateItem(ctx, other))
	must("finish the correction", s.FinishCorrection(ctx, m.ID))
	l := &mb.Item{MeetingID: later.ID, Title: "Gone soon"}
	must("add an item to delete", s.CreateItem(ctx, l))
	must("raise an action in it", s.RaiseAction(ctx, &mb.Action{ItemID: &l.ID, Text: "Soon without its item.", OwnerID: dcc.ID}))
	must("delete the item", s.DeleteItem(ctx, l.ID))
}
