package postgres_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/samplefile"
)

func addAgendaItem(t *testing.T, s *postgres.Store, m *mb.Meeting, title string, e mb.AgendaEntry) *mb.Item {
	t.Helper()
	it := &mb.Item{MeetingID: m.ID, Title: title}
	if err := s.CreateAgendaItem(context.Background(), it, e); err != nil {
		t.Fatal(err)
	}
	return it
}

func addPaper(t *testing.T, s *postgres.Store, m *mb.Meeting, it *mb.Item, ref string, class mb.Classification) *mb.Paper {
	t.Helper()
	v, err := putPaper(t, s, ref+".pdf", bytes.NewReader(samplefile.PDF(ref)))
	if err != nil {
		t.Fatal(err)
	}
	p := &mb.Paper{MeetingID: m.ID, Title: "Paper " + ref, Reference: ref, Classification: class}
	if it != nil {
		p.ItemID = &it.ID
	}
	if err := s.CreatePaper(context.Background(), p, v); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAgendaPublishedThenRevised(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	m := f.m106
	start := mb.TimeOfDay{Hour: 10, Minute: 5}
	first := addAgendaItem(t, s, m, "Previous Meeting Minutes", mb.AgendaEntry{Purpose: mb.ForDecision, Start: &start, Duration: 10})
	second := addAgendaItem(t, s, m, "Performance Measurement Report", mb.AgendaEntry{Purpose: mb.ForInformation,
		Presenter: mb.Presenter{OrganisationID: &f.dcc.ID}, Duration: 20})
	paper := addPaper(t, s, m, second, "OPSG_106_02", mb.Clear)

	a, err := s.Agenda(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	if a.Published() || len(a.Items) != 2 || a.Items[1].Presenter.Label() != "DCC" || a.Items[1].Papers[0].Reference != "OPSG_106_02" {
		t.Fatalf("draft agenda: %+v", a)
	}
	if a.Items[0].TimeLabel() != "10:05 (10 min)" || a.Items[0].Purpose.Label() != "For decision" {
		t.Errorf("item 1 reads %q, %q", a.Items[0].TimeLabel(), a.Items[0].Purpose.Label())
	}
	// Changes to a draft are not revisions.
	if err := s.PublishAgenda(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.PublishAgenda(ctx, m.ID); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Errorf("publishing again: got %v, want a refusal", err)
	}

	// After publication: an item added, a paper replaced, an item changed.
	addAgendaItem(t, s, m, "Any Other Business", mb.AgendaEntry{Purpose: mb.ForDiscussion})
	v, err := putPaper(t, s, "OPSG_106_02 v2.pdf", bytes.NewReader(samplefile.PDF("v2")))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ReplacePaper(ctx, m.ID, paper.ID, paper.Version, v); err != nil {
		t.Fatal(err)
	}
	first.Title = "Minutes of OPSG 105"
	if err := s.UpdateAgendaItem(ctx, first, mb.AgendaEntry{Purpose: mb.ForDecision}); err != nil {
		t.Fatal(err)
	}
	// Writing the minute into the item is the minutes', not the agenda's.
	first.Minute = "The OPSG reviewed the minutes."
	if err := s.UpdateItem(ctx, first); err != nil {
		t.Fatal(err)
	}
	// A move renumbers: one revision for the whole move.
	if err := s.MoveItem(ctx, second.ID, postgres.MoveUp); err != nil {
		t.Fatal(err)
	}

	a, err = s.Agenda(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, r := range a.Revisions {
		got = append([][]string{r.Changes}, got...)
	}
	want := [][]string{{}, {"item 3 added"}, {"paper OPSG_106_02 replaced"}, {"item 1 changed"}, {"items renumbered"}}
	if len(got) != len(want) {
		t.Fatalf("revisions %q, want %q", got, want)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("revision %d: %q, want %q", i+1, got[i], want[i])
		}
	}
	if a.Revision != 5 || a.Revisions[0].Number != 5 {
		t.Errorf("latest revision %d", a.Revision)
	}
	sum := mb.AgendaRevision{Number: 2, At: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC), Changes: []string{"item 7 added", "paper 5 replaced"}}.Summary()
	if sum != "Agenda revised on 3 March 2026: item 7 added, paper 5 replaced" {
		t.Errorf("summary %q", sum)
	}

	// Deleting an item with its paper is one revision naming both.
	if err := s.DeleteItem(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	a, err = s.Agenda(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	if last := a.Revisions[0].Changes; !slices.Equal(last, []string{"item 1 removed", "items renumbered", "paper OPSG_106_02 removed"}) {
		t.Errorf("deleting item 1 with its paper: %q", last)
	}
}

func TestMoveItemToMeeting(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	planned := addAgendaItem(t, s, f.m105, "Smart Meter Installation Forecast", mb.AgendaEntry{Purpose: mb.ForDiscussion})
	sub := &mb.Item{MeetingID: f.m105.ID, ParentID: &planned.ID, Title: "Regional breakdown"}
	if err := s.CreateItem(ctx, sub); err != nil {
		t.Fatal(err)
	}
	addPaper(t, s, f.m105, sub, "OPSG_105_07", mb.Clear)
	addAgendaItem(t, s, f.m106, "Previous Meeting Minutes", mb.AgendaEntry{})

	if err := s.MoveItemToMeeting(ctx, planned.ID, f.m106.ID); err != nil {
		t.Fatal(err)
	}
	a, err := s.Agenda(ctx, f.m106)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Items) != 2 || a.Items[1].Item.ID != planned.ID || a.Items[1].Item.Number != "2" ||
		len(a.Items[1].Subs) != 1 || len(a.Items[1].Subs[0].Papers) != 1 {
		t.Fatalf("OPSG 106's agenda after the move: %+v", a.Items)
	}
	if left, _ := s.Agenda(ctx, f.m105); len(left.Items) != 1 || left.Items[0].Item.Number != "1" || len(left.AllPapers()) != 0 {
		t.Errorf("OPSG 105 kept %d items, %d papers", len(left.Items), len(left.AllPapers()))
	}

	// Not once the item is minuted, nor into or out of a published agenda.
	if err := s.CreateDecision(ctx, &mb.Decision{ItemID: planned.ID, Kind: "NOTED", Text: "the forecast"}); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveItemToMeeting(ctx, planned.ID, f.m105.ID); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Errorf("moving a minuted item: got %v", err)
	}
	other := addAgendaItem(t, s, f.m106, "Forward plan", mb.AgendaEntry{})
	if err := s.PublishAgenda(ctx, f.m105.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveItemToMeeting(ctx, other.ID, f.m105.ID); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Errorf("moving into a published agenda: got %v", err)
	}
}

func TestForwardPlanAndComingAgendas(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	addAgendaItem(t, s, f.m106, "Previous Meeting Minutes", mb.AgendaEntry{})
	plan, err := s.ForwardPlan(ctx, f.committee.ID, f.m106.Date, 10)
	if err != nil {
		t.Fatal(err)
	}
	// 105 is not yet minuted either: both are coming.
	if len(plan) != 2 || plan[1].Meeting.Number != 106 || len(plan[1].Agenda.Items) != 1 || plan[1].Agenda.Published() {
		t.Fatalf("forward plan on OPSG 106's day: %+v", plan)
	}
	// From a later day, 106 is still coming: its minutes are a draft after the last minuted meeting.
	later := f.m106.Date.AddDate(1, 0, 0)
	member := &mb.Reader{User: &mb.User{ID: 1, PersonID: 1}, Roles: map[int64][]mb.MemberRole{f.committee.ID: {mb.RoleMember}}}
	coming, err := s.ComingAgendas(ctx, member, []int64{f.committee.ID}, later, 5)
	if err != nil || len(coming) != 0 {
		t.Fatalf("coming agendas before publication: %v %+v", err, coming)
	}
	if err := s.PublishAgenda(ctx, f.m106.ID); err != nil {
		t.Fatal(err)
	}
	if coming, err = s.ComingAgendas(ctx, member, []int64{f.committee.ID}, later, 5); err != nil || len(coming) != 1 || coming[0].Agenda.Revision != 1 {
		t.Fatalf("coming agendas after publication: %v %+v", err, coming)
	}
	// The reading rule decides who is shown it: the public only a CLEAR agenda.
	if coming, err = s.ComingAgendas(ctx, mb.Anonymous, []int64{f.committee.ID}, later, 5); err != nil ||
		(len(coming) == 1) != (f.m106.Classification == mb.Clear) {
		t.Fatalf("coming agendas for the public of a %s agenda: %v %+v", f.m106.Classification, err, coming)
	}
	// Once its minutes are circulated, it is no longer coming.
	if err := s.Circulate(ctx, f.m106.ID); err != nil {
		t.Fatal(err)
	}
	if coming, err = s.ComingAgendas(ctx, member, []int64{f.committee.ID}, later, 5); err != nil || len(coming) != 0 {
		t.Fatalf("coming agendas after circulation: %v %+v", err, coming)
	}
}
