package postgres_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestReimportUpdatesTheDraft(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	first := f.importDoc(t, read(t, "opsg-105-final-minutes.txt"))
	people, actions, decisions := count(t, f.s, "people"), count(t, f.s, "actions"), count(t, f.s, "decisions")

	t.Run("OKSameDocumentChangesNothing", func(t *testing.T) {
		rep := f.importDoc(t, read(t, "opsg-105-final-minutes.txt"))
		if rep.Created || rep.Meeting.ID != first.Meeting.ID {
			t.Errorf("second import created a meeting: %+v", rep.Meeting)
		}
		if len(rep.NewPeople)+len(rep.NewOrganisations)+len(rep.NewRisks)+len(rep.NewMeetings) != 0 {
			t.Errorf("second import created %v %v %v %v", rep.NewPeople, rep.NewOrganisations, rep.NewRisks, rep.NewMeetings)
		}
		if got := []int{count(t, f.s, "people"), count(t, f.s, "actions"), count(t, f.s, "decisions"), count(t, f.s, "agenda_items WHERE meeting_id = "+strconv.FormatInt(first.Meeting.ID, 10)),
			count(t, f.s, "risk_reviews"), count(t, f.s, "risk_escalations"), count(t, f.s, "action_events")}; !slices.Equal(got, []int{people, actions, decisions, 15, 4, 4, 2}) {
			t.Errorf("rows after a second import %v", got)
		}
		if want := []string{"matched OPSG 102/01", "matched OPSG 102/05"}; !slices.Equal(rep.Register, want) {
			t.Errorf("register %v", rep.Register)
		}
	})
	t.Run("OKCorrectedDocumentUpdatesInPlace", func(t *testing.T) {
		in := read(t, "opsg-105-final-minutes.txt")
		in.Venue = "London"
		in.Items[2].Title = "SEC Panel Reports"
		in.Items[2].Decisions = in.Items[2].Decisions[:1] // the AGREED dropped
		in.Items[3].Actions[0].Text = "The DCC to provide a graphic."
		in.Items = in.Items[:9] // item 10 and its sub-items dropped
		before, _ := f.s.Items(ctx, first.Meeting.ID)
		rep := f.importDoc(t, in)
		m, _ := f.s.Meeting(ctx, first.Meeting.ID)
		items, _ := f.s.Items(ctx, m.ID)
		if m.Venue != "London" || len(items) != 9 || items[2].Title != "SEC Panel Reports" || len(items[2].Decisions) != 1 {
			t.Errorf("venue %q, %d items, item 3 %q with %d decisions", m.Venue, len(items), items[2].Title, len(items[2].Decisions))
		}
		if items[3].ID != before[3].ID || items[3].Decisions[0].ID != before[3].Decisions[0].ID {
			t.Error("an unchanged item or decision was replaced rather than kept")
		}
		if a, _ := f.s.ActionByReference(ctx, "OPSG", 105, 1); a.Text != "The DCC to provide a graphic." || a.ID == 0 {
			t.Errorf("105/01 %+v", a)
		}
		if !hasNote(rep, "Removed item “Any Other Business”") {
			t.Errorf("notes %+v", rep.Notes)
		}
	})
}

