package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// riskColumns and riskFrom read risks with their committee, owner and the
// band their severity falls in under the committee's bands.
const riskColumns = `
	r.id, r.committee_id, c.code, c.name, r.reference, r.statement,
	r.owner_organisation_id, o.name, r.owner_person_id, coalesce(p.name, ''),
	r.likelihood, r.impact,
	coalesce((SELECT b.name FROM severity_bands b WHERE b.committee_id = r.committee_id
	          AND r.severity BETWEEN b.min_severity AND b.max_severity LIMIT 1), ''),
	r.status, r.mitigations, r.version, r.created_at, r.updated_at`

const riskFrom = `
	FROM risks r
	JOIN committees c ON c.id = r.committee_id
	JOIN organisations o ON o.id = r.owner_organisation_id
	LEFT JOIN people p ON p.id = r.owner_person_id`

func scanRisk(row pgx.Row) (*mb.Risk, error) {
	var r mb.Risk
	var status string
	err := row.Scan(&r.ID, &r.CommitteeID, &r.CommitteeCode, &r.CommitteeName, &r.Reference, &r.Statement,
		&r.OwnerID, &r.OwnerName, &r.OwnerPersonID, &r.OwnerPersonName,
		&r.Likelihood, &r.Impact, &r.Band, &status, &r.Mitigations, &r.Version, &r.CreatedAt, &r.UpdatedAt)
	r.Status = mb.RiskStatus(status)
	return &r, err
}

// Risks returns the risks matching f, most severe first, each with its
// reviews, escalations and linked actions.
func (s *Store) Risks(ctx context.Context, f mb.RiskFilter) ([]*mb.Risk, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+riskColumns+`, r.trend`+riskFrom+`
		WHERE ($1::bigint IS NULL OR r.committee_id = $1)
		  AND ($2::bigint[] IS NULL OR r.id = ANY($2))
		  AND ($3 = '' OR r.status = $3)
		  AND ($4 = 0 OR r.likelihood = $4)
		  AND ($5 = 0 OR r.impact = $5)
		ORDER BY r.severity DESC, c.code, r.reference`,
		f.CommitteeID, f.IDs, string(f.Status), f.Likelihood, f.Impact)
	if err != nil {
		return nil, fmt.Errorf("postgres: risks: %w", err)
	}
	list, err := pgx.CollectRows(rows, scanRiskWithTrend)
	if err != nil {
		return nil, fmt.Errorf("postgres: risks: %w", err)
	}
	if err := s.attachRiskDetail(ctx, list, !f.Trend); err != nil {
		return nil, err
	}
	return list, nil
}

// trendPoint is one review of a risk's trend as the risk keeps it.
type trendPoint struct {
	Meeting    int64  `json:"meeting"`
	Number     int    `json:"number"`
	Code       string `json:"code"`
	Date       string `json:"date"`
	Likelihood int    `json:"likelihood"`
	Impact     int    `json:"impact"`
}

// scanRiskWithTrend reads riskColumns and the trend, whose reviews become
// the risk's Reviews.
func scanRiskWithTrend(row pgx.CollectableRow) (*mb.Risk, error) {
	var body []byte
	r, err := scanRisk(rowWith{Row: row, extra: []any{&body}})
	if err != nil {
		return nil, err
	}
	var trend []trendPoint
	if err := gojson.Unmarshal(body, &trend); err != nil {
		return nil, err
	}
	for _, t := range trend {
		day, err := time.Parse(time.DateOnly, t.Date)
		if err != nil {
			return nil, err
		}
		r.Reviews = append(r.Reviews, mb.RiskReview{RiskID: r.ID, MeetingID: t.Meeting, MeetingNumber: t.Number, CommitteeCode: t.Code,
			MeetingDate: day, Reference: r.Reference, Likelihood: t.Likelihood, Impact: t.Impact})
	}
	return r, nil
}

