package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// committeeColumns and committeeFrom read committees with their parent,
// secretariat, categories and bands. Categories and bands are aggregated
// once per committee in LATERAL subqueries; four correlated subqueries per
// row (one per band array) made the list of 43 committees cost 1.8 ms.
const committeeColumns = `
	c.id, c.code, c.name, c.description, c.parent_id,
	coalesce(p.code, ''), coalesce(p.name, ''),
	c.secretariat_id, coalesce(o.name, ''),
	coalesce(cats.names, '{}'),
	c.decision_vocabulary, c.escalation_threshold, c.reminder_days,
	coalesce(bands.names, '{}'), coalesce(bands.mins, '{}'), coalesce(bands.maxs, '{}'),
	coalesce(standing.titles, '{}'), coalesce(standing.at_end, '{}'),
	c.version, c.created_at, c.updated_at,
	c.quorum_kind, coalesce(c.quorum_members, 0), coalesce(c.quorum_share, 0), c.quorum_chair,
	c.casting_vote, c.signatory_id, coalesce(sig.name, ''), c.interests_classification`

const committeeFrom = `
	FROM committees c
	LEFT JOIN committees p ON p.id = c.parent_id
	LEFT JOIN organisations o ON o.id = c.secretariat_id
	LEFT JOIN people sig ON sig.id = c.signatory_id
	LEFT JOIN LATERAL (SELECT array_agg(cc.name ORDER BY cc.position) AS names
	                   FROM committee_categories cc WHERE cc.committee_id = c.id) cats ON true
	LEFT JOIN LATERAL (SELECT array_agg(b.name ORDER BY b.min_severity DESC) AS names,
	                          array_agg(b.min_severity ORDER BY b.min_severity DESC) AS mins,
	                          array_agg(b.max_severity ORDER BY b.min_severity DESC) AS maxs
	                   FROM severity_bands b WHERE b.committee_id = c.id) bands ON true
	LEFT JOIN LATERAL (SELECT array_agg(si.title ORDER BY si.place DESC, si.position) AS titles,
	                          array_agg(si.place = 'end' ORDER BY si.place DESC, si.position) AS at_end
	                   FROM committee_standing_items si WHERE si.committee_id = c.id) standing ON true`

// scanCommittee reads a committee row; extra are the destinations of
// columns the statement reads after committeeColumns.
func scanCommittee(row pgx.Row, extra ...any) (*mb.Committee, error) {
	var c mb.Committee
	var names, standing []string
	var mins, maxs []int
	var atEnd []bool
	var quorumKind, interests string
	q := &c.Rules.Quorum
	err := row.Scan(append([]any{&c.ID, &c.Code, &c.Name, &c.Description, &c.ParentID,
		&c.ParentCode, &c.ParentName, &c.SecretariatID, &c.SecretariatName,
		&c.Categories, &c.DecisionVocabulary, &c.EscalationThreshold, &c.ReminderDays,
		&names, &mins, &maxs, &standing, &atEnd, &c.Version, &c.CreatedAt, &c.UpdatedAt,
		&quorumKind, &q.Members, &q.Share, &q.Chair,
		&c.Rules.CastingVote, &c.Rules.SignatoryID, &c.Rules.SignatoryName, &interests}, extra...)...)
	if err != nil {
		return nil, err
	}
	q.Kind = mb.QuorumKind(quorumKind)
	if c.Rules.InterestsLevel, err = mb.ParseClassification(interests); err != nil {
		return nil, err
	}
	for i := range standing {
		c.StandingItems = append(c.StandingItems, mb.StandingItem{Title: standing[i], AtEnd: atEnd[i]})
	}
	for i := range names {
		c.Bands = append(c.Bands, mb.SeverityBand{Name: names[i], Min: mins[i], Max: maxs[i]})
	}
	return &c, nil
}

