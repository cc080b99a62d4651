package postgres

import (
	"context"
	"fmt"
	"sort"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ChronicActions returns the committees' open actions that keep slipping on
// day: past their target by more than overdueDays, or revised twice or
// more. The longest overdue come first.
func (s *Store) ChronicActions(ctx context.Context, committeeIDs []int64, day time.Time, overdueDays int) ([]mb.ChronicAction, error) {
	if len(committeeIDs) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT `+actionColumns+actionFrom+`
		WHERE a.committee_id = ANY($1) AND a.status = 'open'
		  AND (coalesce(a.current_target_date, a.target_date) < $2::date - $3::int
		       OR (SELECT count(*) FROM action_events e WHERE e.action_id = a.id AND e.kind = 'revised') >= 2)
		ORDER BY c.code, a.meeting_number, a.sequence`, committeeIDs, day, overdueDays)
	if err != nil {
		return nil, fmt.Errorf("postgres: chronic actions: %w", err)
	}
	candidates, err := collectActions(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: chronic actions: %w", err)
	}
	if err := s.attachEvents(ctx, candidates); err != nil {
		return nil, err
	}
	var out []mb.ChronicAction
	for _, a := range candidates {
		if a.CurrentTarget == nil {
			a.CurrentTarget = a.TargetDate
		}
		revisions := 0
		for _, e := range a.Events {
			if e.Kind == mb.ActionRevised {
				revisions++
			}
		}
		if c, ok := mb.ChronicAt(a, revisions, day, overdueDays); ok {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DaysOverdue != out[j].DaysOverdue {
			return out[i].DaysOverdue > out[j].DaysOverdue
		}
		return out[i].Revisions > out[j].Revisions
	})
	return out, nil
}
