package postgres_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// minutesFixture is a committee with two meetings, an organisation and an item.
type minutesFixture struct {
	committee *mb.Committee
	m105      *mb.Meeting
	m106      *mb.Meeting
	dcc       *mb.Organisation
	item      *mb.Item
}

func newMinutesFixture(t *testing.T, s *postgres.Store) *minutesFixture {
	t.Helper()
	ctx := context.Background()
	f := &minutesFixture{}
	f.committee = &mb.Committee{Code: "OPSG", Name: "Operations Group", EscalationThreshold: 15,
		Categories: []string{"Operations Group Chair", "Large Suppliers"}, DecisionVocabulary: mb.DefaultDecisionVocabulary}
	if err := s.CreateCommittee(ctx, f.committee); err != nil {
		t.Fatal(err)
	}
	f.m105 = &mb.Meeting{CommitteeID: f.committee.ID, Number: 105, Kind: mb.MainMeeting, Date: time.Date(2023, 10, 23, 0, 0, 0, 0, time.UTC), Classification: mb.Clear}
	f.m106 = &mb.Meeting{CommitteeID: f.committee.ID, Number: 106, Kind: mb.MainMeeting, Date: time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC), Classification: mb.Clear}
	for _, m := range []*mb.Meeting{f.m105, f.m106} {
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if f.dcc, err = s.EnsureOrganisation(ctx, "DCC"); err != nil {
		t.Fatal(err)
	}
	f.item = &mb.Item{MeetingID: f.m105.ID, Title: "Performance Measurement Report"}
	if err := s.CreateItem(ctx, f.item); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRaiseActionReferencesUnderConcurrency(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newMinutesFixture(t, s)

	const n = 12
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := &mb.Action{ItemID: &f.item.ID, Text: fmt.Sprintf("The DCC to report %d", i), OwnerID: f.dcc.ID}
			errs <- s.RaiseAction(ctx, a)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("raise: %v", err)
		}
	}
	list, err := s.ActionsRaisedAt(ctx, f.m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, a := range list {
		refs = append(refs, a.Reference())
	}
	sort.Strings(refs)
	if len(refs) != n {
		t.Fatalf("got %d actions, want %d", len(refs), n)
	}
	for i, ref := range refs {
		if want := fmt.Sprintf("OPSG 105/%02d", i+1); ref != want {
			t.Errorf("reference %d = %s, want %s (no gaps, no repeats)", i, ref, want)
		}
	}

	t.Run("DeletedNumberIsNotReused", func(t *testing.T) {
		if err := s.DeleteRaisedAction(ctx, list[len(list)-1].ID); err != nil {
			t.Fatal(err)
		}
		a := &mb.Action{ItemID: &f.item.ID, Text: "The DCC to return", OwnerID: f.dcc.ID}
		if err := s.RaiseAction(ctx, a); err != nil {
			t.Fatal(err)
		}
		if got, want := a.Reference(), fmt.Sprintf("OPSG 105/%02d", n+1); got != want {
			t.Errorf("reference after a deletion = %s, want %s", got, want)
		}
	})
}