// Risk returns the risk with the id, with its history.
func (s *Store) Risk(ctx context.Context, id int64) (*mb.Risk, error) {
	r, err := scanRisk(s.pool.QueryRow(ctx, `SELECT `+riskColumns+riskFrom+` WHERE r.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: risk %d: %w", id, notFound(err, "There is no such risk."))
	}
	return r, s.attachRiskDetail(ctx, []*mb.Risk{r}, true)
}

// RiskByReference returns the committee's risk with the reference, such as
// "OPSG-006", with its history.
func (s *Store) RiskByReference(ctx context.Context, committeeID int64, reference string) (*mb.Risk, error) {
	r, err := scanRisk(s.pool.QueryRow(ctx, `SELECT `+riskColumns+riskFrom+` WHERE r.committee_id = $1 AND r.reference = $2`,
		committeeID, strings.ToUpper(reference)))
	if err != nil {
		return nil, fmt.Errorf("postgres: risk %s: %w", reference, notFound(err, "There is no risk %s.", reference))
	}
	return r, s.attachRiskDetail(ctx, []*mb.Risk{r}, true)
}

// attachRiskDetail loads the reviews, escalations and linked actions of
// every risk, a query for each kind.
func (s *Store) attachRiskDetail(ctx context.Context, risks []*mb.Risk, allReviews bool) error {
	if len(risks) == 0 {
		return nil
	}
	byID := make(map[int64]*mb.Risk, len(risks))
	ids := make([]int64, 0, len(risks))
	for _, r := range risks {
		if allReviews {
			r.Reviews = nil
		}
		r.Escalations, r.Actions, r.ActionIDs = nil, nil, nil
		byID[r.ID] = r
		ids = append(ids, r.ID)
	}
	if allReviews {
		reviews, err := s.riskReviews(ctx, `WHERE v.risk_id = ANY($1) ORDER BY v.risk_id, m.date, m.number`, ids)
		if err != nil {
			return err
		}
		for _, v := range reviews {
			byID[v.RiskID].Reviews = append(byID[v.RiskID].Reviews, v)
		}
	}
	escalations, err := s.Escalations(ctx, mb.EscalationFilter{RiskIDs: ids})
	if err != nil {
		return err
	}
	for _, e := range escalations {
		r := byID[e.RiskID]
		e.Risk = r
		r.Escalations = append(r.Escalations, e)
	}
	return s.attachRiskActions(ctx, byID, ids)
}

func (s *Store) attachRiskActions(ctx context.Context, byID map[int64]*mb.Risk, ids []int64) error {
	rows, err := s.pool.Query(ctx, `SELECT risk_id, action_id FROM risk_actions WHERE risk_id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("postgres: risk actions: %w", err)
	}
	links, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]int64, error) {
		var l [2]int64
		return l, r.Scan(&l[0], &l[1])
	})
	if err != nil || len(links) == 0 {
		return err
	}
	var actionIDs []int64
	for _, l := range links {
		actionIDs = append(actionIDs, l[1])
	}
	rows, err = s.pool.Query(ctx, `SELECT `+actionColumns+actionFrom+` WHERE a.id = ANY($1) ORDER BY c.code, a.meeting_number, a.sequence`, actionIDs)
	if err != nil {
		return fmt.Errorf("postgres: risk actions: %w", err)
	}
	actions, err := collectActions(rows)
	if err != nil {
		return fmt.Errorf("postgres: risk actions: %w", err)
	}
	linked := map[[2]int64]bool{}
	for _, l := range links {
		linked[l] = true
	}
	for _, id := range ids {
		r := byID[id]
		for _, a := range actions {
			if linked[[2]int64{id, a.ID}] {
				r.Actions = append(r.Actions, a)
				r.ActionIDs = append(r.ActionIDs, a.ID)
			}
		}
	}
	return nil
}

