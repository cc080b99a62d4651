package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// minutesBuilder writes meetings, items and actions of the demo's OPSG
// through the store, as its secretariat would, for tests of who may read
// them.
type minutesBuilder struct {
	t     testing.TB
	a     *app
	ctx   context.Context
	opsg  *mb.Committee
	owner int64
}

func newMinutesBuilder(t testing.TB, a *app) *minutesBuilder {
	t.Helper()
	ctx := context.Background()
	sec, _, err := a.store.UserByEmail(ctx, a.emails["secretariat"])
	if err != nil {
		t.Fatal(err)
	}
	opsg, err := a.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	dcc, err := a.store.EnsureOrganisation(ctx, "DCC")
	if err != nil {
		t.Fatal(err)
	}
	return &minutesBuilder{t: t, a: a, ctx: mb.NewContextWithActor(ctx, sec), opsg: opsg, owner: dcc.ID}
}

// meeting adds a draft meeting of OPSG at the level on the day.
func (b *minutesBuilder) meeting(number int, day time.Time, level mb.Classification) *mb.Meeting {
	b.t.Helper()
	m := &mb.Meeting{CommitteeID: b.opsg.ID, Number: number, Kind: mb.MainMeeting, Date: day, Venue: "London", Classification: level, Status: mb.Draft}
	if err := b.a.store.CreateMeeting(b.ctx, m); err != nil {
		b.t.Fatal(err)
	}
	m.CommitteeCode = b.opsg.Code
	return m
}

// item adds an item (beneath parent when given) at the level (0: as the document).
func (b *minutesBuilder) item(m *mb.Meeting, parent *mb.Item, title string, level mb.Classification) *mb.Item {
	b.t.Helper()
	it := &mb.Item{MeetingID: m.ID, Title: title, Minute: "The minute of " + title + ".", Classification: level}
	if parent != nil {
		it.ParentID = &parent.ID
	}
	if err := b.a.store.CreateItem(b.ctx, it); err != nil {
		b.t.Fatal(err)
	}
	return it
}

// action raises an action in the item with the text, due on target.
func (b *minutesBuilder) action(it *mb.Item, text string, target time.Time) *mb.Action {
	b.t.Helper()
	a := &mb.Action{ItemID: &it.ID, Text: text, OwnerID: b.owner, TargetDate: &target}
	if err := b.a.store.RaiseAction(b.ctx, a); err != nil {
		b.t.Fatal(err)
	}
	return a
}

// earlier enters an action raised at a meeting not kept here.
func (b *minutesBuilder) earlier(number int, raised time.Time, text string, target time.Time) *mb.Action {
	b.t.Helper()
	a := &mb.Action{CommitteeID: b.opsg.ID, MeetingNumber: number, Sequence: 1, RaisedOn: raised, Text: text, OwnerID: b.owner, TargetDate: &target}
	if err := b.a.store.RecordEarlierAction(b.ctx, a); err != nil {
		b.t.Fatal(err)
	}
	return a
}

func (b *minutesBuilder) circulate(m *mb.Meeting) {
	b.t.Helper()
	if err := b.a.store.Circulate(b.ctx, m.ID); err != nil {
		b.t.Fatal(err)
	}
}

// publish circulates the minutes, approves them at the later meeting and publishes them.
func (b *minutesBuilder) publish(m, approvedAt *mb.Meeting) {
	b.t.Helper()
	b.circulate(m)
	if err := b.a.store.Approve(b.ctx, postgres.Approval{MeetingID: m.ID, ApprovedAt: approvedAt.ID}); err != nil {
		b.t.Fatal(err)
	}
	if err := b.a.store.Publish(b.ctx, m.ID); err != nil {
		b.t.Fatal(err)
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// restore writes with the database's triggers off, as a restore would
// (approved minutes refuse changes otherwise), and then sets again what the
// triggers derive, as after a restore (postgres.Store.RefreshDerived).
func (a *app) restore(t testing.TB, write func(tx pgx.Tx) error) {
	t.Helper()
	ctx := context.Background()
	tx, err := a.store.Pool().Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SET LOCAL session_replication_role = replica`); err != nil {
		t.Fatal(err)
	}
	if err := write(tx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.store.RefreshDerived(ctx); err != nil {
		t.Fatal(err)
	}
}
