// Package jobs runs minutebook's background work on River
// (github.com/riverqueue/river), a job queue kept in minutebook's own
// PostgreSQL: a job inserted in a transaction exists exactly when the
// transaction commits, any number of servers share the queue, each job is
// worked by one of them, and periodic jobs are scheduled by the one server
// River elects leader, so that scheduled work runs once however many
// servers there are. River's tables come with minutebook's migrations
// (0016 and 0017).
//
// # Adding a kind of job
//
// A kind of job is an args type, saying what the job needs (serialised as
// JSON) and naming its kind, and a worker, in a file of its own (mail.go,
// say):
//
//	type MailArgs struct {
//		NotificationID int64 `json:"notification_id"`
//	}
//
//	func (MailArgs) Kind() string { return "mail" }
//
//	type mailWorker struct {
//		river.WorkerDefaults[MailArgs]
//		deps Deps
//	}
//
//	func (w *mailWorker) Work(ctx context.Context, job *river.Job[MailArgs]) error { … }
//
// Work returns nil when done, an error to have the job tried again later
// (with backoff, up to 25 attempts), or river.JobCancel(err) to give up.
// Then one line in addWorkers registers the worker:
//
//	river.AddWorker(workers, &mailWorker{deps: d})
//
// Jobs are inserted with Runner.Insert, or, to insert one in the same
// transaction as the write that calls for it, with River's InsertTx on that
// transaction (Runner.Client gives the client).
//
// # Adding a periodic job
//
// One entry in periodicJobs below: how often, and the args of the job to
// insert. Unique by period, a periodic job is inserted once a period even
// if two servers were to believe themselves leader at once.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Deps is what workers may use.
type Deps struct {
	Store  *postgres.Store
	Logger *slog.Logger
	// Composer composes the messages people are sent.
	Composer *notify.Composer
	// Sender sends them; nil when no mail server is configured, and the
	// messages are then kept in the outbox.
	Sender notify.Sender
	// Clock tells the day of reminders and digests; nil is the system's.
	Clock mb.Clock

	queue *queue
}

// Config configures a Runner.
type Config struct {
	Deps
	// DatabaseURL is the database the queue is kept in, the store's. The
	// runner has a small pool of its own, so that the connection it holds
	// to listen for new jobs, and its polling, take none of the pool that
	// serves pages.
	DatabaseURL string
	// ID names this server among those sharing the queue; "" lets River
	// make one of the host name and the start time.
	ID string
	// Workers is how many jobs this server works at once; 0 means 4.
	Workers int
	// CleanupEvery is how often expired sessions and uploads are deleted;
	// 0 means hourly.
	CleanupEvery time.Duration
	// NoticeSweepEvery is how often events recorded without a job are
	// looked for; 0 means every five minutes.
	NoticeSweepEvery time.Duration
	// MailAttempts is how many times a message is tried before it is
	// shown as failed; 0 means 10 (the last about seven hours after the
	// first, with River's backoff).
	MailAttempts int
	// RetryPolicy, when set, replaces River's backoff (tests: retry at once).
	RetryPolicy river.ClientRetryPolicy
}

// addWorkers registers every kind of job this server can work. A server
// refuses to start a job of a kind it lacks, so every kind is here.
func addWorkers(workers *river.Workers, d Deps) {
	river.AddWorker(workers, &cleanupWorker{deps: d})
	river.AddWorker(workers, &noticeWorker{deps: d})
	river.AddWorker(workers, &noticeSweepWorker{deps: d})
	river.AddWorker(workers, &deliverWorker{deps: d})
	river.AddWorker(workers, &remindersWorker{deps: d})
	river.AddWorker(workers, &digestWorker{deps: d})
}

// periodicJobs lists the scheduled work: each runs at start (on the leader)
// and then every period.
func periodicJobs(cfg Config) []*river.PeriodicJob {
	return []*river.PeriodicJob{
		periodic(cfg.CleanupEvery, time.Hour, func() river.JobArgs { return CleanupArgs{} }),
		periodic(cfg.NoticeSweepEvery, 5*time.Minute, func() river.JobArgs { return NoticeSweepArgs{} }),
		// Reminders every morning, digests every Monday morning, London
		// time; each also at start, to catch up a run missed.
		scheduled(londonAt{hour: 7}, 24*time.Hour, func() river.JobArgs { return RemindersArgs{} }),
		scheduled(londonAt{hour: 7, weekday: time.Monday, weekly: true}, 7*24*time.Hour, func() river.JobArgs { return DigestArgs{} }),
	}
}