// Committee returns the committee with the id.
func (s *Store) Committee(ctx context.Context, id int64) (*mb.Committee, error) {
	c, err := scanCommittee(s.pool.QueryRow(ctx, `SELECT `+committeeColumns+committeeFrom+` WHERE c.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: committee %d: %w", id, notFound(err, "There is no such committee."))
	}
	return c, nil
}

// CommitteeByCode returns the committee with the code, such as "OPSG".
func (s *Store) CommitteeByCode(ctx context.Context, code string) (*mb.Committee, error) {
	c, err := scanCommittee(s.pool.QueryRow(ctx, `SELECT `+committeeColumns+committeeFrom+` WHERE c.code = $1`, code))
	if err != nil {
		return nil, fmt.Errorf("postgres: committee %q: %w", code, notFound(err, "There is no committee %s.", code))
	}
	return c, nil
}

// CommitteeNames returns every committee's id, code, name and epoch,
// ordered by code: what a list to choose from needs (the register's
// committee filter), without the categories and bands Committees reads.
func (s *Store) CommitteeNames(ctx context.Context) ([]*mb.Committee, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, code, name, minutes_epoch FROM committees ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("postgres: committee names: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Committee, error) {
		var c mb.Committee
		return &c, r.Scan(&c.ID, &c.Code, &c.Name, &c.Epoch)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: committee names: %w", err)
	}
	return list, nil
}

// Committees returns every committee ordered by code.
func (s *Store) Committees(ctx context.Context) ([]*mb.Committee, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+committeeColumns+committeeFrom+` ORDER BY c.code`)
	if err != nil {
		return nil, fmt.Errorf("postgres: committees: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Committee, error) { return scanCommittee(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: committees: %w", err)
	}
	return list, nil
}

var committeeConstraints = map[string]*mb.Error{
	"committees_code_key": {Code: mb.ECONFLICT, Message: "Another committee already has that code.",
		Fields: map[string]string{"code": "Another committee already has that code."}},
	"committees_no_cycle": {Code: mb.EINVALID, Message: "A committee cannot sit beneath one of its own sub-committees.",
		Fields: map[string]string{"parent": "A committee cannot sit beneath one of its own sub-committees."}},
	"committees_check": {Code: mb.EINVALID, Message: "A committee cannot be its own parent body.",
		Fields: map[string]string{"parent": "A committee cannot be its own parent body."}},
	"committee_categories_committee_id_name_key": {Code: mb.EINVALID, Message: "Each category must be named once.",
		Fields: map[string]string{"categories": "Each category must be named once."}},
	"committee_memberships_committee_id_category_fkey": {Code: mb.EINVALID,
		Message: "A category still has members: move them to another category first.",
		Fields:  map[string]string{"categories": "A category that still has members cannot be removed: move them first."}},
}

// CreateCommittee stores a new committee and sets its ID and Version.
// Empty bands get the default bands.
func (s *Store) CreateCommittee(ctx context.Context, c *mb.Committee) error {
	c.Normalize()
	if len(c.Bands) == 0 {
		c.Bands = append([]mb.SeverityBand(nil), mb.DefaultSeverityBands...)
	}
	if len(c.DecisionVocabulary) == 0 {
		c.DecisionVocabulary = append([]string(nil), mb.DefaultDecisionVocabulary...)
	}
	if c.ReminderDays == 0 {
		c.ReminderDays = mb.DefaultReminderDays
	}
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO committees (code, name, description, parent_id, secretariat_id,
			                        decision_vocabulary, escalation_threshold, reminder_days)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			RETURNING id, version, created_at, updated_at`,
			c.Code, c.Name, c.Description, c.ParentID, c.SecretariatID,
			c.DecisionVocabulary, c.EscalationThreshold, c.ReminderDays,
		).Scan(&c.ID, &c.Version, &c.CreatedAt, &c.UpdatedAt)
		if err != nil {
			return err
		}
		if err := replaceCategories(ctx, tx, c.ID, c.Categories); err != nil {
			return err
		}
		if err := replaceBands(ctx, tx, c.ID, c.Bands); err != nil {
			return err
		}
		if err := replaceStandingItems(ctx, tx, c.ID, c.StandingItems); err != nil {
			return err
		}
		return audit(ctx, tx, "committee", c.ID, &c.ID, "create", "Created committee "+c.Code+" ("+c.Name+")")
	})
	if e := constraintError(err, committeeConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: create committee %s: %w", c.Code, err)
	}
	return nil
}

// UpdateCommittee saves c over the stored committee when the stored version
// is still c.Version, and refuses with ECONFLICT otherwise.
func (s *Store) UpdateCommittee(ctx context.Context, c *mb.Committee) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := lockCommittee(ctx, tx, c)
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `
			UPDATE committees SET code = $2, name = $3, description = $4, parent_id = $5,
			       secretariat_id = $6, decision_vocabulary = $7, escalation_threshold = $8, reminder_days = $9,
			       version = version + 1, updated_at = now()
			WHERE id = $1
			RETURNING version, updated_at`,
			c.ID, c.Code, c.Name, c.Description, c.ParentID, c.SecretariatID,
			c.DecisionVocabulary, c.EscalationThreshold, c.ReminderDays,
		).Scan(&c.Version, &c.UpdatedAt)
		if err != nil {
			return err
		}
		if err := replaceCategories(ctx, tx, c.ID, c.Categories); err != nil {
			return err
		}
		if len(c.Bands) > 0 {
			if err := replaceBands(ctx, tx, c.ID, c.Bands); err != nil {
				return err
			}
		}
		if err := replaceStandingItems(ctx, tx, c.ID, c.StandingItems); err != nil {
			return err
		}
		return audit(ctx, tx, "committee", c.ID, &c.ID, "update", "Updated committee "+c.Code+": "+committeeChanges(before, c))
	})
	if e := constraintError(err, committeeConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: update committee %d: %w", c.ID, err)
	}
	return nil
}