var riskConstraints = map[string]*mb.Error{
	"risks_reference_key": {Code: mb.ECONFLICT, Message: "The committee already has a risk with that reference.",
		Fields: map[string]string{"reference": "The committee already has a risk with that reference."}},
	"risks_owner_organisation_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing organisation as owner.",
		Fields: map[string]string{"owner": "Choose an existing organisation as owner."}},
	"risks_owner_person_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing person.",
		Fields: map[string]string{"owner_person": "Choose an existing person."}},
	"risk_actions_action_id_fkey": {Code: mb.EINVALID, Message: "Link existing actions only.",
		Fields: map[string]string{"actions": "Link existing actions only."}},
}

// CreateRisk adds a risk to its committee's register, allocating the next
// reference ("OPSG-007") when r.Reference is empty, and sets its ID and Version.
func (s *Store) CreateRisk(ctx context.Context, r *mb.Risk) error {
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error { return insertRisk(ctx, tx, r) })
	if e := constraintError(err, riskConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: create risk: %w", err)
	}
	return nil
}

// insertRisk stores a validated risk within tx, allocating its reference
// when it has none, with its linked actions.
func insertRisk(ctx context.Context, tx pgx.Tx, r *mb.Risk) error {
	if err := allocateRiskReference(ctx, tx, r); err != nil {
		return err
	}
	err := tx.QueryRow(ctx, `
		INSERT INTO risks (committee_id, reference, statement, owner_organisation_id, owner_person_id,
		                   likelihood, impact, status, mitigations)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		RETURNING id, version, created_at, updated_at`,
		r.CommitteeID, r.Reference, r.Statement, r.OwnerID, r.OwnerPersonID,
		r.Likelihood, r.Impact, string(r.Status), r.Mitigations,
	).Scan(&r.ID, &r.Version, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return err
	}
	if err := linkRiskActions(ctx, tx, r); err != nil {
		return err
	}
	return audit(ctx, tx, "risk", r.ID, &r.CommitteeID, "create",
		fmt.Sprintf("Added risk %s (likelihood %d × impact %d = severity %d): %s",
			r.Reference, r.Likelihood, r.Impact, r.Severity(), r.Statement))
}

// allocateRiskReference gives r the committee's next reference when it has
// none, and moves the counter past a given reference of the same form, so
// that no reference is ever handed out twice.
func allocateRiskReference(ctx context.Context, tx pgx.Tx, r *mb.Risk) error {
	var code string
	var last int
	err := tx.QueryRow(ctx, `SELECT code, last_risk_number FROM committees WHERE id = $1 FOR NO KEY UPDATE`, r.CommitteeID).Scan(&code, &last)
	if err != nil {
		return notFound(err, "There is no such committee.")
	}
	rows, err := tx.Query(ctx, `SELECT reference FROM risks WHERE committee_id = $1`, r.CommitteeID)
	if err != nil {
		return err
	}
	refs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, ref := range refs {
		if n, ok := mb.RiskNumber(code, ref); ok && n > last {
			last = n
		}
	}
	if r.Reference == "" {
		last++
		r.Reference = mb.RiskReference(code, last)
	} else if n, ok := mb.RiskNumber(code, r.Reference); ok && n > last {
		last = n
	}
	_, err = tx.Exec(ctx, `UPDATE committees SET last_risk_number = $2 WHERE id = $1`, r.CommitteeID, last)
	return err
}