// scheduled makes a periodic job on a schedule, unique within period.
func scheduled(when river.PeriodicSchedule, period time.Duration, args func() river.JobArgs) *river.PeriodicJob {
	return river.NewPeriodicJob(when,
		func() (river.JobArgs, *river.InsertOpts) {
			return args(), &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: period}}
		},
		&river.PeriodicJobOpts{RunOnStart: true})
}

// londonAt is a time of day on London's clock, every day or on a weekday
// every week: the committees' mornings.
type londonAt struct {
	hour    int
	weekday time.Weekday
	weekly  bool
}

// Next is the first such time after t.
func (s londonAt) Next(t time.Time) time.Time {
	l := t.In(mb.Zone)
	next := time.Date(l.Year(), l.Month(), l.Day(), s.hour, 0, 0, 0, mb.Zone)
	for !next.After(t) || (s.weekly && next.Weekday() != s.weekday) {
		next = time.Date(next.Year(), next.Month(), next.Day()+1, s.hour, 0, 0, 0, mb.Zone)
	}
	return next
}

// periodic makes a periodic job that inserts args every period (def when
// period is 0), unique within the period.
func periodic(period, def time.Duration, args func() river.JobArgs) *river.PeriodicJob {
	if period <= 0 {
		period = def
	}
	return river.NewPeriodicJob(river.PeriodicInterval(period),
		func() (river.JobArgs, *river.InsertOpts) {
			return args(), &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByPeriod: period}}
		},
		&river.PeriodicJobOpts{RunOnStart: true})
}

// Runner works the queue's jobs while it runs.
type Runner struct {
	client *river.Client[pgx.Tx]
	pool   *pgxpool.Pool
	queue  *queue
}

// poolSize is the runner's own connections: one held to listen, one for
// fetching and maintenance, one for a leader's scheduling.
const poolSize = 3

// New returns a runner for the queue in cfg.DatabaseURL; Start starts it.
func New(ctx context.Context, cfg Config) (*Runner, error) {
	if cfg.Store == nil {
		return nil, errors.New("jobs: no store")
	}
	pcfg, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		return nil, fmt.Errorf("jobs: database URL: %w", err)
	}
	pcfg.MaxConns = poolSize
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.MailAttempts <= 0 {
		cfg.MailAttempts = 10
	}
	if cfg.Composer == nil {
		cfg.Composer = &notify.Composer{Store: cfg.Store, BaseURL: "http://127.0.0.1:8080", Clock: cfg.Clock}
	}
	cfg.queue = &queue{sending: cfg.Sender != nil, attempts: cfg.MailAttempts}
	workers := river.NewWorkers()
	addWorkers(workers, cfg.Deps)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		ID:           cfg.ID,
		Logger:       cfg.Logger.With("component", "jobs"),
		Queues:       map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}},
		Workers:      workers,
		PeriodicJobs: periodicJobs(cfg),
		RetryPolicy:  cfg.RetryPolicy,
	})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("jobs: %w", err)
	}
	cfg.queue.client = client
	// Every change that people are told of inserts its fan-out job in its
	// own transaction.
	cfg.Store.OnNotice(cfg.queue.notice)
	return &Runner{client: client, pool: pool, queue: cfg.queue}, nil
}

// Queue inserts, in a transaction of the store, the delivery jobs of
// messages queued there; nil when no mail server is configured (the
// outbox's retry button needs it).
func (r *Runner) Queue() postgres.Queue { return r.queue.messages() }

// Start begins working jobs, and, when this server is elected leader,
// scheduling the periodic ones. It returns at once; the runner works until
// Stop. (River would stop hard, cancelling jobs, when the context it is
// started with ends: a server's shutdown signal must instead let them
// finish, so ctx's cancellation is not passed on.)
func (r *Runner) Start(ctx context.Context) error {
	if err := r.client.Start(context.WithoutCancel(ctx)); err != nil {
		r.pool.Close()
		return fmt.Errorf("jobs: start: %w", err)
	}
	return nil
}

// Stop stops fetching jobs and waits for those running to finish, until ctx
// ends; a job cut short is worked again later by some server.
func (r *Runner) Stop(ctx context.Context) error {
	defer r.pool.Close()
	if err := r.client.Stop(ctx); err != nil {
		return fmt.Errorf("jobs: stop: %w", err)
	}
	return nil
}

// Insert adds a job to the queue.
func (r *Runner) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	if _, err := r.client.Insert(ctx, args, opts); err != nil {
		return fmt.Errorf("jobs: insert %s: %w", args.Kind(), err)
	}
	return nil
}

// Client is River's client, for InsertTx within a transaction of the store.
func (r *Runner) Client() *river.Client[pgx.Tx] { return r.client }
