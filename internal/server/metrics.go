package server

import (
	"context"
	"crypto/subtle"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/minutebook/minutebook/internal/postgres"
)

// metrics are what /metrics shows Prometheus: request durations by route
// pattern, the connection pool's statistics and the job queue's depth, with
// the Go runtime's and the process's own.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.HistogramVec
}

func newMetrics(store *postgres.Store) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "minutebook_http_request_duration_seconds",
			Help:    "Time to answer a request, by method, route pattern (as registered) and status.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"method", "route", "status"}),
	}
	m.registry.MustRegister(
		m.requests,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		poolCollector{store.Pool()},
		queueCollector{store},
	)
	return m
}

// observe records one request.
func (m *metrics) observe(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Observe(d.Seconds())
}

// handleMetrics serves GET /metrics to a scraper that sends the metrics
// token (MINUTEBOOK_METRICS_TOKEN) as a bearer token, or, without a token,
// to one on the loopback that came through no proxy: a reverse proxy on the
// same machine makes every request come from the loopback, but it adds a
// forwarding header.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	if !s.mayReadMetrics(r) {
		http.Error(w, "The metrics are served on the loopback, or with the metrics token.", http.StatusForbidden)
		return
	}
	promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError, ErrorLog: errorLogger{s}}).ServeHTTP(w, r)
}

func (s *Server) mayReadMetrics(r *http.Request) bool {
	if secret, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return s.cfg.MetricsToken != "" && subtle.ConstantTimeCompare([]byte(secret), []byte(s.cfg.MetricsToken)) == 1
	}
	if r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != "" || r.Header.Get("X-Real-IP") != "" {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	return err == nil && ip != nil && ip.IsLoopback()
}

// errorLogger sends promhttp's complaints (a failed collector) to the log.
type errorLogger struct{ s *Server }

func (l errorLogger) Println(v ...any) { l.s.log.Warn("metrics", "err", v) }

// poolCollector reads the pool's statistics at each scrape.
type poolCollector struct{ pool *pgxpool.Pool }

var poolDescs = struct {
	total, idle, acquired, constructing, max, acquires, emptyAcquires, canceledAcquires, acquireSeconds, emptyWaitSeconds *prometheus.Desc
}{
	total:            prometheus.NewDesc("minutebook_db_pool_connections", "Connections open in the pool.", nil, nil),
	idle:             prometheus.NewDesc("minutebook_db_pool_idle_connections", "Connections open and idle.", nil, nil),
	acquired:         prometheus.NewDesc("minutebook_db_pool_acquired_connections", "Connections in use.", nil, nil),
	constructing:     prometheus.NewDesc("minutebook_db_pool_constructing_connections", "Connections being opened.", nil, nil),
	max:              prometheus.NewDesc("minutebook_db_pool_max_connections", "The pool's limit.", nil, nil),
	acquires:         prometheus.NewDesc("minutebook_db_pool_acquires_total", "Connections taken from the pool.", nil, nil),
	emptyAcquires:    prometheus.NewDesc("minutebook_db_pool_empty_acquires_total", "Takes that had to wait, the pool being empty.", nil, nil),
	canceledAcquires: prometheus.NewDesc("minutebook_db_pool_canceled_acquires_total", "Takes given up before a connection came.", nil, nil),
	acquireSeconds:   prometheus.NewDesc("minutebook_db_pool_acquire_seconds_total", "Time spent taking connections.", nil, nil),
	emptyWaitSeconds: prometheus.NewDesc("minutebook_db_pool_empty_wait_seconds_total", "Time spent waiting for a connection, the pool being empty.", nil, nil),
}

func (poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{poolDescs.total, poolDescs.idle, poolDescs.acquired, poolDescs.constructing, poolDescs.max,
		poolDescs.acquires, poolDescs.emptyAcquires, poolDescs.canceledAcquires, poolDescs.acquireSeconds, poolDescs.emptyWaitSeconds} {
		ch <- d
	}
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.pool.Stat()
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	counter := func(d *prometheus.Desc, v float64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v)
	}
	gauge(poolDescs.total, float64(st.TotalConns()))
	gauge(poolDescs.idle, float64(st.IdleConns()))
	gauge(poolDescs.acquired, float64(st.AcquiredConns()))
	gauge(poolDescs.constructing, float64(st.ConstructingConns()))
	gauge(poolDescs.max, float64(st.MaxConns()))
	counter(poolDescs.acquires, float64(st.AcquireCount()))
	counter(poolDescs.emptyAcquires, float64(st.EmptyAcquireCount()))
	counter(poolDescs.canceledAcquires, float64(st.CanceledAcquireCount()))
	counter(poolDescs.acquireSeconds, st.AcquireDuration().Seconds())
	counter(poolDescs.emptyWaitSeconds, st.EmptyAcquireWaitTime().Seconds())
}

// queueCollector counts the job queue's unfinished jobs at each scrape.
type queueCollector struct{ store *postgres.Store }

var queueDepth = prometheus.NewDesc("minutebook_jobs", "Jobs in the queue not yet finished, by state.", []string{"state"}, nil)

func (queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- queueDepth }

func (c queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	depth, err := c.store.QueueDepth(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(queueDepth, err)
		return
	}
	for _, state := range []string{"available", "scheduled", "retryable", "running"} {
		ch <- prometheus.MustNewConstMetric(queueDepth, prometheus.GaugeValue, float64(depth[state]), state)
	}
}
