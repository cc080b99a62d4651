package postgres_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// riskFixture is a Panel with the OPSG beneath it, the DCC, and three OPSG
// meetings: 103 (approved), 104 and 105 (drafts).
type riskFixture struct {
	s                *postgres.Store
	panel, opsg      *mb.Committee
	dcc              int64
	m103, m104, m105 *mb.Meeting
}

func newRiskFixture(t *testing.T) *riskFixture {
	t.Helper()
	ctx := context.Background()
	f := &riskFixture{s: mustOpen(t)}
	f.panel = &mb.Committee{Code: "PANEL", Name: "SEC Panel", EscalationThreshold: 15}
	if err := f.s.CreateCommittee(ctx, f.panel); err != nil {
		t.Fatal(err)
	}
	f.opsg = &mb.Committee{Code: "OPSG", Name: "Operations Group", ParentID: &f.panel.ID, EscalationThreshold: 15}
	if err := f.s.CreateCommittee(ctx, f.opsg); err != nil {
		t.Fatal(err)
	}
	dcc, err := f.s.EnsureOrganisation(ctx, "DCC")
	if err != nil {
		t.Fatal(err)
	}
	f.dcc = dcc.ID
	meeting := func(n int, day time.Time, status mb.MinutesStatus) *mb.Meeting {
		m := &mb.Meeting{CommitteeID: f.opsg.ID, Number: n, Kind: mb.MainMeeting, Date: day, Classification: mb.Clear, Status: status}
		if err := f.s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	f.m103 = meeting(103, time.Date(2023, 9, 25, 0, 0, 0, 0, time.UTC), mb.Approved)
	f.m104 = meeting(104, time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC), mb.Draft)
	f.m105 = meeting(105, time.Date(2023, 10, 23, 0, 0, 0, 0, time.UTC), mb.Draft)
	return f
}

