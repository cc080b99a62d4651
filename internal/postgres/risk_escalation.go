package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Escalations returns the escalations matching f, newest first, with the
// meetings that agreed and withdrew them.
func (s *Store) Escalations(ctx context.Context, f mb.EscalationFilter) ([]*mb.Escalation, error) {
	q := args{f.CommitteeIDs, f.RiskIDs, f.OpenOnly}
	readable := "false"
	if f.Reader != nil {
		readable = q.readable(f.Reader, meetingFacts("m"))
	}
	rows, err := s.pool.Query(ctx, `
		SELECT e.id, e.risk_id, e.to_committee_id, tc.code, tc.name, e.meeting_id, e.decision_id, d.kind, d.text,
		       e.likelihood, e.impact, e.band, e.escalated_at, c.escalation_threshold,
		       e.withdrawn_meeting_id, e.withdrawn_at, e.withdrawal_reason, coalesce(wd.text, ''), `+readable+`
		FROM risk_escalations e
		JOIN risks r ON r.id = e.risk_id
		JOIN committees c ON c.id = r.committee_id
		JOIN committees tc ON tc.id = e.to_committee_id
		JOIN decisions d ON d.id = e.decision_id
		JOIN meetings m ON m.id = e.meeting_id
		LEFT JOIN decisions wd ON wd.id = e.withdrawn_decision_id
		WHERE ($1::bigint[] IS NULL OR e.committee_id = ANY($1))
		  AND ($2::bigint[] IS NULL OR e.risk_id = ANY($2))
		  AND (NOT $3 OR e.withdrawn_at IS NULL)
		ORDER BY m.date DESC, e.escalated_at DESC, r.severity DESC, r.reference`, q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: escalations: %w", err)
	}
	meetingIDs := map[int64]bool{}
	withdrawnIn := map[*mb.Escalation]int64{}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*mb.Escalation, error) {
		e := &mb.Escalation{Meeting: &mb.Meeting{}}
		var withdrawnMeeting *int64
		err := row.Scan(&e.ID, &e.RiskID, &e.ToCommitteeID, &e.ToCommitteeCode, &e.ToCommitteeName, &e.Meeting.ID,
			&e.DecisionID, &e.DecisionKind, &e.DecisionText, &e.Likelihood, &e.Impact, &e.Band, &e.EscalatedAt,
			&e.Threshold, &withdrawnMeeting, &e.WithdrawnAt, &e.WithdrawalReason, &e.WithdrawalDecisionText, &e.MinutesReadable)
		meetingIDs[e.Meeting.ID] = true
		if withdrawnMeeting != nil {
			meetingIDs[*withdrawnMeeting] = true
			withdrawnIn[e] = *withdrawnMeeting
		}
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: escalations: %w", err)
	}
	if len(list) == 0 {
		return list, nil
	}
	meetings, err := s.meetingsByID(ctx, meetingIDs)
	if err != nil {
		return nil, err
	}
	for _, e := range list {
		e.Meeting = meetings[e.Meeting.ID]
		if id, ok := withdrawnIn[e]; ok {
			e.WithdrawnMeeting = meetings[id]
		}
	}
	if f.WithRisks {
		if err := s.attachEscalatedRisks(ctx, list); err != nil {
			return nil, err
		}
	}
	return list, nil
}

