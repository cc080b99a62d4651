package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ReviewSet is what the secretariat records about the risk register at one
// meeting, in one form.
type ReviewSet struct {
	MeetingID int64
	// ItemID is the agenda item whose minute carries the reviews; when nil,
	// NewItemTitle adds an item at the end of the agenda.
	ItemID       *int64
	NewItemTitle string
	Reviews      []mb.ReviewInput
	// Backfill records history from minutes that were approved before
	// minutebook held them (the demo, imports): it skips the lock on
	// approved minutes and lets reviews stand without an item. Pages never
	// set it.
	Backfill bool
}

// RecordReviews records the reviews of a meeting in one transaction: all or
// nothing. A risk reviewed again at the same meeting has its review
// corrected, not doubled. Each risk's scores become those of its latest
// review by meeting date. The item chosen for the reviews is returned.
func (s *Store) RecordReviews(ctx context.Context, set ReviewSet) (*int64, error) {
	fe := mb.FieldErrors{}
	for _, in := range set.Reviews {
		for field, msg := range in.Validate() {
			fe.Add(field+"-"+strconv.FormatInt(in.RiskID, 10), msg)
		}
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	if len(set.Reviews) == 0 {
		return nil, &mb.Error{Code: mb.EINVALID, Message: "Tick at least one risk reviewed at the meeting.",
			Fields: map[string]string{"reviews": "Tick at least one risk reviewed at the meeting."}}
	}
	var itemID *int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, c, err := lockMeetingForRisks(ctx, tx, set.MeetingID, set.Backfill)
		if err != nil {
			return err
		}
		if itemID, err = riskItem(ctx, tx, m, set.ItemID, set.NewItemTitle, set.Backfill); err != nil {
			return err
		}
		for _, in := range set.Reviews {
			if err := recordReview(ctx, tx, m, c, itemID, in); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: record reviews at meeting %d: %w", set.MeetingID, err)
	}
	return itemID, nil
}

func recordReview(ctx context.Context, tx pgx.Tx, m *mb.Meeting, c *mb.Committee, itemID *int64, in mb.ReviewInput) error {
	r, err := scanRisk(tx.QueryRow(ctx, `SELECT `+riskColumns+riskFrom+` WHERE r.id = $1 FOR UPDATE OF r`, in.RiskID))
	if err != nil || r.CommitteeID != m.CommitteeID {
		return mb.Errorf(mb.ENOTFOUND, "There is no such risk in the %s register.", m.CommitteeCode)
	}
	if r.Status != mb.RiskOpen {
		msg := r.Reference + " is closed: reopen it before reviewing it."
		return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"reviewed-" + strconv.FormatInt(r.ID, 10): msg}}
	}
	sev := mb.Severity(in.Likelihood, in.Impact)
	_, err = tx.Exec(ctx, `
		INSERT INTO risk_reviews (risk_id, meeting_id, item_id, likelihood, impact, band, statement, comment, actor_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (risk_id, meeting_id) DO UPDATE SET item_id = EXCLUDED.item_id,
			likelihood = EXCLUDED.likelihood, impact = EXCLUDED.impact, band = EXCLUDED.band,
			statement = EXCLUDED.statement, comment = EXCLUDED.comment, actor_id = EXCLUDED.actor_id, at = now()`,
		r.ID, m.ID, itemID, in.Likelihood, in.Impact, c.Band(sev), r.Statement, strings.TrimSpace(in.Comment), actorID(ctx))
	if err != nil {
		return err
	}
	if err := syncRiskScores(ctx, tx, r.ID); err != nil {
		return err
	}
	summary := fmt.Sprintf("Reviewed %s at %s: severity %d → %d (%s)",
		r.Reference, m.ShortName(), r.Severity(), sev, mb.SeverityLabel(sev, c.Band(sev)))
	if in.Comment != "" {
		summary += ": " + strings.TrimSpace(in.Comment)
	}
	return audit(ctx, tx, "risk", r.ID, &r.CommitteeID, "review", summary)
}

// syncRiskScores sets the risk's scores to those of its latest review by
// meeting date, so that correcting an older meeting's review does not undo
// a newer one. A risk without reviews keeps its scores.
func syncRiskScores(ctx context.Context, tx pgx.Tx, riskID int64) error {
	_, err := tx.Exec(ctx, `
		UPDATE risks r SET likelihood = v.likelihood, impact = v.impact, version = r.version + 1, updated_at = now()
		FROM (SELECT rv.likelihood, rv.impact FROM risk_reviews rv JOIN meetings m ON m.id = rv.meeting_id
		      WHERE rv.risk_id = $1 ORDER BY m.date DESC, m.number DESC LIMIT 1) v
		WHERE r.id = $1`, riskID)
	return err
}

// actorID is the signed-in user making the change, or nil for the system.
func actorID(ctx context.Context) *int64 {
	if u := mb.ActorFromContext(ctx); u != nil {
		return &u.ID
	}
	return nil
}