// linkRiskActions makes the risk's linked actions exactly r.ActionIDs; the
// actions must belong to the risk's committee.
func linkRiskActions(ctx context.Context, tx pgx.Tx, r *mb.Risk) error {
	if _, err := tx.Exec(ctx, `DELETE FROM risk_actions WHERE risk_id = $1`, r.ID); err != nil {
		return err
	}
	for _, id := range r.ActionIDs {
		tag, err := tx.Exec(ctx, `
			INSERT INTO risk_actions (risk_id, action_id)
			SELECT $1, a.id FROM actions a WHERE a.id = $2 AND a.committee_id = $3
			ON CONFLICT DO NOTHING`, r.ID, id, r.CommitteeID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			var exists bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM risk_actions WHERE risk_id = $1 AND action_id = $2)`, r.ID, id).Scan(&exists); err != nil {
				return err
			}
			if !exists {
				return &mb.Error{Code: mb.EINVALID, Message: "Link only the committee's own actions.",
					Fields: map[string]string{"actions": "Link only the committee's own actions."}}
			}
		}
	}
	return nil
}

// UpdateRisk saves r over the stored risk when the stored version is still
// r.Version. Its reference never changes; its scores change only by a
// review at a meeting once it has one, so that the history shows every
// change; and it cannot be closed while escalated.
func (s *Store) UpdateRisk(ctx context.Context, r *mb.Risk) error {
	r.Normalize()
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := scanRisk(tx.QueryRow(ctx, `SELECT `+riskColumns+riskFrom+` WHERE r.id = $1 FOR UPDATE OF r`, r.ID))
		if err != nil {
			return notFound(err, "There is no such risk.")
		}
		if before.Version != r.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this risk while you were editing it.")
		}
		r.CommitteeID, r.CommitteeCode, r.Reference = before.CommitteeID, before.CommitteeCode, before.Reference
		if err := r.Validate(); err != nil {
			return err
		}
		var reviewed, escalated bool
		err = tx.QueryRow(ctx, `SELECT
			EXISTS (SELECT 1 FROM risk_reviews WHERE risk_id = $1),
			EXISTS (SELECT 1 FROM risk_escalations WHERE risk_id = $1 AND withdrawn_at IS NULL)`, r.ID).Scan(&reviewed, &escalated)
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT coalesce(array_agg(action_id ORDER BY action_id), '{}') FROM risk_actions WHERE risk_id = $1`, r.ID).Scan(&before.ActionIDs); err != nil {
			return err
		}
		if reviewed && (r.Likelihood != before.Likelihood || r.Impact != before.Impact) {
			msg := "Change the scores by reviewing the risk at a meeting, so that its history shows the change."
			return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"likelihood": msg}}
		}
		if escalated && r.Status == mb.RiskClosed {
			msg := "The risk is escalated: record the decision to withdraw the escalation at a meeting before closing it."
			return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"status": msg}}
		}
		err = tx.QueryRow(ctx, `
			UPDATE risks SET statement = $2, owner_organisation_id = $3, owner_person_id = $4,
			       likelihood = $5, impact = $6, status = $7, mitigations = $8,
			       version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING version, updated_at`,
			r.ID, r.Statement, r.OwnerID, r.OwnerPersonID, r.Likelihood, r.Impact, string(r.Status), r.Mitigations,
		).Scan(&r.Version, &r.UpdatedAt)
		if err != nil {
			return err
		}
		if err := linkRiskActions(ctx, tx, r); err != nil {
			return err
		}
		return audit(ctx, tx, "risk", r.ID, &r.CommitteeID, "update", "Updated risk "+r.Reference+": "+riskChanges(before, r))
	})
	if e := constraintError(err, riskConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: update risk %d: %w", r.ID, err)
	}
	return nil
}

func riskChanges(before, after *mb.Risk) string {
	var c changeList
	c.add("statement", before.Statement, after.Statement)
	c.add("owner", fmt.Sprint(before.OwnerID), fmt.Sprint(after.OwnerID))
	c.add("owner person", idString(before.OwnerPersonID), idString(after.OwnerPersonID))
	c.add("likelihood", fmt.Sprint(before.Likelihood), fmt.Sprint(after.Likelihood))
	c.add("impact", fmt.Sprint(before.Impact), fmt.Sprint(after.Impact))
	c.add("status", string(before.Status), string(after.Status))
	c.add("mitigations", before.Mitigations, after.Mitigations)
	c.add("linked actions", idList(before.ActionIDs), idList(after.ActionIDs))
	return c.String()
}

func idList(ids []int64) string {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	var parts []string
	for _, id := range sorted {
		parts = append(parts, fmt.Sprintf("#%d", id))
	}
	return strings.Join(parts, ", ")
}
