package jobs

import (
	"context"

	"github.com/riverqueue/river"
)

// RemindersArgs is the daily job that reminds owners of their actions
// (notify.Composer.Reminders): each reminder is recorded once, so the job
// run twice on a day, or at start after a day missed, tells nobody twice.
type RemindersArgs struct{}

// Kind names the job in the queue.
func (RemindersArgs) Kind() string { return "reminders" }

type remindersWorker struct {
	river.WorkerDefaults[RemindersArgs]
	deps Deps
}

// Work composes and records the day's reminders.
func (w *remindersWorker) Work(ctx context.Context, job *river.Job[RemindersArgs]) error {
	day := w.deps.Clock.Today()
	notices, err := w.deps.Composer.Reminders(ctx, day)
	if err != nil {
		return err
	}
	n, err := w.deps.Store.SaveReminders(ctx, notices, w.deps.queue.messages())
	if err != nil {
		return err
	}
	w.deps.Logger.Info("jobs: reminders of actions recorded", "day", day.Format("2006-01-02"), "reminders", n, "job", job.ID)
	return nil
}
