package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Bulk loads generated data through COPY inside one transaction, for the
// scale demo (internal/scaledemo). It bypasses the per-row store methods and
// their audit records on purpose: hundreds of thousands of rows cannot go
// through one INSERT and one audit row each within minutes. The loader
// writes one audit record saying what it loaded instead.
type Bulk struct {
	tx pgx.Tx
}

// Holdings counts what the database already holds; a bulk load refuses
// unless every count is zero.
type Holdings struct {
	Organisations, Committees, Meetings, People, Users int64
}

// Empty reports whether there is nothing in the way of a bulk load.
func (h Holdings) Empty() bool {
	return h.Organisations == 0 && h.Committees == 0 && h.Meetings == 0 && h.People == 0 && h.Users == 0
}

// Holdings counts the rows a bulk load would collide with.
func (s *Store) Holdings(ctx context.Context) (Holdings, error) {
	var h Holdings
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM organisations), (SELECT count(*) FROM committees),
		(SELECT count(*) FROM meetings), (SELECT count(*) FROM people), (SELECT count(*) FROM users)`).
		Scan(&h.Organisations, &h.Committees, &h.Meetings, &h.People, &h.Users)
	if err != nil {
		return h, fmt.Errorf("postgres: holdings: %w", err)
	}
	return h, nil
}

// BulkLoad runs fn in one transaction and commits when it returns nil, so
// that a failed load leaves the database as it was. Before committing it
// moves every identity sequence past the largest id loaded: the loader
// allocates ids itself (see Copy), and the app's next INSERT must not
// collide with them.
func (s *Store) BulkLoad(ctx context.Context, fn func(ctx context.Context, b *Bulk) error) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		// The load is one long transaction on a database nobody else uses
		// yet; a statement timeout set for the app must not cut it short.
		if _, err := tx.Exec(ctx, `SET LOCAL statement_timeout = 0`); err != nil {
			return fmt.Errorf("postgres: bulk load: %w", err)
		}
		if err := setAgendaRevisions(ctx, tx, false); err != nil {
			return err
		}
		if err := fn(ctx, &Bulk{tx: tx}); err != nil {
			return err
		}
		if err := setAgendaRevisions(ctx, tx, true); err != nil {
			return err
		}
		return resetIdentities(ctx, tx)
	})
}

// Copy streams rows into table's columns with COPY. Identity columns may be
// among them: COPY FROM writes the values it is given into a GENERATED
// ALWAYS identity column, as INSERT … OVERRIDING SYSTEM VALUE does, which is
// what lets the loader choose every id up front and stream each table once.
func (b *Bulk) Copy(ctx context.Context, table string, columns []string, rows pgx.CopyFromSource) (int64, error) {
	n, err := b.tx.CopyFrom(ctx, pgx.Identifier{table}, columns, rows)
	if err != nil {
		return n, fmt.Errorf("postgres: copy into %s: %w", table, err)
	}
	return n, nil
}

// Columns returns the names of table's columns, or an empty set when there
// is no such table: the loader fills the tables of features whose
// migrations are present and skips the others.
func (b *Bulk) Columns(ctx context.Context, table string) (map[string]bool, error) {
	rows, err := b.tx.Query(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1`, table)
	if err != nil {
		return nil, fmt.Errorf("postgres: columns of %s: %w", table, err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: columns of %s: %w", table, err)
	}
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set, nil
}

// SetMinutesStatuses moves each meeting's minutes to its final status. The
// loader writes meetings as drafts and sets their statuses last, because
// approved and published minutes refuse new items, decisions, actions and
// attendance.
func (b *Bulk) SetMinutesStatuses(ctx context.Context, ids []int64, statuses []string) error {
	_, err := b.tx.Exec(ctx, `UPDATE meetings m SET minutes_status = s.status
		FROM unnest($1::bigint[], $2::text[]) AS s(id, status)
		WHERE m.id = s.id AND m.minutes_status <> s.status`, ids, statuses)
	if err != nil {
		return fmt.Errorf("postgres: set minutes statuses: %w", err)
	}
	return nil
}

// CloseCorrections closes every open correction with the reason, locking
// the minutes again: the loader writes approved and published minutes'
// content under one. It returns how many it closed.
func (b *Bulk) CloseCorrections(ctx context.Context, reason string) (int64, error) {
	tag, err := b.tx.Exec(ctx, `UPDATE meetings SET correction_reason = NULL WHERE correction_reason = $1`, reason)
	if err != nil {
		return 0, fmt.Errorf("postgres: close corrections: %w", err)
	}
	return tag.RowsAffected(), nil
}

// SetApprovals records which later meeting approved each meeting's
// minutes, and the APPROVED decision there that did.
func (b *Bulk) SetApprovals(ctx context.Context, ids, approvedBy, decisions []int64) error {
	_, err := b.tx.Exec(ctx, `UPDATE meetings m SET approved_meeting_id = s.by, approval_decision_id = s.decision
		FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS s(id, by, decision)
		WHERE m.id = s.id`, ids, approvedBy, decisions)
	if err != nil {
		return fmt.Errorf("postgres: set approvals: %w", err)
	}
	return nil
}

// Audit writes the one audit record of a bulk load.
func (b *Bulk) Audit(ctx context.Context, entity, action, summary string) error {
	_, err := b.tx.Exec(ctx, `INSERT INTO audit_log (actor_name, entity, entity_id, action, summary)
		VALUES ('system', $1, 0, $2, $3)`, entity, action, summary)
	if err != nil {
		return fmt.Errorf("postgres: bulk audit: %w", err)
	}
	return nil
}

// resetIdentities moves every identity sequence of the schema to the
// largest id of its table, so that the next row the app inserts gets the
// next free id.
func resetIdentities(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'`)
	if err != nil {
		return fmt.Errorf("postgres: identity columns: %w", err)
	}
	type col struct{ table, column string }
	cols, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (col, error) {
		var c col
		return c, r.Scan(&c.table, &c.column)
	})
	if err != nil {
		return fmt.Errorf("postgres: identity columns: %w", err)
	}
	for _, c := range cols {
		t, k := pgx.Identifier{c.table}.Sanitize(), pgx.Identifier{c.column}.Sanitize()
		// setval(seq, max, true) hands out max+1 next; an empty table keeps
		// its sequence where it is.
		_, err := tx.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT max(%s) AS m FROM %s) x WHERE m IS NOT NULL`, k, t), c.table, c.column)
		if err != nil {
			return fmt.Errorf("postgres: reset identity of %s: %w", c.table, err)
		}
	}
	return nil
}

// Analyze refreshes the planner's statistics and the visibility map after a
// bulk load (VACUUM cannot run inside the load's transaction), so that the
// first requests are planned on the data as it is and index-only scans work.
func (s *Store) Analyze(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `VACUUM (ANALYZE)`); err != nil {
		return fmt.Errorf("postgres: vacuum analyze: %w", err)
	}
	return nil
}
