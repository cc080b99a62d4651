package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// audit writes one audit record inside the change's own transaction, naming
// the actor from the context ("system" when there is none: the command line
// or the demo loader), and notes in audit_actors that the actor appears in
// the committee's records.
func audit(ctx context.Context, tx pgx.Tx, entity string, entityID int64, committeeID *int64, action, summary string) error {
	var actorID *int64
	actorName := "system"
	if u := mb.ActorFromContext(ctx); u != nil {
		actorID, actorName = &u.ID, u.Name
	}
	_, err := tx.Exec(ctx, `
		WITH entry AS (
			INSERT INTO audit_log (actor_id, actor_name, entity, entity_id, committee_id, action, summary)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			RETURNING actor_id, committee_id)
		INSERT INTO audit_actors (committee_id, actor_id)
		SELECT committee_id, actor_id FROM entry WHERE actor_id IS NOT NULL
		ON CONFLICT DO NOTHING`,
		actorID, actorName, entity, entityID, committeeID, action, summary)
	if err != nil {
		return fmt.Errorf("audit %s %d: %w", entity, entityID, err)
	}
	return nil
}

// changeList builds a readable "field: before → after" summary of the fields
// that changed. Pairs are given as field, before, after.
type changeList []string

func (c *changeList) add(field, before, after string) {
	if before != after {
		*c = append(*c, fmt.Sprintf("%s: %q → %q", field, before, after))
	}
}

func (c changeList) String() string {
	if len(c) == 0 {
		return "no visible change"
	}
	return strings.Join(c, "; ")
}

func committeeChanges(before, after *mb.Committee) string {
	var c changeList
	c.add("code", before.Code, after.Code)
	c.add("name", before.Name, after.Name)
	c.add("description", before.Description, after.Description)
	c.add("parent", idString(before.ParentID), idString(after.ParentID))
	c.add("secretariat", idString(before.SecretariatID), idString(after.SecretariatID))
	c.add("categories", strings.Join(before.Categories, ", "), strings.Join(after.Categories, ", "))
	c.add("decisions", strings.Join(before.DecisionVocabulary, ", "), strings.Join(after.DecisionVocabulary, ", "))
	c.add("escalation threshold", fmt.Sprint(before.EscalationThreshold), fmt.Sprint(after.EscalationThreshold))
	c.add("reminder days", fmt.Sprint(before.ReminderDays), fmt.Sprint(after.ReminderDays))
	return c.String()
}

func idString(id *int64) string {
	if id == nil {
		return "none"
	}
	return fmt.Sprintf("#%d", *id)
}

// AuditActors returns, by name, the users who appear in the audit records
// of the committees, or in any record when committees is nil: the people
// the audit page's filter offers.
func (s *Store) AuditActors(ctx context.Context, committees []int64) ([]*mb.User, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+userFrom+`
		WHERE u.id IN (SELECT actor_id FROM audit_actors WHERE $1::bigint[] IS NULL OR committee_id = ANY($1))
		ORDER BY lower(p.name), u.id`, committees)
	if err != nil {
		return nil, fmt.Errorf("postgres: audit actors: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.User, error) { return scanUser(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: audit actors: %w", err)
	}
	return list, nil
}

// AuditLog returns the newest entries matching f, at most f.Limit (default 100).
func (s *Store) AuditLog(ctx context.Context, f mb.AuditFilter) ([]mb.AuditEntry, error) {
	limit := f.Limit
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := s.pool.Query(ctx, `
		SELECT a.id, a.at, a.actor_id, a.actor_name, a.entity, a.entity_id,
		       a.committee_id, coalesce(c.code, ''), a.action, a.summary
		FROM audit_log a LEFT JOIN committees c ON c.id = a.committee_id
		WHERE ($1::bigint IS NULL OR a.committee_id = $1)
		  AND ($2::text = '' OR a.entity = $2)
		  AND ($3::bigint IS NULL OR a.actor_id = $3)
		  AND ($4::bigint[] IS NULL OR a.committee_id = ANY($4))
		ORDER BY a.at DESC, a.id DESC
		LIMIT $5 OFFSET $6`,
		f.CommitteeID, f.Entity, f.ActorID, f.Committees, limit, f.Offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: audit log: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.AuditEntry, error) {
		var e mb.AuditEntry
		err := r.Scan(&e.ID, &e.At, &e.ActorID, &e.ActorName, &e.Entity, &e.EntityID,
			&e.CommitteeID, &e.CommitteeCode, &e.Action, &e.Summary)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: audit log: %w", err)
	}
	return list, nil
}
