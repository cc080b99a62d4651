package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
func ptr[T any](v T) *T                        { return &v }

// registerFixture is a committee with meetings 101–105 and two owners.
type registerFixture struct {
	c        *mb.Committee
	meetings map[int]*mb.Meeting
	dcc      int64
	albion   int64
}

func newRegisterFixture(t testing.TB, s *postgres.Store) *registerFixture {
	t.Helper()
	ctx := context.Background()
	f := &registerFixture{meetings: map[int]*mb.Meeting{}}
	f.c = &mb.Committee{Code: "OPSG", Name: "Operations Group", EscalationThreshold: 15, Bands: mb.DefaultSeverityBands}
	if err := s.CreateCommittee(ctx, f.c); err != nil {
		t.Fatal(err)
	}
	for i, d := range []time.Time{day(2023, 1, 10), day(2023, 2, 14), day(2023, 3, 14), day(2023, 4, 11), day(2023, 5, 9)} {
		m := &mb.Meeting{CommitteeID: f.c.ID, Number: 101 + i, Kind: mb.MainMeeting, Date: d, Classification: mb.Clear, Status: mb.Circulated}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		f.meetings[m.Number] = m
	}
	for name, id := range map[string]*int64{"DCC": &f.dcc, "Albion Energy": &f.albion} {
		o, err := s.EnsureOrganisation(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		*id = o.ID
	}
	return f
}

// raise enters an action raised at meeting number (in minutebook or not).
func (f *registerFixture) raise(t *testing.T, s *postgres.Store, number, seq int, raised time.Time, owner int64, target *time.Time, text string) *mb.Action {
	t.Helper()
	a := &mb.Action{CommitteeID: f.c.ID, MeetingNumber: number, Sequence: seq, RaisedOn: raised, Text: text, OwnerID: owner, TargetDate: target}
	if err := s.RecordEarlierAction(context.Background(), a); err != nil {
		t.Fatalf("raise %d/%02d: %v", number, seq, err)
	}
	return a
}

// change records a change and keeps the action's version current.
func (f *registerFixture) change(t *testing.T, s *postgres.Store, a *mb.Action, kind mb.ActionEventKind, meeting int, target *time.Time, note string) {
	t.Helper()
	c := &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: kind, NewTarget: target, Note: note}
	if meeting != 0 {
		c.MeetingID = &f.meetings[meeting].ID
	}
	if err := s.RecordActionChange(context.Background(), c); err != nil {
		t.Fatalf("%s %s at %d: %v", kind, a.Reference(), meeting, err)
	}
	a.Version = c.Version
}

