package postgres

import (
	"context"
	"fmt"
)

// QueueDepth counts the job queue's unfinished jobs by state (available,
// scheduled, retryable, running; River's river_job table, see
// internal/jobs), for the metrics. A state with no job is absent.
func (s *Store) QueueDepth(ctx context.Context) (map[string]int64, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT state::text, count(*) FROM river_job
		WHERE state IN ('available', 'scheduled', 'retryable', 'running')
		GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("postgres: queue depth: %w", err)
	}
	defer rows.Close()
	depth := map[string]int64{}
	for rows.Next() {
		var state string
		var n int64
		if err := rows.Scan(&state, &n); err != nil {
			return nil, fmt.Errorf("postgres: queue depth: %w", err)
		}
		depth[state] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: queue depth: %w", err)
	}
	return depth, nil
}
