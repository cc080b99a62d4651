package postgres

import (
	"context"
	"fmt"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ChronicActions returns the committees' open actions that keep slipping on
// day: past their target by more than overdueDays, or revised twice or
// more. The longest overdue come first; with limit > 0 only the first limit
// of them. total is how many there are in all, counted by the same
// statement, so that a dashboard can say how many it leaves out.
//
// Only the actions the reader may read are among them.
func (s *Store) ChronicActions(ctx context.Context, rd *mb.Reader, committeeIDs []int64, day time.Time, overdueDays, limit int) (list []mb.ChronicAction, total int, err error) {
	if len(committeeIDs) == 0 {
		return nil, 0, nil
	}
	q := newRegisterQuery(rd, mb.ActionFilter{}, false)
	q.where = append(q.where, "a.access_committee = ANY("+q.arg(committeeIDs)+")", "a.status = 'open'")
	d, days, lim := q.arg(day), q.arg(overdueDays), q.arg(limit)
	// Each action keeps its count of revisions (migration 0012), and the
	// open ones are an index of their own: chronic actions are chosen,
	// counted and cut to the limit on that index alone, and only the rows
	// shown are joined to their owners: the page lists the first few and
	// links to the rest.
	rows, err := s.pool.Query(ctx, `
		WITH chronic AS (
			SELECT a.id, a.revisions, a.committee_code AS code, count(*) OVER ()::int AS total,
			       greatest(`+d+`::date - coalesce(a.current_target_date, a.target_date), 0) AS late
			FROM actions a
			`+q.whereSQL("(coalesce(a.current_target_date, a.target_date) < "+d+"::date - "+days+"::int OR a.revisions >= 2)")+`
			ORDER BY late DESC, a.revisions DESC, a.committee_code, a.meeting_number, a.sequence
			LIMIT nullif(`+lim+`::int, 0)
		)
		SELECT `+actionColumns+`, ch.revisions, ch.total`+actionFrom+`
		JOIN chronic ch ON ch.id = a.id
		ORDER BY ch.late DESC, ch.revisions DESC, ch.code, a.meeting_number, a.sequence`, q.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: chronic actions: %w", err)
	}
	defer rows.Close()
	var out []mb.ChronicAction
	for rows.Next() {
		var revisions int
		a, err := scanAction(rowWith{Row: rows, extra: []any{&revisions, &total}})
		if err != nil {
			return nil, 0, fmt.Errorf("postgres: chronic actions: %w", err)
		}
		if a.CurrentTarget == nil {
			a.CurrentTarget = a.TargetDate
		}
		if c, ok := mb.ChronicAt(a, revisions, day, overdueDays); ok {
			out = append(out, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("postgres: chronic actions: %w", err)
	}
	return out, total, nil
}