func TestOutstandingAcrossMeetings(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)
	d101 := f.meetings[101].Date
	a1 := f.raise(t, s, 101, 1, d101, f.dcc, ptr(day(2023, 3, 31)), "The DCC to provide the formal incident report.")
	a2 := f.raise(t, s, 101, 2, d101, f.albion, ptr(day(2023, 2, 28)), "Albion Energy to share its vend failure analysis.")
	f.change(t, s, a1, mb.ActionEventRevised, 102, ptr(day(2023, 5, 31)), "Report delayed by the supplier review.")
	f.change(t, s, a2, mb.ActionEventClosed, 102, nil, "Analysis received.")
	f.change(t, s, a1, mb.ActionEventUpdate, 103, nil, "Draft report circulated to TABASC.")
	f.change(t, s, a1, mb.ActionEventClosed, 103, nil, "Report received.")
	f.change(t, s, a1, mb.ActionEventReopened, 104, nil, "The report left out the root cause.")

	type row struct {
		ref, last, revised string
		status             mb.ActionStatus
	}
	table := func(n int) []row {
		t.Helper()
		got, err := s.ActionsOutstanding(ctx, f.meetings[n].ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []row
		for _, r := range got {
			out = append(out, row{r.Action.Reference(), dateOf(r.LastTarget), dateOf(r.RevisedTarget), r.StatusAfter})
		}
		return out
	}
	tests := []struct {
		meeting int
		want    []row
	}{
		{101, nil},
		{102, []row{{"OPSG 101/01", "2023-03-31", "2023-05-31", mb.ActionOpen}, {"OPSG 101/02", "2023-02-28", "", mb.ActionClosed}}},
		{103, []row{{"OPSG 101/01", "2023-05-31", "", mb.ActionClosed}}},
		{104, nil}, // closed when 104 began; reopened during it
		{105, []row{{"OPSG 101/01", "2023-05-31", "", mb.ActionOpen}}},
	}
	for _, tt := range tests {
		got := table(tt.meeting)
		if len(got) != len(tt.want) {
			t.Errorf("meeting %d: got %v, want %v", tt.meeting, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("meeting %d row %d: got %v, want %v", tt.meeting, i, got[i], tt.want[i])
			}
		}
	}

	t.Run("ActionRowFollowsEvents", func(t *testing.T) {
		got, err := s.Action(ctx, a1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != mb.ActionOpen || got.ClosedOn != nil || dateOf(got.CurrentTarget) != "2023-05-31" || dateOf(got.TargetDate) != "2023-03-31" {
			t.Errorf("action = status %s closed %v current %s first %s", got.Status, got.ClosedOn, dateOf(got.CurrentTarget), dateOf(got.TargetDate))
		}
		if len(got.Events) != 4 || got.Events[0].Kind != mb.ActionEventRevised || dateOf(got.Events[0].PreviousTarget) != "2023-03-31" {
			t.Errorf("events = %+v", got.Events)
		}
		if sl := mb.SlippageOf(got); sl.Revisions != 1 || sl.Days != 61 {
			t.Errorf("slippage = %+v, want 1 revision of 61 days", sl)
		}
	})

	t.Run("EveryChangeIsAudited", func(t *testing.T) {
		entries, err := s.AuditLog(ctx, mb.AuditFilter{Entity: "action"})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range entries {
			actions = append(actions, e.Action)
		}
		if got, want := strings.Join(actions, ","), "reopen,close,update_note,close,revise,create,create"; got != want {
			t.Errorf("audit actions = %s, want %s", got, want)
		}
		if !strings.Contains(entries[4].Summary, "from 2023-03-31 to 2023-05-31 at OPSG 102: Report delayed") {
			t.Errorf("revision summary = %q", entries[4].Summary)
		}
	})
}

func dateOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func TestRecordActionChange(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)
	a := f.raise(t, s, 102, 1, f.meetings[102].Date, f.dcc, ptr(day(2023, 6, 30)), "The DCC to brief the group.")

	refused := func(t *testing.T, c *mb.ActionChange, code, field, want string) {
		t.Helper()
		err := s.RecordActionChange(ctx, c)
		if mb.ErrorCode(err) != code {
			t.Fatalf("err = %v, want %s", err, code)
		}
		if got := mb.ErrorFields(err)[field]; !strings.Contains(got, want) && !strings.Contains(mb.ErrorMessage(err), want) {
			t.Errorf("field %s = %q (message %q), want %q", field, got, mb.ErrorMessage(err), want)
		}
		stored, _ := s.Action(ctx, a.ID)
		if len(stored.Events) != 0 || stored.Version != a.Version {
			t.Errorf("a refused change left %d events, version %d", len(stored.Events), stored.Version)
		}
	}
	at := func(n int) *int64 { return &f.meetings[n].ID }

	t.Run("ErrNoteRequired", func(t *testing.T) {
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventClosed, MeetingID: at(103)}, mb.EINVALID, "note", "closing note")
	})
	t.Run("ErrMeetingRequired", func(t *testing.T) {
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventUpdate, Note: "x"}, mb.EINVALID, "meeting", "Choose the meeting")
	})
	t.Run("ErrRaisingMeeting", func(t *testing.T) {
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventUpdate, MeetingID: at(102), Note: "x"}, mb.EINVALID, "meeting", "after the one that raised")
	})
	t.Run("ErrSameTarget", func(t *testing.T) {
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventRevised, MeetingID: at(103), NewTarget: ptr(day(2023, 6, 30)), Note: "x"}, mb.EINVALID, "target", "already the target")
	})
	t.Run("ErrStaleVersion", func(t *testing.T) {
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version + 1, Kind: mb.ActionEventUpdate, MeetingID: at(103), Note: "x"}, mb.ECONFLICT, "note", "Someone else changed")
	})
	t.Run("ErrReopenOpen", func(t *testing.T) {
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventReopened, Note: "x"}, mb.ECONFLICT, "", "only a closed action")
	})

	t.Run("ErrApprovedMinutesDoNotChange", func(t *testing.T) {
		m := &mb.Meeting{CommitteeID: f.c.ID, Number: 106, Kind: mb.MainMeeting, Date: day(2023, 6, 13), Classification: mb.Clear, Status: mb.Approved}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		refused(t, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventClosed, MeetingID: &m.ID, Note: "Done"}, mb.EINVALID, "meeting", "no longer change")
		// Entering earlier history may say what those minutes recorded.
		c := &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventClosed, MeetingID: &m.ID, Note: "Done", Backfill: true}
		if err := s.RecordActionChange(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Action(ctx, a.ID)
		if got.Status != mb.ActionClosed || got.ClosedMeetingID == nil || *got.ClosedMeetingID != m.ID || dateOf(got.ClosedOn) != "2023-06-13" {
			t.Errorf("closed action = %s at %v on %s", got.Status, got.ClosedMeetingID, dateOf(got.ClosedOn))
		}
		a.Version = c.Version
	})

	t.Run("ErrEarlierThanLastChange", func(t *testing.T) {
		// Reopened (no meeting: today), a change at an earlier meeting would
		// put the history out of order.
		f.change(t, s, a, mb.ActionEventReopened, 0, nil, "Not finished after all.")
		refused2 := s.RecordActionChange(ctx, &mb.ActionChange{ActionID: a.ID, Version: a.Version, Kind: mb.ActionEventUpdate, MeetingID: at(104), Note: "x"})
		if mb.ErrorCode(refused2) != mb.EINVALID || !strings.Contains(mb.ErrorFields(refused2)["meeting"], "earlier than the last change") {
			t.Errorf("err = %v", refused2)
		}
	})
}

func TestReviewActionsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)
	d := f.meetings[101].Date
	a1 := f.raise(t, s, 101, 1, d, f.dcc, ptr(day(2023, 3, 1)), "First.")
	a2 := f.raise(t, s, 101, 2, d, f.albion, ptr(day(2023, 3, 1)), "Second.")
	a3 := f.raise(t, s, 101, 3, d, f.albion, ptr(day(2023, 3, 1)), "Third.")
	m := f.meetings[103]

	t.Run("ErrOneBadRowSavesNothing", func(t *testing.T) {
		err := s.ReviewActions(ctx, m.ID, []mb.ActionChange{
			{ActionID: a1.ID, Version: a1.Version, Kind: mb.ActionEventClosed, Note: "Done."},
			{ActionID: a2.ID, Version: a2.Version, Kind: mb.ActionEventRevised, Note: "Slipped."}, // no date
			{ActionID: a3.ID, Version: a3.Version, Kind: mb.ActionEventUpdate},                    // no note
		})
		if mb.ErrorCode(err) != mb.EINVALID {
			t.Fatalf("err = %v, want invalid", err)
		}
		fields := mb.ErrorFields(err)
		if fields[mb.ReviewField(a2.ID, "target")] == "" || fields[mb.ReviewField(a3.ID, "note")] == "" || len(fields) != 2 {
			t.Errorf("fields = %v, want the second row's date and the third row's note", fields)
		}
		assertUntouched(t, s, a1, a2, a3)
	})

	t.Run("ErrStaleRowRollsBackTheOthers", func(t *testing.T) {
		err := s.ReviewActions(ctx, m.ID, []mb.ActionChange{
			{ActionID: a1.ID, Version: a1.Version, Kind: mb.ActionEventClosed, Note: "Done."},
			{ActionID: a2.ID, Version: a2.Version + 7, Kind: mb.ActionEventUpdate, Note: "Progress."},
		})
		if mb.ErrorCode(err) != mb.ECONFLICT || mb.ErrorFields(err)[mb.ReviewField(a2.ID, "note")] == "" {
			t.Fatalf("err = %v fields %v, want a conflict on the second row", err, mb.ErrorFields(err))
		}
		assertUntouched(t, s, a1, a2, a3)
	})

	t.Run("OK", func(t *testing.T) {
		err := s.ReviewActions(ctx, m.ID, []mb.ActionChange{
			{ActionID: a1.ID, Version: a1.Version, Kind: mb.ActionEventClosed, Note: "Done."},
			{ActionID: a2.ID, Version: a2.Version, Kind: mb.ActionEventRevised, NewTarget: ptr(day(2023, 9, 30)), Note: "Slipped."},
			{ActionID: a3.ID, Version: a3.Version, Kind: mb.ActionEventUpdate, Note: "Progress."},
		})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.ActionsOutstanding(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || rows[0].StatusAfter != mb.ActionClosed || dateOf(rows[1].RevisedTarget) != "2023-09-30" || rows[2].Notes[0] != "Progress." {
			t.Errorf("table after review = %+v", rows)
		}
	})
}