func TestVersionCheck(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newMinutesFixture(t, s)

	t.Run("ItemStaleSaveRefused", func(t *testing.T) {
		first := *f.item
		second := *f.item
		first.Minute = "SECAS presented its review."
		if err := s.UpdateItem(ctx, &first); err != nil {
			t.Fatal(err)
		}
		second.Minute = "Someone else's text."
		if err := s.UpdateItem(ctx, &second); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("stale save: err = %v, want conflict", err)
		}
		got, err := s.Item(ctx, f.item.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Minute != first.Minute {
			t.Errorf("minute = %q, want the first save kept", got.Minute)
		}
	})

	t.Run("DecisionStaleSaveRefused", func(t *testing.T) {
		d := &mb.Decision{ItemID: f.item.ID, Kind: "NOTED", Text: "the update"}
		if err := s.CreateDecision(ctx, d); err != nil {
			t.Fatal(err)
		}
		a, b := *d, *d
		a.Text = "the presentation"
		if err := s.UpdateDecision(ctx, &a); err != nil {
			t.Fatal(err)
		}
		b.Text = "the report"
		if err := s.UpdateDecision(ctx, &b); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
	})

	t.Run("ActionStaleSaveRefused", func(t *testing.T) {
		act := &mb.Action{ItemID: &f.item.ID, Text: "The DCC to report", OwnerID: f.dcc.ID}
		if err := s.RaiseAction(ctx, act); err != nil {
			t.Fatal(err)
		}
		a, b := *act, *act
		a.Text = "The DCC to report in full"
		if err := s.UpdateRaisedAction(ctx, &a); err != nil {
			t.Fatal(err)
		}
		b.Text = "The DCC to say nothing"
		if err := s.UpdateRaisedAction(ctx, &b); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
	})

	t.Run("AttendanceStaleSaveRefused", func(t *testing.T) {
		p := &mb.Person{Name: "Danielle Jackson", OrganisationID: &f.dcc.ID}
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		row := []mb.Attendee{{PersonID: p.ID, Status: mb.Present, RepresentingID: &f.dcc.ID}}
		v, err := s.SaveAttendance(ctx, f.m105.ID, 1, row)
		if err != nil {
			t.Fatal(err)
		}
		if v != 2 {
			t.Errorf("version = %d, want 2", v)
		}
		if _, err := s.SaveAttendance(ctx, f.m105.ID, 1, nil); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
	})

	t.Run("ErrPersonTwice", func(t *testing.T) {
		p := &mb.Person{Name: "Val Cumberland", OrganisationID: &f.dcc.ID}
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		m, _ := s.Meeting(ctx, f.m105.ID)
		rows := []mb.Attendee{{PersonID: p.ID, Status: mb.Present, RepresentingID: &f.dcc.ID}, {PersonID: p.ID, Status: mb.Apologies, RepresentingID: &f.dcc.ID}}
		if _, err := s.SaveAttendance(ctx, f.m105.ID, m.AttendanceVersion, rows); mb.ErrorCode(err) != mb.EINVALID {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
}

func TestLifecycle(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newMinutesFixture(t, s)
	if err := s.CreateDecision(ctx, &mb.Decision{ItemID: f.item.ID, Kind: "NOTED", Text: "the presentation"}); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrApproveDraft", func(t *testing.T) {
		err := s.Approve(ctx, postgres.Approval{MeetingID: f.m105.ID, ApprovedAt: f.m106.ID})
		if mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict: a draft is circulated first", err)
		}
	})
	if err := s.Circulate(ctx, f.m105.ID); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrApproveAtEarlierMeeting", func(t *testing.T) {
		err := s.Approve(ctx, postgres.Approval{MeetingID: f.m106.ID, ApprovedAt: f.m105.ID})
		if mb.ErrorCode(err) == "" {
			t.Fatal("approving at an earlier meeting was accepted")
		}
	})
	if err := s.Approve(ctx, postgres.Approval{MeetingID: f.m105.ID, ApprovedAt: f.m106.ID}); err != nil {
		t.Fatal(err)
	}

	t.Run("ApprovalDecisionRecordedAtLaterMeeting", func(t *testing.T) {
		items, err := s.Items(ctx, f.m106.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 1 || items[0].Title != "Previous Meeting Minutes" || len(items[0].Decisions) != 1 {
			t.Fatalf("items of 106 = %+v", items)
		}
		if got, want := mb.DecisionSentence("OPSG", items[0].Decisions[0]), "The OPSG APPROVED the minutes from OPSG 105 as final."; got != want {
			t.Errorf("decision = %q, want %q", got, want)
		}
		if err := s.DeleteDecision(ctx, items[0].Decisions[0].ID); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Errorf("deleting the approval decision: err = %v, want conflict", err)
		}
	})

	t.Run("ErrStoreRefusesChangeToApproved", func(t *testing.T) {
		it := *f.item
		it.Minute = "rewritten"
		if err := s.UpdateItem(ctx, &it); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
		if err := s.CreateItem(ctx, &mb.Item{MeetingID: f.m105.ID, Title: "Late item"}); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
	})

	t.Run("ErrDatabaseRefusesChangeToApproved", func(t *testing.T) {
		if err := s.CreatePerson(ctx, &mb.Person{Name: "Gary Stuart", OrganisationID: &f.dcc.ID}); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			`UPDATE agenda_items SET minute = 'rewritten' WHERE meeting_id = ` + fmt.Sprint(f.m105.ID),
			`DELETE FROM decisions WHERE item_id = ` + fmt.Sprint(f.item.ID),
			`INSERT INTO agenda_items (meeting_id, position, title) VALUES (` + fmt.Sprint(f.m105.ID) + `, 9, 'Sneaked in')`,
			`DELETE FROM attendance WHERE meeting_id = ` + fmt.Sprint(f.m105.ID) + `; INSERT INTO attendance (meeting_id, person_id, status, representing) SELECT ` + fmt.Sprint(f.m105.ID) + `, id, 'present', organisation_id FROM people LIMIT 1`,
			`UPDATE meetings SET venue = 'Elsewhere' WHERE id = ` + fmt.Sprint(f.m105.ID),
			`UPDATE meetings SET minutes_status = 'draft' WHERE id = ` + fmt.Sprint(f.m105.ID),
		} {
			if _, err := s.Pool().Exec(ctx, q); err == nil || !strings.Contains(err.Error(), "approved") {
				t.Errorf("%s: err = %v, want the database's refusal", q, err)
			}
		}
	})

	if err := s.Publish(ctx, f.m105.ID); err != nil {
		t.Fatal(err)
	}

	t.Run("CorrectionIsNewVersionWithReason", func(t *testing.T) {
		if err := s.OpenCorrection(ctx, f.m105.ID, " "); mb.ErrorCode(err) != mb.EINVALID {
			t.Fatalf("err = %v, want a reason required", err)
		}
		if err := s.OpenCorrection(ctx, f.m105.ID, "Misspelt name"); err != nil {
			t.Fatal(err)
		}
		it, _ := s.Item(ctx, f.item.ID)
		it.Title = "Performance Measurement Report – August 2023"
		if err := s.UpdateItem(ctx, it); err != nil {
			t.Fatalf("edit during correction: %v", err)
		}
		if err := s.FinishCorrection(ctx, f.m105.ID); err != nil {
			t.Fatal(err)
		}
		it.Title = "again"
		if err := s.UpdateItem(ctx, it); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Errorf("edit after the correction: err = %v, want conflict", err)
		}
		versions, err := s.MinutesVersions(ctx, f.m105.ID)
		if err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, v := range versions {
			kinds = append(kinds, string(v.Kind))
		}
		if got, want := strings.Join(kinds, ","), "circulated,approved,published,correction"; got != want {
			t.Fatalf("versions = %s, want %s", got, want)
		}
		last := versions[len(versions)-1]
		if last.Reason != "Misspelt name" || last.Minutes.Items[0].Title != "Performance Measurement Report – August 2023" {
			t.Errorf("correction version = %+v", last)
		}
		if first := versions[0].Minutes.Items[0].Title; first != "Performance Measurement Report" {
			t.Errorf("first version's title = %q: snapshots must not change", first)
		}
	})

	t.Run("ErrSnapshotsImmutable", func(t *testing.T) {
		if _, err := s.Pool().Exec(ctx, `UPDATE minutes_versions SET reason = 'x'`); err == nil || !strings.Contains(err.Error(), "immutable") {
			t.Errorf("err = %v, want immutable", err)
		}
		if _, err := s.Pool().Exec(ctx, `DELETE FROM minutes_versions`); err == nil || !strings.Contains(err.Error(), "immutable") {
			t.Errorf("err = %v, want immutable", err)
		}
	})
}

