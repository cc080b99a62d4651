// Package scaledemo generates a large, realistic body of governance data
// and loads it through COPY: parent bodies with their sub-committees,
// fifteen years of meetings with attendance, minutes that read like the
// model document, decisions, actions whose target dates slip and which
// close at later meetings, users with memberships, and the tables of later
// features when their migrations are present. The same Size, Seed and Today
// always give the same data.
//
// Ids are chosen here, not by the database. COPY writes the ids it is given
// into GENERATED ALWAYS identity columns, and choosing them up front lets
// every table stream in one pass in dependency order: an agenda item knows
// its meeting's id without a round trip, and nothing has to read 300,000
// ids back. The store moves each identity sequence past the largest id when
// the load commits, so the app's own inserts carry on from there. The
// database must be fresh, which is also what makes the ids predictable.
package scaledemo

import (
	"context"
	"fmt"
	"io"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Size says how much to generate.
type Size struct {
	Name string
	// Parents are the parent bodies (at most 3) and Committees the
	// sub-committees shared out beneath them (at most 40).
	Parents, Committees int
	// Years of meetings up to Today: sub-committees meet twice a month,
	// parent bodies once.
	Years int
	// Users with accounts (the six named demo readers among them); every
	// committee's seats are filled from them.
	Users int
	// ItemsPerMeeting, DecisionsPerItem and ActionsPerMeeting are averages.
	ItemsPerMeeting   float64
	DecisionsPerItem  float64
	ActionsPerMeeting float64
	// Risks across all committees, and ReviewsPerRisk on average; used when
	// the risk register's tables exist.
	Risks          int
	ReviewsPerRisk float64
}

// Large is the size the load benchmark runs against: about 14,900
// meetings, 300,000 agenda items, 250,000 decisions, 150,000 actions.
var Large = Size{
	Name: "large", Parents: 3, Committees: 40, Years: 15, Users: 2000,
	ItemsPerMeeting: 20.2, DecisionsPerItem: 0.84, ActionsPerMeeting: 10.1,
	Risks: 2000, ReviewsPerRisk: 27,
}

// Small is quick to load, for tests: the same shape, a fraction of the size.
var Small = Size{
	Name: "small", Parents: 3, Committees: 6, Years: 2, Users: 120,
	ItemsPerMeeting: 12, DecisionsPerItem: 0.84, ActionsPerMeeting: 4,
	Risks: 60, ReviewsPerRisk: 8,
}

// SizeNamed returns Large or Small by name.
func SizeNamed(name string) (Size, error) {
	switch name {
	case "large":
		return Large, nil
	case "small":
		return Small, nil
	}
	return Size{}, mb.Errorf(mb.EINVALID, "The scale must be large or small, not %q.", name)
}

// DefaultToday is the day the generated history runs up to unless Options
// says otherwise: fixed, so that a seed gives the same data on any day.
var DefaultToday = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// Options tune a load.
type Options struct {
	Size Size
	Seed uint64
	// Today is the last day with minutes; meetings after it are scheduled
	// drafts. Zero means DefaultToday.
	Today time.Time
	// PasswordHash is every account's password hash, computed once by the
	// caller (argon2id is deliberately slow).
	PasswordHash string
	// Progress receives a line per table and while a large table loads; nil
	// means no progress output.
	Progress io.Writer
	// Rows, when set, is told how many of a table's rows have streamed, as
	// they do (for a progress bar).
	Rows func(table string, done, total int)
}

// Account is a named account of the generated data, for signing in.
type Account struct {
	Key   string // "admin", "secretariat", "chair", "member", "panel-chair", "non-member"
	Role  string
	Name  string
	Email string
}

// Result says what was loaded.
type Result struct {
	Accounts []Account
	// Rows loaded by table, in load order.
	Tables []TableCount
	// Elapsed is the whole load, statistics included.
	Elapsed time.Duration
}

// TableCount is the number of rows loaded into one table.
type TableCount struct {
	Table string
	Rows  int64
}

// Rows returns the number of rows loaded into table.
func (r *Result) Rows(table string) int64 {
	for _, t := range r.Tables {
		if t.Table == table {
			return t.Rows
		}
	}
	return 0
}

// Load generates the data and loads it into the store's database, which
// must hold no committee, meeting, person or user yet.
func Load(ctx context.Context, store *postgres.Store, opts Options) (*Result, error) {
	start := time.Now()
	if opts.Today.IsZero() {
		opts.Today = DefaultToday
	}
	opts.Today = opts.Today.UTC().Truncate(24 * time.Hour)
	if opts.PasswordHash == "" {
		return nil, mb.Errorf(mb.EINVALID, "The scale demo needs a password hash for its accounts.")
	}
	h, err := store.Holdings(ctx)
	if err != nil {
		return nil, err
	}
	if !h.Empty() {
		return nil, mb.Errorf(mb.ECONFLICT,
			"The database already holds data (%d organisations, %d committees, %d meetings, %d people, %d users): the scale demo loads only into a fresh database. Use a new --data-dir, or an empty database in DATABASE_URL.",
			h.Organisations, h.Committees, h.Meetings, h.People, h.Users)
	}
	p := newProgress(opts.Progress, opts.Rows)
	p.logf("Generating the %s data set (seed %d, up to %s)…", opts.Size.Name, opts.Seed, opts.Today.Format("2 January 2006"))
	w := generate(opts)
	p.logf("Planned %d committees, %d meetings, %d agenda items, %d decisions, %d actions, %d action events, %d attendance records in %s.",
		len(w.committees), len(w.meetings), w.itemCount, w.decisionCount, len(w.actions), w.eventCount, w.attendanceCount, p.since())
	res := &Result{Accounts: w.accounts}
	lifecycle := false
	err = store.BulkLoad(ctx, func(ctx context.Context, b *postgres.Bulk) error {
		l := &loader{b: b, w: w, p: p, res: res}
		err := l.load(ctx)
		lifecycle = l.lifecycle
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("scaledemo: %w", err)
	}
	p.logf("Committed in %s; refreshing the planner's statistics…", p.since())
	if err := store.Analyze(ctx); err != nil {
		return nil, err
	}
	// The versions are read back through the store's own queries, which
	// need the statistics to plan well: they come after them.
	if lifecycle {
		n, err := loadVersions(ctx, store, w, p)
		if err != nil {
			return nil, err
		}
		res.Tables = append(res.Tables, TableCount{Table: "minutes_versions", Rows: n})
	}
	res.Elapsed = time.Since(start)
	p.logf("Done in %s.", res.Elapsed.Round(100*time.Millisecond))
	return res, nil
}