func (s *Store) meetingsByID(ctx context.Context, set map[int64]bool) (map[int64]*mb.Meeting, error) {
	ids := make([]int64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: meetings: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Meeting, error) { return scanMeeting(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: meetings: %w", err)
	}
	out := make(map[int64]*mb.Meeting, len(list))
	for _, m := range list {
		out[m.ID] = m
	}
	return out, nil
}

// TrendReviews is how many of a risk's latest reviews a dashboard's trend
// shows: a risk reviewed at every meeting for fifteen years has hundreds.
const TrendReviews = 12

// attachEscalatedRisks loads each escalation's risk with its trend, its
// latest TrendReviews reviews oldest first, which the writes keep on the
// risk (migration 0012): one statement for the whole list. Dashboards show
// the risk and its trend, not its escalations or linked actions, so those
// are not read.
func (s *Store) attachEscalatedRisks(ctx context.Context, list []*mb.Escalation) error {
	var ids []int64
	for _, e := range list {
		ids = append(ids, e.RiskID)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+riskColumns+`, r.trend`+riskFrom+` WHERE r.id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("postgres: escalated risks: %w", err)
	}
	risks, err := pgx.CollectRows(rows, scanRiskWithTrend)
	if err != nil {
		return fmt.Errorf("postgres: escalated risks: %w", err)
	}
	byID := make(map[int64]*mb.Risk, len(risks))
	for _, r := range risks {
		byID[r.ID] = r
	}
	for _, e := range list {
		e.Risk = byID[e.RiskID]
	}
	return nil
}

// EscalationSet is a decision about escalations at a meeting: the risks,
// the item that minutes the decision (or the title of a new one), and for a
// withdrawal the committee's reason.
type EscalationSet struct {
	MeetingID    int64
	ItemID       *int64
	NewItemTitle string
	RiskIDs      []int64
	Reason       string
	// Backfill records history from minutes approved before minutebook held
	// them (the demo, imports); pages never set it.
	Backfill bool
}

// escalationTarget is one risk of an EscalationSet, locked for the change.
type escalationTarget struct {
	risk *mb.Risk
	open *int64 // its open escalation
	to   string // the name of the body it is escalated to
	toID int64  // and its id
}

// recordEscalationNotice tells the body's chair and secretariat of the
// decision, unless the set records history (Backfill).
func (s *Store) recordEscalationNotice(ctx context.Context, tx pgx.Tx, set EscalationSet, kind mb.NoticeEventKind, m *mb.Meeting, d *mb.Decision, body int64, risks []int64) error {
	if set.Backfill {
		return nil
	}
	return s.recordNotice(ctx, tx, mb.NoticeEvent{Kind: kind, CommitteeID: m.CommitteeID, MeetingID: &m.ID,
		DecisionID: &d.ID, ToCommitteeID: &body, RiskIDs: risks})
}

// EscalateRisks records, in one transaction, the AGREED decision in the
// meeting that escalates the risks to the committee's parent body, naming
// them, and an open escalation for each. Only open risks at or above the
// committee's threshold that are not escalated already may be escalated.
func (s *Store) EscalateRisks(ctx context.Context, set EscalationSet) (*mb.Decision, error) {
	var d *mb.Decision
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, c, targets, itemID, err := prepareEscalationSet(ctx, tx, set, "escalate")
		if err != nil {
			return err
		}
		if c.ParentID == nil {
			return mb.Errorf(mb.EINVALID, "%s has no parent body to escalate to.", c.Code)
		}
		var refs []string
		for _, t := range targets {
			r := t.risk
			switch {
			case t.open != nil:
				return fieldError("risks", mb.ECONFLICT, r.Reference+" is already escalated to "+mb.BodyName(c.ParentName)+".")
			case r.Severity() < c.EscalationThreshold:
				return fieldError("risks", mb.EINVALID, fmt.Sprintf("%s has severity %d, below the %s threshold of %d: it cannot be escalated.",
					r.Reference, r.Severity(), c.Code, c.EscalationThreshold))
			}
			refs = append(refs, r.Reference)
		}
		reviewed, err := reviewedInItem(ctx, tx, m.ID, *itemID)
		if err != nil {
			return err
		}
		n := 0
		if sameSet(refs, reviewed) {
			n = len(reviewed)
		}
		if d, err = addDecision(ctx, tx, m, c, *itemID, mb.EscalationDecisionText(refs, n, c.ParentName)); err != nil {
			return err
		}
		ids := make([]int64, len(targets))
		for i, t := range targets {
			if err := insertEscalation(ctx, tx, m, c, t.risk, d.ID); err != nil {
				return err
			}
			ids[i] = t.risk.ID
		}
		return s.recordEscalationNotice(ctx, tx, set, mb.EventEscalated, m, d, *c.ParentID, ids)
	})
	if e := constraintError(err, map[string]*mb.Error{
		"risk_escalations_one_open": {Code: mb.ECONFLICT, Message: "One of the risks was escalated by someone else a moment ago.",
			Fields: map[string]string{"risks": "One of the risks was escalated by someone else a moment ago."}},
	}); e != nil {
		return nil, e
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: escalate risks at meeting %d: %w", set.MeetingID, err)
	}
	return d, nil
}

// insertEscalation opens the escalation of r, a risk of committee c locked
// within tx, to c's parent body, resting on the decision at meeting m.
func insertEscalation(ctx context.Context, tx pgx.Tx, m *mb.Meeting, c *mb.Committee, r *mb.Risk, decisionID int64) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO risk_escalations (risk_id, committee_id, to_committee_id, meeting_id, decision_id, likelihood, impact, band)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		r.ID, r.CommitteeID, *c.ParentID, m.ID, decisionID, r.Likelihood, r.Impact, c.Band(r.Severity()))
	if err != nil {
		return err
	}
	summary := fmt.Sprintf("Escalated %s (%s) to %s at %s", r.Reference,
		mb.SeverityLabel(r.Severity(), c.Band(r.Severity())), mb.BodyName(c.ParentName), m.ShortName())
	return audit(ctx, tx, "risk", r.ID, &c.ID, "escalate", summary)
}

// WithdrawEscalations records, in one transaction, the AGREED decision in
// the meeting that withdraws the open escalations of the risks, and closes
// them.
func (s *Store) WithdrawEscalations(ctx context.Context, set EscalationSet) (*mb.Decision, error) {
	var d *mb.Decision
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, c, targets, itemID, err := prepareEscalationSet(ctx, tx, set, "withdraw")
		if err != nil {
			return err
		}
		var refs []string
		to := ""
		byBody := map[int64][]int64{}
		for _, t := range targets {
			if t.open == nil {
				return fieldError("risks", mb.EINVALID, t.risk.Reference+" is not escalated.")
			}
			refs, to = append(refs, t.risk.Reference), t.to
			byBody[t.toID] = append(byBody[t.toID], t.risk.ID)
		}
		if d, err = addDecision(ctx, tx, m, c, *itemID, mb.WithdrawalDecisionText(refs, to, set.Reason)); err != nil {
			return err
		}
		for _, t := range targets {
			_, err := tx.Exec(ctx, `
				UPDATE risk_escalations SET withdrawn_meeting_id = $2, withdrawn_decision_id = $3,
				       withdrawn_at = now(), withdrawal_reason = $4
				WHERE id = $1`, *t.open, m.ID, d.ID, strings.TrimSpace(set.Reason))
			if err != nil {
				return err
			}
			summary := fmt.Sprintf("Withdrew the escalation of %s to %s at %s", t.risk.Reference, mb.BodyName(t.to), m.ShortName())
			if err := audit(ctx, tx, "risk", t.risk.ID, &c.ID, "withdraw escalation", summary); err != nil {
				return err
			}
		}
		for _, body := range slices.Sorted(maps.Keys(byBody)) {
			if err := s.recordEscalationNotice(ctx, tx, set, mb.EventWithdrawn, m, d, body, byBody[body]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: withdraw escalations at meeting %d: %w", set.MeetingID, err)
	}
	return d, nil
}

// prepareEscalationSet locks the meeting, resolves the item and locks each
// risk, most severe first, with its open escalation if any.
func prepareEscalationSet(ctx context.Context, tx pgx.Tx, set EscalationSet, verb string) (*mb.Meeting, *mb.Committee, []escalationTarget, *int64, error) {
	if len(set.RiskIDs) == 0 {
		return nil, nil, nil, nil, fieldError("risks", mb.EINVALID, "Tick the risks to "+verb+".")
	}
	m, c, err := lockMeetingForRisks(ctx, tx, set.MeetingID, set.Backfill)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	itemID, err := riskItem(ctx, tx, m, set.ItemID, set.NewItemTitle, false)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	rows, err := tx.Query(ctx, `SELECT `+riskColumns+riskFrom+` WHERE r.id = ANY($1) AND r.committee_id = $2
		ORDER BY r.severity DESC, r.reference FOR UPDATE OF r`, set.RiskIDs, m.CommitteeID)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	risks, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Risk, error) { return scanRisk(r) })
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if len(risks) != len(slices.Compact(slices.Sorted(slices.Values(set.RiskIDs)))) {
		return nil, nil, nil, nil, mb.Errorf(mb.ENOTFOUND, "There is no such risk in the %s register.", c.Code)
	}
	targets := make([]escalationTarget, 0, len(risks))
	for _, r := range risks {
		if r.Status != mb.RiskOpen {
			return nil, nil, nil, nil, fieldError("risks", mb.EINVALID, r.Reference+" is closed.")
		}
		t := escalationTarget{risk: r}
		var id int64
		err := tx.QueryRow(ctx, `SELECT e.id, tc.name, tc.id FROM risk_escalations e JOIN committees tc ON tc.id = e.to_committee_id
			WHERE e.risk_id = $1 AND e.withdrawn_at IS NULL`, r.ID).Scan(&id, &t.to, &t.toID)
		switch {
		case err == nil:
			t.open = &id
		case err != pgx.ErrNoRows:
			return nil, nil, nil, nil, err
		}
		targets = append(targets, t)
	}
	return m, c, targets, itemID, nil
}

// addDecision records an AGREED decision at the end of the item's decisions.
func addDecision(ctx context.Context, tx pgx.Tx, m *mb.Meeting, c *mb.Committee, itemID int64, text string) (*mb.Decision, error) {
	const kind = "AGREED"
	if !slices.Contains(c.DecisionVocabulary, kind) {
		return nil, mb.Errorf(mb.EINVALID, "The %s decision words lack AGREED: add it to the committee's decision words first.", c.Code)
	}
	d := &mb.Decision{ItemID: itemID, Kind: kind, Text: text}
	if err := insertDecisionUnchecked(ctx, tx, m, d); err != nil {
		return nil, err
	}
	return d, nil
}

// reviewedInItem returns the references of the risks reviewed in the item.
func reviewedInItem(ctx context.Context, tx pgx.Tx, meetingID, itemID int64) ([]string, error) {
	rows, err := tx.Query(ctx, `SELECT r.reference FROM risk_reviews v JOIN risks r ON r.id = v.risk_id
		WHERE v.meeting_id = $1 AND v.item_id = $2`, meetingID, itemID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func fieldError(field, code, msg string) *mb.Error {
	return &mb.Error{Code: code, Message: msg, Fields: map[string]string{field: msg}}
}
