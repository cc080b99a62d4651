package postgres

import (
	"context"
	"fmt"
)

// Expired counts what DeleteExpired removed.
type Expired struct {
	Sessions       int64
	PendingImports int64
	// PaperFiles counts papers' files no version names any more, or that
	// an upload left unfinished a day ago.
	PaperFiles int64
}

// DeleteExpired removes sessions past their expiry (scs keeps them in
// sessions), uploads of minutes not saved within their day, and papers'
// files that no version names (deleteLooseFiles). Reads already
// ignore both, so it changes only how much the tables hold; the job queue
// runs it on one server at a time (internal/jobs).
func (s *Store) DeleteExpired(ctx context.Context) (Expired, error) {
	var e Expired
	for _, step := range []struct {
		n    *int64
		what string
		sql  string
	}{
		{&e.Sessions, "sessions", `DELETE FROM sessions WHERE expiry < now()`},
		{&e.PendingImports, "pending imports", `DELETE FROM pending_imports WHERE expires_at < now()`},
	} {
		tag, err := s.pool.Exec(ctx, step.sql)
		if err != nil {
			return e, fmt.Errorf("postgres: delete expired %s: %w", step.what, err)
		}
		*step.n = tag.RowsAffected()
	}
	n, err := s.deleteLooseFiles(ctx)
	e.PaperFiles = n
	return e, err
}