// replaceCategories makes the committee's categories exactly names, in order,
// keeping the rows of names that stay so that memberships still point at them.
func replaceCategories(ctx context.Context, tx pgx.Tx, committeeID int64, names []string) error {
	// Move the kept rows out of the way of the positions they will take.
	if _, err := tx.Exec(ctx, `UPDATE committee_categories SET position = position + 100000 WHERE committee_id = $1`, committeeID); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM committee_categories WHERE committee_id = $1 AND NOT (name = ANY($2))`, committeeID, names); err != nil {
		return err
	}
	for i, name := range names {
		_, err := tx.Exec(ctx, `
			INSERT INTO committee_categories (committee_id, position, name) VALUES ($1, $2, $3)
			ON CONFLICT (committee_id, name) DO UPDATE SET position = EXCLUDED.position`,
			committeeID, i+1, name)
		if err != nil {
			return err
		}
	}
	return nil
}

func replaceBands(ctx context.Context, tx pgx.Tx, committeeID int64, bands []mb.SeverityBand) error {
	if _, err := tx.Exec(ctx, `DELETE FROM severity_bands WHERE committee_id = $1`, committeeID); err != nil {
		return err
	}
	for _, b := range bands {
		_, err := tx.Exec(ctx, `INSERT INTO severity_bands (committee_id, name, min_severity, max_severity) VALUES ($1, $2, $3, $4)`,
			committeeID, b.Name, b.Min, b.Max)
		if err != nil {
			return err
		}
	}
	return nil
}

// SetStandingItems makes the committee's standing items c.StandingItems,
// when the stored committee's version is still c.Version: the secretariat
// keeps them, as well as the administrators on the committee form.
func (s *Store) SetStandingItems(ctx context.Context, c *mb.Committee) error {
	if err := c.ValidateStandingItems(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := lockCommittee(ctx, tx, c)
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE committees SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, c.ID).Scan(&c.Version); err != nil {
			return err
		}
		if err := replaceStandingItems(ctx, tx, c.ID, c.StandingItems); err != nil {
			return err
		}
		var ch changeList
		ch.add("standing items", standingSummary(before.StandingItems), standingSummary(c.StandingItems))
		return audit(ctx, tx, "committee", c.ID, &c.ID, "update", "Updated the standing items of "+before.Code+": "+ch.String())
	})
	if err != nil {
		return storeError(err, nil, "set standing items")
	}
	return nil
}

// lockCommittee reads the stored committee under lock within tx, refusing
// when it is no longer at c.Version.
func lockCommittee(ctx context.Context, tx pgx.Tx, c *mb.Committee) (*mb.Committee, error) {
	before, err := scanCommittee(tx.QueryRow(ctx, `SELECT `+committeeColumns+committeeFrom+` WHERE c.id = $1 FOR UPDATE OF c`, c.ID))
	if err != nil {
		return nil, notFound(err, "There is no such committee.")
	}
	if before.Version != c.Version {
		return nil, mb.Errorf(mb.ECONFLICT, "Someone else changed this committee while you were editing it.")
	}
	return before, nil
}

// replaceStandingItems makes the committee's standing items exactly items.
func replaceStandingItems(ctx context.Context, tx pgx.Tx, committeeID int64, items []mb.StandingItem) error {
	if _, err := tx.Exec(ctx, `DELETE FROM committee_standing_items WHERE committee_id = $1`, committeeID); err != nil {
		return err
	}
	position := map[bool]int{}
	for _, it := range items {
		position[it.AtEnd]++
		place := "start"
		if it.AtEnd {
			place = "end"
		}
		if _, err := tx.Exec(ctx, `INSERT INTO committee_standing_items (committee_id, place, position, title) VALUES ($1, $2, $3, $4)`,
			committeeID, place, position[it.AtEnd], it.Title); err != nil {
			return err
		}
	}
	return nil
}

func standingSummary(items []mb.StandingItem) string {
	var parts []string
	for _, it := range items {
		where := "start"
		if it.AtEnd {
			where = "end"
		}
		parts = append(parts, it.Title+" ("+where+")")
	}
	return strings.Join(parts, ", ")
}
