package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/minutebook/minutebook/internal/postgres"
)

// Config is one benchmark run.
type Config struct {
	BaseURL      string
	ServerPID    int
	DatabaseURL  string
	Password     string
	MemberEmail  string
	ChairEmail   string
	Committee    string
	Rate         float64
	CSVRate      float64
	Duration     time.Duration
	StepDuration time.Duration
	Ramp         []int
	Only         []string
	Out          string
	Explain      string
}

func defaultConfig() Config {
	return Config{
		MemberEmail: "kevin.donnelly@albion.example.org", ChairEmail: "pauline.hartley@example.org", Committee: "OPSG",
		Rate: 200, CSVRate: 5, Duration: 10 * time.Second, StepDuration: 2 * time.Second,
		Ramp: []int{1, 2, 4, 8, 16}, Out: "mbload.json",
	}
}

// Run signs in, loads every page and returns the figures. Progress goes to log.
func Run(ctx context.Context, cfg Config, log io.Writer) (*Report, error) {
	rep := &Report{Machine: thisMachine(), Config: reportConfig(cfg), Started: time.Now().UTC()}
	cookies := map[string]string{"": ""}
	for key, email := range map[string]string{"member": cfg.MemberEmail, "chair": cfg.ChairEmail} {
		c, err := signIn(ctx, cfg.BaseURL, email, cfg.Password)
		if err != nil {
			return nil, fmt.Errorf("sign in as %s: %w", email, err)
		}
		cookies[key] = c
	}
	list := pages
	var replayer *replayer
	if cfg.DatabaseURL != "" {
		rec := &recorder{}
		store, err := postgres.Open(ctx, cfg.DatabaseURL, postgres.WithTracer(rec))
		if err != nil {
			return nil, fmt.Errorf("open the database for the raw SQL baseline: %w", err)
		}
		defer store.Close()
		if list, err = resolve(ctx, store, cfg.Committee, cfg.MemberEmail, pages); err != nil {
			return nil, err
		}
		replayer = newReplayer(store, rec)
	} else {
		fmt.Fprintln(log, "mbload: no database URL: the raw SQL baseline is left out, and {placeholders} stay unresolved")
	}
	if cfg.Explain != "" {
		return rep, explainAll(ctx, cfg, list, cookies, replayer)
	}
	for _, p := range list {
		if !chosen(p, cfg.Only) {
			continue
		}
		fmt.Fprintf(log, "mbload: %s (%s)…\n", p.Name, p.Path)
		r := measurePage(ctx, cfg, p, cookies[p.As], replayer, log)
		if cfg.ServerPID != 0 {
			r.Memory, _ = readMemory(cfg.ServerPID)
		}
		rep.Pages = append(rep.Pages, r)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	if cfg.ServerPID != 0 {
		m, err := readMemory(cfg.ServerPID)
		if err != nil {
			return nil, fmt.Errorf("read the server's memory: %w", err)
		}
		rep.Server = &m
	}
	return rep, nil
}

// explainAll writes the plans of every page's queries to cfg.Explain.
func explainAll(ctx context.Context, cfg Config, list []page, cookies map[string]string, rp *replayer) error {
	if rp == nil {
		return errors.New("--explain needs the database: set DATABASE_URL or --database-url, or use --start")
	}
	f, err := os.Create(cfg.Explain)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, p := range list {
		if !chosen(p, cfg.Only) || p.Baseline {
			continue
		}
		target := vegeta.Target{Method: http.MethodGet, URL: cfg.BaseURL + p.Path, Header: http.Header{}}
		if c := cookies[p.As]; c != "" {
			target.Header.Set("Cookie", c)
		}
		if err := rp.explain(ctx, p.Name, target, f); err != nil {
			fmt.Fprintf(f, "==== %s: %s\n%v\n\n", p.Name, p.Path, err)
		}
	}
	return nil
}

func chosen(p page, only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, w := range only {
		if w = strings.TrimSpace(w); w != "" && strings.Contains(p.Name, w) {
			return true
		}
	}
	return false
}

// measurePage loads one page: a probe, the fixed rate, the ramp, the raw
// SQL at the best concurrency.
func measurePage(ctx context.Context, cfg Config, p page, cookie string, rp *replayer, log io.Writer) PageResult {
	r := PageResult{Page: p, State: "ok"}
	target := vegeta.Target{Method: http.MethodGet, URL: cfg.BaseURL + p.Path, Header: http.Header{}}
	if cookie != "" {
		target.Header.Set("Cookie", cookie)
	}
	probe, err := probePage(ctx, target, p.CSV)
	switch {
	case err != nil:
		r.State, r.Note = "error", err.Error()
		return r
	case probe.status == http.StatusNotFound:
		r.State, r.Note = "missing", "404: the route or its data is not on this server"
		return r
	case probe.status != http.StatusOK:
		r.State, r.Note = "error", "status "+strconv.Itoa(probe.status)
		return r
	}
	if p.CSV {
		r.CSV = &CSVResult{Rows: probe.rows, Bytes: probe.bytes, Seconds: probe.elapsed.Seconds()}
	}
	rate := cfg.Rate
	if p.CSV {
		rate = cfg.CSVRate
	}
	if p.Rate > 0 {
		rate = p.Rate
	}
	// One targeter for the page, so that a fresh page's ramp asks no
	// search its fixed rate asked.
	targets := targeter(target, p.Fresh)
	r.Fixed = attack(targets, vegeta.Rate{Freq: int(rate), Per: time.Second}, 0, cfg.Duration)
	// The ramp: closed-loop load at rising concurrency; the best
	// throughput without an error is the page's limit.
	for _, c := range cfg.Ramp {
		m := attack(targets, vegeta.Rate{}, c, cfg.StepDuration)
		r.Ramp = append(r.Ramp, RampStep{Concurrency: c, Throughput: m.Throughput, Errors: m.Errors, P99ms: m.P99ms})
		if m.Errors == 0 && (r.Max == nil || m.Throughput > r.Max.Throughput) {
			best := r.Ramp[len(r.Ramp)-1]
			r.Max = &best
		}
		// Past saturation more workers only queue.
		if m.Errors > 0 || (r.Max != nil && m.Throughput < 0.85*r.Max.Throughput) {
			break
		}
		if ctx.Err() != nil {
			return r
		}
	}
	if rp != nil && !p.Baseline && r.Max != nil {
		raw, err := rp.measure(ctx, target, r.Max.Concurrency, cfg.StepDuration)
		if err != nil {
			r.Note = "raw SQL: " + err.Error()
		} else {
			if raw.Throughput > 0 {
				raw.Ratio = r.Max.Throughput / raw.Throughput
			}
			r.Raw = raw
		}
	}
	fmt.Fprintf(log, "  p99 %.1f ms at %.0f/s, %d errors; best %.0f/s\n", r.Fixed.P99ms, rate, r.Fixed.Errors, maxThroughput(r))
	return r
}

func maxThroughput(r PageResult) float64 {
	if r.Max == nil {
		return 0
	}
	return r.Max.Throughput
}

// attack loads target at rate (or, with workers > 0 and a zero rate, as
// fast as that many workers go) for d, and sums up the results. Anything
// but a 200 is an error: a redirect to the sign-in page is a failure here.
func attack(targets vegeta.Targeter, rate vegeta.Rate, workers int, d time.Duration) Fixed {
	opts := []func(*vegeta.Attacker){vegeta.KeepAlive(true), vegeta.Redirects(vegeta.NoFollow), vegeta.Timeout(requestTimeout)}
	if workers > 0 {
		opts = append(opts, vegeta.Workers(uint64(workers)), vegeta.MaxWorkers(uint64(workers)), vegeta.Connections(workers))
	} else {
		// At a fixed rate vegeta adds workers while responses lag; a page
		// far slower than the rate would otherwise open thousands of
		// requests at once. Past this many the rate is simply not met,
		// which the achieved rate in the table shows.
		opts = append(opts, vegeta.MaxWorkers(maxInFlight))
	}
	a := vegeta.NewAttacker(opts...)
	var m vegeta.Metrics
	errs := 0
	for res := range a.Attack(targets, rate, d, "mbload") {
		if res.Code != http.StatusOK && res.Error == "" {
			res.Error = "status " + strconv.Itoa(int(res.Code))
		}
		if res.Error != "" {
			errs++
		}
		res.Body = nil
		m.Add(res)
	}
	m.Close()
	return Fixed{
		Rate: m.Rate, Requests: m.Requests, Errors: errs, Throughput: m.Throughput,
		P50ms: ms(m.Latencies.P50), P90ms: ms(m.Latencies.P90), P99ms: ms(m.Latencies.P99), Maxms: ms(m.Latencies.Max),
		ErrorSamples: firstN(m.Errors, 3),
	}
}

// targeter sends target every time, or with fresh a search no server
// has kept: a "to" day further past every record each request.
func targeter(target vegeta.Target, fresh bool) vegeta.Targeter {
	if !fresh {
		return vegeta.NewStaticTargeter(target)
	}
	var n atomic.Int64
	far := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
	return func(t *vegeta.Target) error {
		*t = target
		t.URL += "&to=" + far.AddDate(0, 0, int(n.Add(1))).Format(time.DateOnly)
		return nil
	}
}

// requestTimeout fails a request that takes longer; maxInFlight caps the
// requests open at once at a fixed rate.
const (
	requestTimeout = 10 * time.Second
	maxInFlight    = 128
)

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

type probeResult struct {
	status  int
	rows    int
	bytes   int64
	elapsed time.Duration
}

// probePage requests the page once, counting a CSV's rows as they stream
// so that the time to the last byte is the time to stream them all.
func probePage(ctx context.Context, target vegeta.Target, csv bool) (probeResult, error) {
	req, err := http.NewRequestWithContext(ctx, target.Method, target.URL, nil)
	if err != nil {
		return probeResult{}, err
	}
	req.Header = target.Header.Clone()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		return probeResult{}, err
	}
	defer res.Body.Close()
	var pr probeResult
	buf := make([]byte, 64<<10)
	for {
		n, err := res.Body.Read(buf)
		pr.bytes += int64(n)
		if csv {
			for _, b := range buf[:n] {
				if b == '\n' {
					pr.rows++
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return pr, err
		}
	}
	pr.elapsed, pr.status = time.Since(start), res.StatusCode
	if csv && pr.rows > 0 {
		pr.rows-- // the header line
	}
	return pr, nil
}

// signIn signs in through the form as a person would and returns the
// session cookie, after one page view has used up the welcome flash.
func signIn(ctx context.Context, base, email, password string) (string, error) {
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/sign-in",
		strings.NewReader(url.Values{"email": {email}, "password": {password}}.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := client.Do(req)
	if err != nil {
		return "", err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return "", fmt.Errorf("the sign-in form answered %s: is the password the one 'minutebook demo --scale' printed?", res.Status)
	}
	u, _ := url.Parse(base)
	var parts []string
	for _, c := range jar.Cookies(u) {
		parts = append(parts, c.Name+"="+c.Value)
	}
	if res, err := client.Get(base + "/committees"); err == nil {
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
	return strings.Join(parts, "; "), nil
}

func thisMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		if f := strings.Fields(strings.SplitN(string(b), "\n", 2)[0]); len(f) >= 2 {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			m.MemoryMB = kb / 1024
		}
	}
	return m
}