func TestImportRefusesApprovedMinutes(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	rep := f.importDoc(t, read(t, "opsg-105-final-minutes.txt"))
	m106, err := f.s.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Circulate(ctx, rep.Meeting.ID); err != nil {
		t.Fatal(err)
	}
	t.Run("OKCirculatedIsUpdated", func(t *testing.T) {
		in := read(t, "opsg-105-final-minutes.txt")
		in.Venue = "Online"
		rep := f.importDoc(t, in)
		if m, _ := f.s.Meeting(ctx, rep.Meeting.ID); m.Venue != "Online" || m.Status != mb.Circulated {
			t.Errorf("circulated minutes: venue %q status %s", m.Venue, m.Status)
		}
	})
	if err := f.s.Approve(ctx, postgres.Approval{MeetingID: rep.Meeting.ID, ApprovedAt: m106.ID}); err != nil {
		t.Fatal(err)
	}
	rows := count(t, f.s, "audit_log")
	in := read(t, "opsg-105-final-minutes.txt")
	in.Venue = "Somewhere else"
	_, err = f.s.ImportMinutes(ctx, in, postgres.ImportOptions{})
	if mb.ErrorCode(err) != mb.ECONFLICT || !strings.Contains(mb.ErrorMessage(err), "never overwrites approved or published minutes") {
		t.Fatalf("err = %v (%s)", err, mb.ErrorMessage(err))
	}
	if m, _ := f.s.Meeting(ctx, rep.Meeting.ID); m.Venue != "Online" {
		t.Errorf("approved minutes changed: venue %q", m.Venue)
	}
	if got := count(t, f.s, "audit_log"); got != rows {
		t.Errorf("a refused import left %d audit rows", got-rows)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	tables := []string{"meetings", "people", "organisations", "agenda_items", "decisions", "actions", "attendance", "risks", "audit_log"}
	snapshot := func() []int {
		var n []int
		for _, tb := range tables {
			n = append(n, count(t, f.s, tb))
		}
		return n
	}
	before := snapshot()

	t.Run("ErrUnknownCategory", func(t *testing.T) {
		in := read(t, "opsg-105-final-minutes.txt")
		in.Attendees[1].Category = "Network Operators"
		_, err := f.s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if mb.ErrorCode(err) != mb.EINVALID || !strings.Contains(mb.ErrorFields(err)["p-1-category"], "not one of OPSG's categories") {
			t.Fatalf("err = %v %v", err, mb.ErrorFields(err))
		}
	})
	t.Run("ErrLateInTheImport", func(t *testing.T) {
		// The last item's decision word is not one a committee can have: the
		// import fails after the meeting, people and most items are written.
		in := read(t, "opsg-105-final-minutes.txt")
		in.Items[8].Decisions[0].Kind = "noted!"
		_, err := f.s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if mb.ErrorCode(err) != mb.EINVALID || !strings.Contains(mb.ErrorMessage(err), "Item 9") {
			t.Fatalf("err = %v (%s)", err, mb.ErrorMessage(err))
		}
	})
	t.Run("ErrUnknownCommittee", func(t *testing.T) {
		in := read(t, "opsg-105-final-minutes.txt")
		in.CommitteeCode = "NOPE"
		_, err := f.s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if mb.ErrorCode(err) != mb.ENOTFOUND || !strings.Contains(mb.ErrorMessage(err), "There is no committee NOPE") {
			t.Fatalf("err = %v (%s)", err, mb.ErrorMessage(err))
		}
	})
	t.Run("OKDryRunKeepsNothing", func(t *testing.T) {
		rep, err := f.s.ImportMinutes(ctx, read(t, "opsg-105-final-minutes.txt"), postgres.ImportOptions{DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Created || len(rep.ActionsRaised) != 5 || len(rep.NewRisks) != 4 {
			t.Errorf("dry run report %+v", rep)
		}
	})
	if after := snapshot(); !slices.Equal(before, after) {
		t.Errorf("rows of %v before %v, after %v", tables, before, after)
	}
}

func TestImportLinksTheRegister(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	dcc, _ := f.s.EnsureOrganisation(ctx, "DCC")
	// OPSG 102 is in minutebook with 102/01 raised in it; 102/05 is not.
	m102 := &mb.Meeting{CommitteeID: f.opsg.ID, Number: 102, Kind: mb.MainMeeting, Date: day("2023-09-12"), Classification: mb.Clear}
	if err := f.s.CreateMeeting(ctx, m102); err != nil {
		t.Fatal(err)
	}
	item := &mb.Item{MeetingID: m102.ID, Title: "Major Incident Review"}
	if err := f.s.CreateItem(ctx, item); err != nil {
		t.Fatal(err)
	}
	target := day("2024-02-28")
	a0201 := &mb.Action{ItemID: &item.ID, Text: "The DCC to provide TABASC with the formal report.", OwnerID: dcc.ID, TargetDate: &target}
	if err := f.s.RaiseAction(ctx, a0201); err != nil {
		t.Fatal(err)
	}
	// Two of the four risks are in the register with their own scores.
	r006 := &mb.Risk{CommitteeID: f.opsg.ID, Reference: "OPSG-006", Statement: "There is a risk CSP N will fail to meet SEC requirements.", OwnerID: dcc.ID, Likelihood: 5, Impact: 3}
	r019 := &mb.Risk{CommitteeID: f.opsg.ID, Reference: "OPSG-019", Statement: "There is a risk congestion on the DCC infrastructure could significantly increase.", OwnerID: dcc.ID, Likelihood: 3, Impact: 4}
	for _, r := range []*mb.Risk{r006, r019} {
		if err := f.s.CreateRisk(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	rep := f.importDoc(t, read(t, "opsg-105-final-minutes.txt"))

	t.Run("OutstandingMatchedNotDuplicated", func(t *testing.T) {
		a, err := f.s.Action(ctx, a0201.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Status != mb.ActionClosed || a.ClosedMeetingID == nil || *a.ClosedMeetingID != rep.Meeting.ID || a.Text != a0201.Text {
			t.Errorf("102/01 %+v", a)
		}
		if n := count(t, f.s, "actions WHERE meeting_number = 102"); n != 2 {
			t.Errorf("%d actions of meeting 102, want 102/01 and the entered 102/05", n)
		}
		a05, err := f.s.ActionByReference(ctx, "OPSG", 102, 5)
		if err != nil || a05.RaisedMeetingID == nil || *a05.RaisedMeetingID != m102.ID || a05.Status != mb.ActionClosed {
			t.Errorf("102/05 %+v %v: not tied to OPSG 102 and closed", a05, err)
		}
		if m, _ := f.s.Meeting(ctx, m102.ID); m.ID == 0 {
			t.Error("OPSG 102 lost")
		}
	})
	t.Run("RisksMatchedAndScoredFromTheirSeverity", func(t *testing.T) {
		for ref, want := range map[string][2]int{"OPSG-006": {5, 4}, "OPSG-019": {4, 4}, "OPSG-002": {3, 5}} {
			r, err := f.s.RiskByReference(ctx, f.opsg.ID, ref)
			if err != nil {
				t.Fatal(err)
			}
			if r.Likelihood != want[0] || r.Impact != want[1] {
				t.Errorf("%s scored %d × %d, want %d × %d", ref, r.Likelihood, r.Impact, want[0], want[1])
			}
		}
		if n := count(t, f.s, "risks"); n != 4 {
			t.Errorf("%d risks, want the two matched and two new", n)
		}
		if !hasNote(rep, "The minutes word OPSG-006 differently from the register") {
			t.Errorf("notes %+v", rep.Notes)
		}
	})
	t.Run("LaterMinutesReviseAndClose", func(t *testing.T) {
		rep106 := f.importDoc(t, read(t, "opsg-106-draft-minutes.txt"))
		a1, _ := f.s.ActionByReference(ctx, "OPSG", 105, 1)
		a2, _ := f.s.ActionByReference(ctx, "OPSG", 105, 2)
		if a1.CurrentTarget == nil || a1.CurrentTarget.Format(time.DateOnly) != "2023-12-12" || a1.Status != mb.ActionOpen {
			t.Errorf("105/01 %+v", a1)
		}
		if a2.Status != mb.ActionClosed || *a2.ClosedMeetingID != rep106.Meeting.ID {
			t.Errorf("105/02 %+v", a2)
		}
		// The draft of 106 ends with a single next meeting on 12 December.
		if want := []string{"revised the target date of OPSG 105/01 to 12/12/2023", "closed OPSG 105/02"}; !slices.Equal(rep106.Register, want) {
			t.Errorf("register %v", rep106.Register)
		}
	})
}

// An action entered from a later meeting's table before its own minutes
// were imported is adopted by them, not duplicated.
func TestImportAdoptsActionsEnteredFromLaterMinutes(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	f.importDoc(t, read(t, "opsg-106-draft-minutes.txt"))
	a, err := f.s.ActionByReference(ctx, "OPSG", 105, 1)
	if err != nil || a.RaisedMeetingID != nil {
		t.Fatalf("105/01 entered from 106's table: %+v %v", a, err)
	}
	rep := f.importDoc(t, read(t, "opsg-105-final-minutes.txt"))
	b, _ := f.s.ActionByReference(ctx, "OPSG", 105, 1)
	if b.ID != a.ID || b.RaisedMeetingID == nil || *b.RaisedMeetingID != rep.Meeting.ID || b.ItemID == nil ||
		!strings.HasPrefix(b.Text, "The DCC to provide a simplified graphic of the architecture to include") {
		t.Errorf("105/01 after importing 105: %+v", b)
	}
	// Its revision at 106 survives.
	if b.CurrentTarget == nil || b.CurrentTarget.Format(time.DateOnly) != "2023-12-12" {
		t.Errorf("105/01 target %v", b.CurrentTarget)
	}
	if n := count(t, f.s, "actions WHERE meeting_number = 105"); n != 5 {
		t.Errorf("%d actions of 105, want 5", n)
	}
}

// Other documents in the tradition of the model, with their own layouts,
// import without losing anything they were read to hold.
func TestImportOtherDocuments(t *testing.T) {
	ctx := context.Background()
	for _, path := range []string{"opsg-106-draft-minutes.txt", "tabasc-42-pdf.txt"} {
		t.Run(path, func(t *testing.T) {
			f := newImportFixture(t)
			doc := readDoc(t, path)
			rep := f.importDoc(t, read(t, path))
			minutes, err := f.s.Minutes(ctx, rep.Meeting.ID)
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]mb.Attendee{}
			for _, a := range minutes.Attendance {
				names[a.PersonName] = a
			}
			for _, a := range doc.Attendees {
				if _, ok := names[a.Name]; !ok {
					t.Errorf("attendee %s lost", a.Name)
				}
				if a.AlternateFor != "" && names[a.Name].AlternateForName != a.AlternateFor {
					t.Errorf("%s attends for %q, want %q", a.Name, names[a.Name].AlternateForName, a.AlternateFor)
				}
			}
			for _, a := range doc.Apologies {
				if names[a.Name].Status != mb.Apologies {
					t.Errorf("apology of %s lost", a.Name)
				}
			}
			var titles, decisions, actions []string
			var walk func([]*mb.Item)
			walk = func(items []*mb.Item) {
				for _, it := range items {
					titles = append(titles, it.Number+" "+it.Title)
					for _, d := range it.Decisions {
						decisions = append(decisions, d.Kind)
					}
					for _, a := range it.Actions {
						actions = append(actions, a.ShortReference())
					}
					walk(it.Children)
				}
			}
			walk(minutes.Items)
			var wantTitles, wantDecisions, wantActions []string
			for _, it := range doc.Items {
				wantTitles = append(wantTitles, it.Number+" "+it.Title)
				for _, d := range it.Decisions {
					wantDecisions = append(wantDecisions, d.Kind)
				}
				for _, a := range it.Actions {
					wantActions = append(wantActions, a.Ref)
				}
			}
			if !slices.Equal(titles, wantTitles) || !slices.Equal(decisions, wantDecisions) || !slices.Equal(actions, wantActions) {
				t.Errorf("items %v\nwant %v\ndecisions %v want %v\nactions %v want %v", titles, wantTitles, decisions, wantDecisions, actions, wantActions)
			}
			reviews, _ := f.s.RiskReviewsAt(ctx, rep.Meeting.ID)
			if len(reviews) != len(doc.Risks) {
				t.Errorf("%d risks reviewed, the document reviews %d", len(reviews), len(doc.Risks))
			}
		})
	}
}

func TestPendingImports(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	owner, err := f.s.CreateUser(ctx, postgres.NewUser{Email: "owner@example.org", Name: "Olive Owner", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := f.s.CreateUser(ctx, postgres.NewUser{Email: "other@example.org", Name: "Otto Other", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	p := &postgres.PendingImport{CommitteeID: f.opsg.ID, UserID: owner.ID, Filename: "opsg-105.txt", Source: "line one\n", Document: []byte(`{"meeting":{}}`)}
	if err := f.s.CreatePendingImport(ctx, p); err != nil {
		t.Fatal(err)
	}
	if len(p.Token) < 20 || !p.ExpiresAt.After(time.Now().Add(23*time.Hour)) {
		t.Errorf("token %q expires %v", p.Token, p.ExpiresAt)
	}
	t.Run("OKTheUploader", func(t *testing.T) {
		got, err := f.s.PendingImport(ctx, f.opsg.ID, p.Token, owner.ID)
		if err != nil || got.Source != "line one\n" || got.Filename != "opsg-105.txt" {
			t.Fatalf("%+v %v", got, err)
		}
		got.Document = []byte(`{"meeting":{"venue":"London"}}`)
		if err := f.s.UpdatePendingImport(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := f.s.PendingImport(ctx, f.opsg.ID, p.Token, owner.ID)
		if !strings.Contains(string(again.Document), "London") {
			t.Errorf("document %s", again.Document)
		}
	})
	t.Run("ErrAnyoneElseOrAnotherCommittee", func(t *testing.T) {
		if _, err := f.s.PendingImport(ctx, f.opsg.ID, p.Token, other.ID); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("another user: %v", err)
		}
		if _, err := f.s.PendingImport(ctx, f.panel.ID, p.Token, owner.ID); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("another committee: %v", err)
		}
	})
	t.Run("ErrExpired", func(t *testing.T) {
		if _, err := f.s.Pool().Exec(ctx, `UPDATE pending_imports SET expires_at = now() - interval '1 minute'`); err != nil {
			t.Fatal(err)
		}
		if _, err := f.s.PendingImport(ctx, f.opsg.ID, p.Token, owner.ID); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("expired: %v", err)
		}
		// The next upload clears it away.
		q := &postgres.PendingImport{CommitteeID: f.opsg.ID, UserID: owner.ID, Filename: "b.txt", Source: "", Document: []byte(`{}`)}
		if err := f.s.CreatePendingImport(ctx, q); err != nil {
			t.Fatal(err)
		}
		if n := count(t, f.s, "pending_imports"); n != 1 {
			t.Errorf("%d pending imports, want the new one only", n)
		}
		if err := f.s.DeletePendingImport(ctx, q, false); err != nil {
			t.Fatal(err)
		}
		if n := count(t, f.s, "pending_imports"); n != 0 {
			t.Errorf("%d pending imports after cancelling", n)
		}
		if err := f.s.DeletePendingImport(ctx, q, false); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("cancelling twice: %v", err)
		}
	})
}