func (f *riskFixture) risk(t *testing.T, ref string, l, i int) *mb.Risk {
	t.Helper()
	r := &mb.Risk{CommitteeID: f.opsg.ID, Reference: ref, Statement: "There is a risk " + ref + " happens.", OwnerID: f.dcc, Likelihood: l, Impact: i}
	if err := f.s.CreateRisk(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return r
}

// item adds an agenda item to the meeting, as the minutes editor would.
func (f *riskFixture) item(t *testing.T, m *mb.Meeting, position int, title string) int64 {
	t.Helper()
	var id int64
	err := f.s.Pool().QueryRow(context.Background(),
		`INSERT INTO agenda_items (meeting_id, position, title) VALUES ($1, $2, $3) RETURNING id`, m.ID, position, title).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (f *riskFixture) review(t *testing.T, m *mb.Meeting, item int64, in ...mb.ReviewInput) {
	t.Helper()
	if _, err := f.s.RecordReviews(context.Background(), postgres.ReviewSet{MeetingID: m.ID, ItemID: &item, Reviews: in}); err != nil {
		t.Fatal(err)
	}
}

func (f *riskFixture) reload(t *testing.T, r *mb.Risk) *mb.Risk {
	t.Helper()
	got, err := f.s.Risk(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestCreateRisk(t *testing.T) {
	ctx := context.Background()
	f := newRiskFixture(t)

	t.Run("AllocatesReferences", func(t *testing.T) {
		first := f.risk(t, "", 2, 3)
		if first.Reference != "OPSG-001" {
			t.Errorf("first allocated reference %q, want OPSG-001", first.Reference)
		}
		f.risk(t, "OPSG-006", 4, 5)
		next := f.risk(t, "", 1, 1)
		if next.Reference != "OPSG-007" {
			t.Errorf("after a given OPSG-006 the next is %q, want OPSG-007", next.Reference)
		}
		got := f.reload(t, f.risk(t, "", 4, 5))
		if got.Severity() != 20 || got.Band != "Critical" || got.Status != mb.RiskOpen {
			t.Errorf("read back severity %d band %q status %q", got.Severity(), got.Band, got.Status)
		}
	})

	t.Run("ErrReferenceTaken", func(t *testing.T) {
		r := &mb.Risk{CommitteeID: f.opsg.ID, Reference: "opsg-006", Statement: "Again.", OwnerID: f.dcc, Likelihood: 1, Impact: 1}
		err := f.s.CreateRisk(ctx, r)
		if mb.ErrorCode(err) != mb.ECONFLICT || mb.ErrorFields(err)["reference"] == "" {
			t.Fatalf("err = %v, want a conflict on the reference", err)
		}
	})

	t.Run("SameReferenceInAnotherCommittee", func(t *testing.T) {
		r := &mb.Risk{CommitteeID: f.panel.ID, Reference: "OPSG-006", Statement: "Panel's own.", OwnerID: f.dcc, Likelihood: 1, Impact: 1}
		if err := f.s.CreateRisk(ctx, r); err != nil {
			t.Fatalf("a reference is unique in its committee only: %v", err)
		}
	})

	t.Run("ErrStaleVersion", func(t *testing.T) {
		r := f.risk(t, "", 2, 2)
		a, b := f.reload(t, r), f.reload(t, r)
		a.Mitigations = "First edit."
		if err := f.s.UpdateRisk(ctx, a); err != nil {
			t.Fatal(err)
		}
		b.Mitigations = "Second edit from a stale form."
		if err := f.s.UpdateRisk(ctx, b); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
	})
}

func TestRiskReviewHistory(t *testing.T) {
	ctx := context.Background()
	f := newRiskFixture(t)
	r006 := f.risk(t, "OPSG-006", 3, 5)
	r019 := f.risk(t, "OPSG-019", 3, 4)
	item104 := f.item(t, f.m104, 1, "Risk Register")
	item105 := f.item(t, f.m105, 6, "Risk Register – Progress Report")

	f.review(t, f.m104, item104, mb.ReviewInput{RiskID: r006.ID, Likelihood: 4, Impact: 4, Comment: "Phase 1 pilot under way."})
	f.review(t, f.m105, item105,
		mb.ReviewInput{RiskID: r006.ID, Likelihood: 4, Impact: 5, Comment: "Reconsider after the DCC report."},
		mb.ReviewInput{RiskID: r019.ID, Likelihood: 4, Impact: 4, Comment: "No change asked."})

	t.Run("HistoryOldestFirst", func(t *testing.T) {
		got := f.reload(t, r006)
		if len(got.Reviews) != 2 {
			t.Fatalf("%d reviews, want 2", len(got.Reviews))
		}
		v1, v2 := got.Reviews[0], got.Reviews[1]
		if v1.MeetingName() != "OPSG 104" || v1.Severity() != 16 || v1.Band != "High" {
			t.Errorf("first review %s severity %d %s", v1.MeetingName(), v1.Severity(), v1.Band)
		}
		if v2.MeetingName() != "OPSG 105" || v2.Severity() != 20 || v2.Band != "Critical" || v2.Comment != "Reconsider after the DCC report." {
			t.Errorf("second review %+v", v2)
		}
		if got.Severity() != 20 {
			t.Errorf("current severity %d, want the latest review's 20", got.Severity())
		}
		if v2.ActorName != "system" {
			t.Errorf("recorded by %q", v2.ActorName)
		}
	})

	t.Run("ReviewedAgainAtSameMeetingIsCorrected", func(t *testing.T) {
		f.review(t, f.m105, item105, mb.ReviewInput{RiskID: r019.ID, Likelihood: 4, Impact: 4, Comment: "The OPSG did not ask for any change to the Risk Severity rating."})
		got := f.reload(t, r019)
		if len(got.Reviews) != 1 || !strings.HasPrefix(got.Reviews[0].Comment, "The OPSG did not ask") {
			t.Fatalf("reviews %+v, want one corrected review", got.Reviews)
		}
	})

	t.Run("CorrectingOlderMeetingKeepsLatestScores", func(t *testing.T) {
		f.review(t, f.m104, item104, mb.ReviewInput{RiskID: r006.ID, Likelihood: 3, Impact: 4})
		if got := f.reload(t, r006); got.Severity() != 20 || got.Reviews[0].Severity() != 12 {
			t.Errorf("current %d, 104's %d; want 20 and 12", got.Severity(), got.Reviews[0].Severity())
		}
	})

	t.Run("ByItemForTheMinutes", func(t *testing.T) {
		byItem, err := f.s.RiskReviewsByItem(ctx, f.m105.ID)
		if err != nil {
			t.Fatal(err)
		}
		list := byItem[item105]
		if len(list) != 2 || list[0].Reference != "OPSG-006" || list[1].Reference != "OPSG-019" {
			t.Fatalf("item 6 holds %+v, want OPSG-006 then OPSG-019", list)
		}
		if list[0].Statement != "There is a risk OPSG-006 happens." {
			t.Errorf("statement %q", list[0].Statement)
		}
	})

	t.Run("ErrAllOrNothing", func(t *testing.T) {
		before := f.reload(t, r019)
		_, err := f.s.RecordReviews(ctx, postgres.ReviewSet{MeetingID: f.m104.ID, ItemID: &item104, Reviews: []mb.ReviewInput{
			{RiskID: r019.ID, Likelihood: 2, Impact: 2},
			{RiskID: r006.ID, Likelihood: 6, Impact: 2},
		}})
		if mb.ErrorFields(err)["likelihood-"+strconv.FormatInt(r006.ID, 10)] == "" {
			t.Fatalf("err = %v, want a message for likelihood-%d", err, r006.ID)
		}
		closed := f.risk(t, "", 1, 2)
		closed.Status = mb.RiskClosed
		if err := f.s.UpdateRisk(ctx, closed); err != nil {
			t.Fatal(err)
		}
		_, err = f.s.RecordReviews(ctx, postgres.ReviewSet{MeetingID: f.m104.ID, ItemID: &item104, Reviews: []mb.ReviewInput{
			{RiskID: r019.ID, Likelihood: 2, Impact: 2},
			{RiskID: closed.ID, Likelihood: 2, Impact: 2},
		}})
		if mb.ErrorCode(err) != mb.EINVALID {
			t.Fatalf("err = %v, want invalid: a closed risk cannot be reviewed", err)
		}
		if after := f.reload(t, r019); len(after.Reviews) != len(before.Reviews) || after.Severity() != before.Severity() {
			t.Errorf("a refused form changed OPSG-019: %d reviews, severity %d", len(after.Reviews), after.Severity())
		}
	})

	t.Run("ErrApprovedMinutes", func(t *testing.T) {
		_, err := f.s.RecordReviews(ctx, postgres.ReviewSet{MeetingID: f.m103.ID, NewItemTitle: "Risks", Reviews: []mb.ReviewInput{{RiskID: r019.ID, Likelihood: 1, Impact: 1}}})
		if mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict: approved minutes never change", err)
		}
		if _, err := f.s.RecordReviews(ctx, postgres.ReviewSet{MeetingID: f.m103.ID, Backfill: true, Reviews: []mb.ReviewInput{{RiskID: r019.ID, Likelihood: 3, Impact: 4}}}); err != nil {
			t.Fatalf("backfilled history: %v", err)
		}
	})

	t.Run("ErrItemOfAnotherMeeting", func(t *testing.T) {
		_, err := f.s.RecordReviews(ctx, postgres.ReviewSet{MeetingID: f.m105.ID, ItemID: &item104, Reviews: []mb.ReviewInput{{RiskID: r019.ID, Likelihood: 4, Impact: 4}}})
		if mb.ErrorFields(err)["item"] == "" {
			t.Fatalf("err = %v, want a message for the item", err)
		}
	})

	t.Run("NewItemAtTheEnd", func(t *testing.T) {
		itemID, err := f.s.RecordReviews(ctx, postgres.ReviewSet{MeetingID: f.m104.ID, NewItemTitle: "  Risk   deep dive ", Reviews: []mb.ReviewInput{{RiskID: r019.ID, Likelihood: 4, Impact: 4}}})
		if err != nil {
			t.Fatal(err)
		}
		items, err := f.s.ItemChoices(ctx, f.m104.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := items[len(items)-1]
		if last.ID != *itemID || last.Title != "Risk deep dive" || last.Number != "2" {
			t.Errorf("new item %+v", last)
		}
	})

	t.Run("Audited", func(t *testing.T) {
		entries, err := f.s.AuditLog(ctx, mb.AuditFilter{Entity: "risk"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			if e.Action == "review" && strings.Contains(e.Summary, "Reviewed OPSG-006 at OPSG 105: severity 16 → 20 (Severity 20 – Critical)") {
				found = true
			}
		}
		if !found {
			t.Error("no audit record of the review of OPSG-006 at OPSG 105")
		}
	})
}

func TestEscalation(t *testing.T) {
	ctx := context.Background()
	f := newRiskFixture(t)
	r006 := f.risk(t, "OPSG-006", 4, 5)
	r002 := f.risk(t, "OPSG-002", 3, 5)
	r011 := f.risk(t, "OPSG-011", 3, 4)
	item105 := f.item(t, f.m105, 6, "Risk Register – Progress Report")
	f.review(t, f.m105, item105,
		mb.ReviewInput{RiskID: r006.ID, Likelihood: 4, Impact: 5},
		mb.ReviewInput{RiskID: r002.ID, Likelihood: 3, Impact: 5})

	t.Run("ErrBelowThreshold", func(t *testing.T) {
		_, err := f.s.EscalateRisks(ctx, postgres.EscalationSet{MeetingID: f.m105.ID, ItemID: &item105, RiskIDs: []int64{r006.ID, r011.ID}})
		if msg := mb.ErrorFields(err)["risks"]; !strings.Contains(msg, "OPSG-011 has severity 12, below the OPSG threshold of 15") {
			t.Fatalf("err = %v (%q), want OPSG-011 refused", err, msg)
		}
		if list, _ := f.s.Escalations(ctx, mb.EscalationFilter{}); len(list) != 0 {
			t.Errorf("a refused escalation left %d rows", len(list))
		}
	})

	var decision *mb.Decision
	t.Run("OpensWithDecision", func(t *testing.T) {
		var err error
		decision, err = f.s.EscalateRisks(ctx, postgres.EscalationSet{MeetingID: f.m105.ID, ItemID: &item105, RiskIDs: []int64{r002.ID, r006.ID}})
		if err != nil {
			t.Fatal(err)
		}
		want := "both risks above be escalated to the SEC Panel"
		if decision.Kind != "AGREED" || decision.Text != want || decision.ItemID != item105 {
			t.Errorf("decision %s %q in item %d, want AGREED %q", decision.Kind, decision.Text, decision.ItemID, want)
		}
		list, err := f.s.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: []int64{f.opsg.ID}, OpenOnly: true, WithRisks: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 {
			t.Fatalf("%d open escalations, want 2", len(list))
		}
		e := list[0]
		if e.Risk.Reference != "OPSG-006" || e.Severity() != 20 || e.Band != "Critical" || e.Meeting.Number != 105 ||
			e.DecisionID != decision.ID || e.ToCommitteeName != "SEC Panel" || !e.Open() || e.BelowThreshold() {
			t.Errorf("escalation %+v", e)
		}
	})

	t.Run("ErrAlreadyEscalated", func(t *testing.T) {
		_, err := f.s.EscalateRisks(ctx, postgres.EscalationSet{MeetingID: f.m105.ID, ItemID: &item105, RiskIDs: []int64{r006.ID}})
		if mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
	})

	t.Run("ErrCloseWhileEscalated", func(t *testing.T) {
		r := f.reload(t, r006)
		r.Status = mb.RiskClosed
		if err := f.s.UpdateRisk(ctx, r); mb.ErrorFields(err)["status"] == "" {
			t.Fatalf("err = %v, want the status refused", err)
		}
	})

	t.Run("BelowThresholdIsFlaggedNotDropped", func(t *testing.T) {
		m106 := &mb.Meeting{CommitteeID: f.opsg.ID, Number: 106, Kind: mb.MainMeeting, Date: time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC), Classification: mb.Clear}
		if err := f.s.CreateMeeting(ctx, m106); err != nil {
			t.Fatal(err)
		}
		item106 := f.item(t, m106, 5, "Risk Register")
		f.review(t, m106, item106, mb.ReviewInput{RiskID: r002.ID, Likelihood: 2, Impact: 5})
		list, err := f.s.Escalations(ctx, mb.EscalationFilter{RiskIDs: []int64{r002.ID}, OpenOnly: true, WithRisks: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || !list[0].BelowThreshold() || list[0].Risk.Severity() != 10 || list[0].Severity() != 15 {
			t.Fatalf("escalation of OPSG-002 after falling to 10: %+v", list)
		}

		t.Run("WithdrawnByDecision", func(t *testing.T) {
			d, err := f.s.WithdrawEscalations(ctx, postgres.EscalationSet{MeetingID: m106.ID, ItemID: &item106, RiskIDs: []int64{r002.ID},
				Reason: "its severity fell to 10, below the threshold of 15"})
			if err != nil {
				t.Fatal(err)
			}
			if want := "that the escalation of risk OPSG-002 to the SEC Panel be withdrawn: its severity fell to 10, below the threshold of 15"; d.Text != want {
				t.Errorf("decision %q", d.Text)
			}
			open, err := f.s.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: []int64{f.opsg.ID}, OpenOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(open) != 1 || open[0].RiskID != r006.ID {
				t.Errorf("open escalations after withdrawal: %+v", open)
			}
			r := f.reload(t, r002)
			if len(r.Escalations) != 1 || r.Escalations[0].Open() || r.Escalations[0].WithdrawnMeeting.Number != 106 ||
				r.Escalations[0].WithdrawalDecisionText != d.Text {
				t.Errorf("OPSG-002's escalation after withdrawal: %+v", r.Escalations[0])
			}
		})

		t.Run("ErrWithdrawNotEscalated", func(t *testing.T) {
			_, err := f.s.WithdrawEscalations(ctx, postgres.EscalationSet{MeetingID: m106.ID, ItemID: &item106, RiskIDs: []int64{r011.ID}})
			if mb.ErrorCode(err) != mb.EINVALID {
				t.Fatalf("err = %v, want invalid", err)
			}
		})
	})

	t.Run("ErrNoParentBody", func(t *testing.T) {
		top := &mb.Risk{CommitteeID: f.panel.ID, Statement: "A Panel risk.", OwnerID: f.dcc, Likelihood: 5, Impact: 5}
		if err := f.s.CreateRisk(ctx, top); err != nil {
			t.Fatal(err)
		}
		pm := &mb.Meeting{CommitteeID: f.panel.ID, Number: 120, Kind: mb.MainMeeting, Date: time.Date(2023, 11, 10, 0, 0, 0, 0, time.UTC), Classification: mb.Amber}
		if err := f.s.CreateMeeting(ctx, pm); err != nil {
			t.Fatal(err)
		}
		_, err := f.s.EscalateRisks(ctx, postgres.EscalationSet{MeetingID: pm.ID, NewItemTitle: "Risks", RiskIDs: []int64{top.ID}})
		if mb.ErrorCode(err) != mb.EINVALID || !strings.Contains(mb.ErrorMessage(err), "no parent body") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestChronicActions(t *testing.T) {
	ctx := context.Background()
	f := newRiskFixture(t)
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	action := func(seq int, target string, revisions int, status string) {
		t.Helper()
		var id int64
		closedOn := any(nil)
		if status == "closed" {
			closedOn = "2024-01-01"
		}
		err := f.s.Pool().QueryRow(ctx, `
			INSERT INTO actions (committee_id, meeting_number, sequence, raised_meeting_id, raised_on, text,
			                     owner_organisation_id, target_date, current_target_date, status, closed_on)
			VALUES ($1, 105, $2, $3, '2023-10-23', 'The DCC to act.', $4, $5, $5, $6, $7) RETURNING id`,
			f.opsg.ID, seq, f.m105.ID, f.dcc, target, status, closedOn).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		for range revisions {
			if _, err := f.s.Pool().Exec(ctx, `INSERT INTO action_events (action_id, kind, new_target) VALUES ($1, 'revised', $2)`, id, target); err != nil {
				t.Fatal(err)
			}
		}
	}
	action(1, "2023-12-31", 0, "open") // 61 days past target
	action(2, "2024-02-15", 0, "open") // 15 days past: not chronic at 30
	action(3, "2024-06-30", 2, "open") // revised twice
	action(4, "2023-06-30", 3, "closed")

	admin := &mb.Reader{User: &mb.User{ID: 1, Admin: true}}
	list, total, err := f.s.ChronicActions(ctx, admin, []int64{f.opsg.ID}, day, 30, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 {
		t.Errorf("total %d, want 2", total)
	}
	var got []string
	for _, c := range list {
		got = append(got, c.Action.Reference())
	}
	if strings.Join(got, " ") != "OPSG 105/01 OPSG 105/03" {
		t.Fatalf("chronic actions %q, want 105/01 (61 days overdue) then 105/03 (revised twice)", got)
	}
	if list[0].DaysOverdue != 61 || list[1].Revisions != 2 {
		t.Errorf("details %+v %+v", list[0], list[1])
	}
	if list, _, _ := f.s.ChronicActions(ctx, admin, []int64{f.opsg.ID}, day, 10, 0); len(list) != 3 {
		t.Errorf("at 10 days, %d chronic actions, want 3", len(list))
	}
	// A limit keeps the most overdue and still counts them all.
	if list, total, _ := f.s.ChronicActions(ctx, admin, []int64{f.opsg.ID}, day, 10, 2); len(list) != 2 || total != 3 ||
		list[0].Action.Reference() != "OPSG 105/01" {
		t.Errorf("limited to 2: %d listed of %d, want 2 of 3 starting with 105/01", len(list), total)
	}
	if list, _, _ := f.s.ChronicActions(ctx, admin, []int64{f.panel.ID}, day, 10, 0); len(list) != 0 {
		t.Errorf("the Panel has no actions, got %d", len(list))
	}
}