// lockMeetingForRisks locks the meeting against concurrent risk decisions and
// refuses approved or published minutes, which never change (unless the
// caller is backfilling history). It returns the meeting and its committee.
func lockMeetingForRisks(ctx context.Context, tx pgx.Tx, meetingID int64, backfill bool) (*mb.Meeting, *mb.Committee, error) {
	m, err := scanMeeting(tx.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1 FOR NO KEY UPDATE OF m`, meetingID))
	if err != nil {
		return nil, nil, notFound(err, "There is no such meeting.")
	}
	if !backfill && (m.Status == mb.Approved || m.Status == mb.Published) {
		return nil, nil, mb.Errorf(mb.ECONFLICT, "The minutes of %s are %s and can no longer change.", m.ShortName(), m.Status)
	}
	c, err := scanCommittee(tx.QueryRow(ctx, `SELECT `+committeeColumns+committeeFrom+` WHERE c.id = $1`, m.CommitteeID))
	if err != nil {
		return nil, nil, err
	}
	return m, c, nil
}

// riskItem resolves the agenda item that carries the meeting's risk
// business: the one chosen, which must be the meeting's, or a new item at
// the end of the agenda. Its version moves on, so that an item form opened
// before this change cannot silently overwrite it.
func riskItem(ctx context.Context, tx pgx.Tx, m *mb.Meeting, itemID *int64, newTitle string, optional bool) (*int64, error) {
	newTitle = strings.Join(strings.Fields(newTitle), " ")
	switch {
	case itemID != nil:
		tag, err := tx.Exec(ctx, `UPDATE agenda_items SET version = version + 1, updated_at = now() WHERE id = $1 AND meeting_id = $2`, *itemID, m.ID)
		if err != nil {
			return nil, err
		}
		if tag.RowsAffected() == 0 {
			return nil, &mb.Error{Code: mb.EINVALID, Message: "Choose an agenda item of this meeting.",
				Fields: map[string]string{"item": "Choose an agenda item of this meeting."}}
		}
		return itemID, nil
	case newTitle != "":
		if len(newTitle) > 300 {
			return nil, &mb.Error{Code: mb.EINVALID, Message: "The item title is too long: 300 characters at most.",
				Fields: map[string]string{"new_item": "The item title is too long: 300 characters at most."}}
		}
		var id int64
		err := tx.QueryRow(ctx, `
			INSERT INTO agenda_items (meeting_id, position, title)
			SELECT $1, coalesce(max(position), 0) + 1, $2 FROM agenda_items WHERE meeting_id = $1 AND parent_id IS NULL
			RETURNING id`, m.ID, newTitle).Scan(&id)
		if err != nil {
			return nil, err
		}
		if err := audit(ctx, tx, "agenda_item", id, &m.CommitteeID, "create", "Added item “"+newTitle+"” to "+m.ShortName()); err != nil {
			return nil, err
		}
		return &id, nil
	case optional:
		return nil, nil
	}
	msg := "Choose the agenda item that records the risk register, or give the title of a new one."
	return nil, &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"item": msg}}
}

// riskReviews reads reviews with their meeting, risk reference and who
// recorded them; where is the rest of the query, with $1 its argument.
// Each review finds its meeting by the primary key; OFFSET 0 keeps the
// planner from hashing every meeting instead (7.6 ms for the dashboard's
// thousand reviews at the large scale demo).
func (s *Store) riskReviews(ctx context.Context, where string, arg any) ([]mb.RiskReview, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT v.id, v.risk_id, v.meeting_id, m.number, m.date, c.code, v.item_id, r.reference, v.statement,
		       v.likelihood, v.impact, v.band, v.comment, coalesce(pp.name, 'system'), v.at
		FROM risk_reviews v
		JOIN risks r ON r.id = v.risk_id
		JOIN LATERAL (SELECT mm.number, mm.date, mm.committee_id FROM meetings mm WHERE mm.id = v.meeting_id OFFSET 0) m ON true
		JOIN committees c ON c.id = m.committee_id
		LEFT JOIN users u ON u.id = v.actor_id
		LEFT JOIN people pp ON pp.id = u.person_id `+where, arg)
	if err != nil {
		return nil, fmt.Errorf("postgres: risk reviews: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (mb.RiskReview, error) {
		var v mb.RiskReview
		err := row.Scan(&v.ID, &v.RiskID, &v.MeetingID, &v.MeetingNumber, &v.MeetingDate, &v.CommitteeCode, &v.ItemID,
			&v.Reference, &v.Statement, &v.Likelihood, &v.Impact, &v.Band, &v.Comment, &v.ActorName, &v.At)
		return v, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: risk reviews: %w", err)
	}
	return list, nil
}

// RiskReviewsAt returns the reviews recorded at the meeting, most severe
// first, as the minutes list them.
func (s *Store) RiskReviewsAt(ctx context.Context, meetingID int64) ([]mb.RiskReview, error) {
	return s.riskReviews(ctx, `WHERE v.meeting_id = $1 ORDER BY v.severity DESC, r.reference`, meetingID)
}

// RiskReviewsByItem returns the meeting's reviews grouped by the id of the
// agenda item that records them, for the rendered minutes. Reviews without
// an item (history from before minutebook) are left out.
func (s *Store) RiskReviewsByItem(ctx context.Context, meetingID int64) (map[int64][]mb.RiskReview, error) {
	list, err := s.RiskReviewsAt(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	out := map[int64][]mb.RiskReview{}
	for _, v := range list {
		if v.ItemID != nil {
			out[*v.ItemID] = append(out[*v.ItemID], v)
		}
	}
	return out, nil
}

// ItemChoices returns the meeting's agenda items in order, numbered ("5",
// "5.1"), for choosing where risk business is minuted.
func (s *Store) ItemChoices(ctx context.Context, meetingID int64) ([]mb.Item, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT i.id, i.meeting_id, i.parent_id, i.position, i.title, i.version,
		       coalesce(p.position::text || '.', '') || i.position::text
		FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id
		WHERE i.meeting_id = $1
		ORDER BY coalesce(p.position, i.position), i.parent_id NULLS FIRST, i.position`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: item choices: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (mb.Item, error) {
		var it mb.Item
		err := row.Scan(&it.ID, &it.MeetingID, &it.ParentID, &it.Position, &it.Title, &it.Version, &it.Number)
		return it, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: item choices: %w", err)
	}
	return list, nil
}
