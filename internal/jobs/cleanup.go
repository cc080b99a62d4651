package jobs

import (
	"context"

	"github.com/riverqueue/river"
)

// CleanupArgs is the periodic job that deletes expired sessions and uploads
// of minutes left unsaved (postgres.Store.DeleteExpired).
type CleanupArgs struct{}

// Kind names the job in the queue.
func (CleanupArgs) Kind() string { return "cleanup" }

type cleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	deps Deps
}

// Work deletes what has expired and says how much.
func (w *cleanupWorker) Work(ctx context.Context, job *river.Job[CleanupArgs]) error {
	n, err := w.deps.Store.DeleteExpired(ctx)
	if err != nil {
		return err
	}
	w.deps.Logger.Info("jobs: deleted expired rows", "sessions", n.Sessions, "pending_imports", n.PendingImports, "paper_files", n.PaperFiles, "job", job.ID)
	return nil
}
