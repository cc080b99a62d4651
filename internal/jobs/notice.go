package jobs

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/minutebook/minutebook/internal/postgres"
)

// NoticeArgs fans one event out to the people it concerns: their notices
// and messages (notify.Composer.Event), recorded once whichever server
// works it (postgres.Store.FanOut).
type NoticeArgs struct {
	EventID int64 `json:"event_id"`
}

// Kind names the job in the queue.
func (NoticeArgs) Kind() string { return "notice" }

// noticeOpts make the fan-out of an event one job, however often it is
// asked for (by its change's transaction and by the sweep).
var noticeOpts = &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}

type noticeWorker struct {
	river.WorkerDefaults[NoticeArgs]
	deps Deps
}

// Work composes and records what each person is told of the event.
func (w *noticeWorker) Work(ctx context.Context, job *river.Job[NoticeArgs]) error {
	e, err := w.deps.Store.NoticeEvent(ctx, job.Args.EventID)
	if err != nil || e.FannedOut {
		return err
	}
	notices, err := w.deps.Composer.Event(ctx, e)
	if err != nil {
		return err
	}
	done, err := w.deps.Store.FanOut(ctx, e.ID, notices, w.deps.queue.messages())
	if err != nil {
		return err
	}
	if done {
		w.deps.Logger.Info("jobs: notices recorded", "event", e.ID, "kind", e.Kind, "notices", len(notices), "job", job.ID)
	}
	return nil
}

// NoticeSweepArgs is the periodic job that queues the fan-out of events
// recorded without a job: by the command line and the demo, which run no
// queue. Events older than a week are left: they are no longer news.
type NoticeSweepArgs struct{}

// Kind names the job in the queue.
func (NoticeSweepArgs) Kind() string { return "notice_sweep" }

type noticeSweepWorker struct {
	river.WorkerDefaults[NoticeSweepArgs]
	deps Deps
}

// Work queues a fan-out for each pending event.
func (w *noticeSweepWorker) Work(ctx context.Context, job *river.Job[NoticeSweepArgs]) error {
	ids, err := w.deps.Store.PendingNoticeEvents(ctx, w.deps.Clock.Now().Add(-7*24*time.Hour))
	if err != nil || len(ids) == 0 {
		return err
	}
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: NoticeArgs{EventID: id}, InsertOpts: noticeOpts}
	}
	if _, err := w.deps.queue.client.InsertMany(ctx, params); err != nil {
		return err
	}
	w.deps.Logger.Info("jobs: queued pending notices", "events", len(ids), "job", job.ID)
	return nil
}

// queue lets workers, and the store's hooks, insert jobs within a
// transaction of the store: it holds the client once the runner has made it.
type queue struct {
	client   *river.Client[pgx.Tx]
	sending  bool // a mail server is configured
	attempts int
}

// notice inserts the fan-out job of an event in the transaction that
// recorded it (postgres.NoticeHook).
func (q *queue) notice(ctx context.Context, tx pgx.Tx, eventID int64) error {
	_, err := q.client.InsertTx(ctx, tx, NoticeArgs{EventID: eventID}, noticeOpts)
	return err
}

// messages is the postgres.Queue of delivery jobs, nil when no mail server
// is configured (messages are then kept).
func (q *queue) messages() postgres.Queue {
	if !q.sending {
		return nil
	}
	return func(ctx context.Context, tx pgx.Tx, ids []int64) error {
		params := make([]river.InsertManyParams, len(ids))
		for i, id := range ids {
			params[i] = river.InsertManyParams{Args: DeliverArgs{MessageID: id},
				InsertOpts: &river.InsertOpts{MaxAttempts: q.attempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}}
		}
		_, err := q.client.InsertManyTx(ctx, tx, params)
		return err
	}
}