func assertUntouched(t *testing.T, s *postgres.Store, actions ...*mb.Action) {
	t.Helper()
	for _, a := range actions {
		got, err := s.Action(context.Background(), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != a.Version || len(got.Events) != 0 || got.Status != mb.ActionOpen {
			t.Errorf("%s changed: version %d→%d, %d events, %s", a.Reference(), a.Version, got.Version, len(got.Events), got.Status)
		}
	}
}

func TestRecordEarlierAction(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newRegisterFixture(t, s)

	t.Run("MeetingNotKept", func(t *testing.T) {
		a := f.raise(t, s, 98, 1, day(2022, 11, 8), f.dcc, ptr(day(2023, 2, 28)), "The DCC to provide TABASC with the formal report.")
		got, err := s.ActionByReference(ctx, "OPSG", 98, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got.RaisedMeetingID != nil || got.ID != a.ID || dateOf(got.CurrentTarget) != "2023-02-28" {
			t.Errorf("got raised at %v, current target %s", got.RaisedMeetingID, dateOf(got.CurrentTarget))
		}
	})

	t.Run("MeetingKeptTiesAndMovesTheCounter", func(t *testing.T) {
		a := f.raise(t, s, 102, 5, f.meetings[102].Date, f.dcc, nil, "The DCC to provide an update.")
		if a.RaisedMeetingID == nil || *a.RaisedMeetingID != f.meetings[102].ID {
			t.Errorf("raised at %v, want meeting 102", a.RaisedMeetingID)
		}
		var last int
		if err := s.Pool().QueryRow(ctx, `SELECT last_action_sequence FROM meetings WHERE id = $1`, f.meetings[102].ID).Scan(&last); err != nil {
			t.Fatal(err)
		}
		if last != 5 {
			t.Errorf("counter = %d, want 5 so that 102/05 is never handed out again", last)
		}
	})

	t.Run("ErrReferenceUsed", func(t *testing.T) {
		err := s.RecordEarlierAction(ctx, &mb.Action{CommitteeID: f.c.ID, MeetingNumber: 98, Sequence: 1, RaisedOn: day(2022, 11, 8), Text: "Again.", OwnerID: f.dcc})
		if mb.ErrorCode(err) != mb.ECONFLICT || !strings.Contains(mb.ErrorFields(err)["reference"], "never reused") {
			t.Errorf("err = %v", err)
		}
	})

	t.Run("ErrHandedOutNumber", func(t *testing.T) {
		err := s.RecordEarlierAction(ctx, &mb.Action{CommitteeID: f.c.ID, MeetingNumber: 102, Sequence: 3, RaisedOn: f.meetings[102].Date, Text: "Gap.", OwnerID: f.dcc})
		if mb.ErrorCode(err) != mb.ECONFLICT {
			t.Errorf("err = %v, want a conflict: 102/03 was handed out", err)
		}
	})

	t.Run("ErrDateDiffersFromMeeting", func(t *testing.T) {
		err := s.RecordEarlierAction(ctx, &mb.Action{CommitteeID: f.c.ID, MeetingNumber: 103, Sequence: 1, RaisedOn: day(2023, 3, 15), Text: "Late.", OwnerID: f.dcc})
		if mb.ErrorCode(err) != mb.EINVALID || !strings.Contains(mb.ErrorFields(err)["raised_on"], "was held on 14/03/2023") {
			t.Errorf("err = %v %v", err, mb.ErrorFields(err))
		}
	})

	t.Run("ErrFields", func(t *testing.T) {
		err := s.RecordEarlierAction(ctx, &mb.Action{CommitteeID: f.c.ID})
		fields := mb.ErrorFields(err)
		for _, k := range []string{"reference", "raised_on", "text", "owner"} {
			if fields[k] == "" {
				t.Errorf("no message for %s: %v", k, fields)
			}
		}
	})
}