func TestMoveItems(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newMinutesFixture(t, s)
	var ids []int64
	for _, title := range []string{"Business Processes", "Prepayment Analysis", "3G Sunsetting"} {
		it := &mb.Item{MeetingID: f.m105.ID, Title: title}
		if err := s.CreateItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, it.ID)
	}
	for _, id := range ids[1:] {
		if err := s.MoveItem(ctx, id, postgres.MoveIn); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MoveItem(ctx, ids[2], postgres.MoveUp); err != nil {
		t.Fatal(err)
	}
	items, err := s.Items(ctx, f.m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.Number+" "+it.Title)
		for _, c := range it.Children {
			got = append(got, c.Number+" "+c.Title)
		}
	}
	want := "1 Performance Measurement Report|2 Business Processes|2.1 3G Sunsetting|2.2 Prepayment Analysis"
	if strings.Join(got, "|") != want {
		t.Errorf("items = %s, want %s", strings.Join(got, "|"), want)
	}
	if err := s.MoveItem(ctx, ids[0], postgres.MoveIn); mb.ErrorCode(err) != mb.EINVALID {
		t.Errorf("nesting an item with sub-items: err = %v, want invalid", err)
	}
	if err := s.MoveItem(ctx, ids[2], postgres.MoveOut); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteItem(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	items, _ = s.Items(ctx, f.m105.ID)
	if len(items) != 2 || items[1].Title != "3G Sunsetting" || items[1].Number != "2" {
		t.Errorf("after moving out and deleting: %+v", items)
	}
}
