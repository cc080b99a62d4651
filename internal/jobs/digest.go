package jobs

import (
	"context"
	"errors"

	"github.com/riverqueue/river"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// DigestArgs is the weekly job that composes each person's digest
// (notify.Composer.Digest), once per person per week (postgres.Store.
// SaveDigest): run at start too, it catches up a week's digest missed.
type DigestArgs struct{}

// Kind names the job in the queue.
func (DigestArgs) Kind() string { return "digests" }

type digestWorker struct {
	river.WorkerDefaults[DigestArgs]
	deps Deps
}

// Work composes the week's digests of everyone who has none yet; one that
// fails does not stop the others, and the job is tried again for it.
func (w *digestWorker) Work(ctx context.Context, job *river.Job[DigestArgs]) error {
	day := w.deps.Clock.Today()
	week := mb.DigestWeek(day)
	people, err := w.deps.Store.DigestRecipients(ctx, week)
	if err != nil {
		return err
	}
	var errs []error
	sent := 0
	for _, u := range people {
		msg, ids, err := w.deps.Composer.Digest(ctx, u, day)
		if err == nil {
			_, err = w.deps.Store.SaveDigest(ctx, u.ID, week, msg, ids, w.deps.queue.messages())
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if msg != nil {
			sent++
		}
	}
	w.deps.Logger.Info("jobs: weekly digests composed", "week", week.Format("2006-01-02"), "people", len(people), "digests", sent, "job", job.ID)
	return errors.Join(errs...)
}
