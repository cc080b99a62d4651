package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
)

// query is one statement a page sent, with its arguments.
type query struct {
	SQL  string
	Args []any
}

// recorder is a pgx tracer that keeps the statements sent while it is on.
type recorder struct {
	on      atomic.Bool
	mu      sync.Mutex
	queries []query
}

// TraceQueryStart records the statement when recording.
func (r *recorder) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	if r.on.Load() {
		r.mu.Lock()
		r.queries = append(r.queries, query{SQL: data.SQL, Args: data.Args})
		r.mu.Unlock()
	}
	return ctx
}

// TraceQueryEnd does nothing.
func (r *recorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// replayer finds out what SQL a page runs, by serving one request of it
// in-process on a store whose pool records every statement, and then runs
// exactly those statements straight through pgx: the page's limit if HTTP,
// templates and Go cost nothing.
type replayer struct {
	store   *postgres.Store
	rec     *recorder
	handler http.Handler
}

func newReplayer(store *postgres.Store, rec *recorder) *replayer {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &replayer{store: store, rec: rec, handler: server.New(server.Config{Store: store, Logger: quiet})}
}

// capture serves the target in-process and returns what one request of it
// sent. It serves it twice and keeps the second, warm request: the first
// may do what a server does once (write a session it has not seen).
func (rp *replayer) capture(target vegeta.Target) ([]query, error) {
	u, err := url.Parse(target.URL)
	if err != nil {
		return nil, err
	}
	for range 2 {
		req := httptest.NewRequest(target.Method, u.RequestURI(), nil)
		req.Header = target.Header.Clone()
		w := httptest.NewRecorder()
		rp.rec.mu.Lock()
		rp.rec.queries = nil
		rp.rec.mu.Unlock()
		rp.rec.on.Store(true)
		rp.handler.ServeHTTP(w, req)
		rp.rec.on.Store(false)
		if w.Code != http.StatusOK {
			return nil, fmt.Errorf("the in-process request answered %d", w.Code)
		}
	}
	rp.rec.mu.Lock()
	defer rp.rec.mu.Unlock()
	return append([]query(nil), rp.rec.queries...), nil
}

// explain writes the plan and timing of every statement a request of the
// target sends, as PostgreSQL runs it with the captured arguments.
func (rp *replayer) explain(ctx context.Context, name string, target vegeta.Target, w io.Writer) error {
	qs, err := rp.capture(target)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "==== %s: %s (%d statements)\n", name, target.URL, len(qs))
	for _, q := range qs {
		sql := strings.TrimSpace(q.SQL)
		upper := strings.ToUpper(sql)
		if !strings.HasPrefix(upper, "SELECT") && !strings.HasPrefix(upper, "WITH") {
			fmt.Fprintf(w, "\n-- %s\n(not a query: not explained)\n", firstLine(sql))
			continue
		}
		rows, err := rp.store.Pool().Query(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+sql, q.Args...)
		if err != nil {
			return fmt.Errorf("explain %s: %w", firstLine(sql), err)
		}
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return fmt.Errorf("explain %s: %w", firstLine(sql), err)
		}
		fmt.Fprintf(w, "\n-- %s\n%s\n", firstLine(sql), strings.Join(plan, "\n"))
	}
	fmt.Fprintln(w)
	return nil
}

// measure replays the page's statements with concurrency workers for d,
// each worker on one connection at a time as a request would be, reading
// every row, and returns how many pages' worth of SQL ran per second.
func (rp *replayer) measure(ctx context.Context, target vegeta.Target, concurrency int, d time.Duration) (*RawResult, error) {
	qs, err := rp.capture(target)
	if err != nil {
		return nil, err
	}
	// The deadline is checked between replays, never inside one: a page
	// whose SQL takes longer than d would otherwise finish no replay and
	// report a throughput of nothing. At least one replay always completes,
	// and throughput is counted over the time actually taken.
	var done atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < concurrency; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && (time.Since(start) < d || done.Load() == 0) {
				if err := rp.once(ctx, qs); err != nil {
					if ctx.Err() == nil {
						once.Do(func() { firstErr = err })
					}
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	res := &RawResult{Queries: len(qs), Concurrency: concurrency, Throughput: float64(done.Load()) / time.Since(start).Seconds()}
	for _, q := range qs {
		res.Statements = append(res.Statements, firstLine(q.SQL))
	}
	return res, nil
}

// once runs the page's statements in order on one connection.
func (rp *replayer) once(ctx context.Context, qs []query) error {
	conn, err := rp.store.Pool().Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	for _, q := range qs {
		rows, err := conn.Query(ctx, q.SQL, q.Args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			_ = rows.RawValues()
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", firstLine(q.SQL), err)
		}
	}
	return nil
}

func firstLine(sql string) string {
	s := strings.Join(strings.Fields(sql), " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
