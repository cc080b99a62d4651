package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// Report is a run's figures, as written to JSON.
type Report struct {
	Machine Machine        `json:"machine"`
	Config  map[string]any `json:"config"`
	Started time.Time      `json:"started"`
	Pages   []PageResult   `json:"pages"`
	// Server is the server process's memory at the end: VmHWM is its peak.
	Server *Memory `json:"server,omitempty"`
}

// Machine is where the figures came from.
type Machine struct {
	CPU       string `json:"cpu"`
	CPUs      int    `json:"cpus"`
	MemoryMB  int64  `json:"memory_mb"`
	OS        string `json:"os"`
	GoVersion string `json:"go"`
}

// PageResult is one page's figures.
type PageResult struct {
	Page  page   `json:"page"`
	State string `json:"state"` // ok, missing or error
	Note  string `json:"note,omitempty"`
	// Fixed is the fixed-rate run: latency and errors.
	Fixed Fixed `json:"fixed"`
	// Ramp is the throughput at each concurrency tried; Max the best
	// without an error.
	Ramp []RampStep `json:"ramp,omitempty"`
	Max  *RampStep  `json:"max,omitempty"`
	// Raw is the page's own SQL replayed through pgx.
	Raw    *RawResult `json:"raw_sql,omitempty"`
	CSV    *CSVResult `json:"csv,omitempty"`
	Memory Memory     `json:"server_memory_after"`
}

// Fixed sums up one attack.
type Fixed struct {
	Rate         float64  `json:"rate"`
	Requests     uint64   `json:"requests"`
	Errors       int      `json:"errors"`
	Throughput   float64  `json:"throughput"`
	P50ms        float64  `json:"p50_ms"`
	P90ms        float64  `json:"p90_ms"`
	P99ms        float64  `json:"p99_ms"`
	Maxms        float64  `json:"max_ms"`
	ErrorSamples []string `json:"error_samples,omitempty"`
}

// RampStep is the throughput at one concurrency.
type RampStep struct {
	Concurrency int     `json:"concurrency"`
	Throughput  float64 `json:"throughput"`
	Errors      int     `json:"errors"`
	P99ms       float64 `json:"p99_ms"`
}

// RawResult is the page's SQL replayed straight through pgx.
type RawResult struct {
	Queries     int      `json:"queries"`
	Concurrency int      `json:"concurrency"`
	Throughput  float64  `json:"throughput"`
	Ratio       float64  `json:"page_to_sql_ratio"`
	Statements  []string `json:"statements"`
}

// CSVResult is one download of a CSV page.
type CSVResult struct {
	Rows    int     `json:"rows"`
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
}

func reportConfig(c Config) map[string]any {
	return map[string]any{
		"rate": c.Rate, "csv_rate": c.CSVRate, "duration": c.Duration.String(), "step": c.StepDuration.String(),
		"ramp": c.Ramp, "committee": c.Committee, "member": c.MemberEmail, "chair": c.ChairEmail,
	}
}

// WriteTable prints the figures as a table.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintf(w, "\nminutebook load benchmark, %s: %d CPUs (%s), %d MB, %s\n\n", r.Started.Format(time.RFC3339), r.Machine.CPUs, r.Machine.CPU, r.Machine.MemoryMB, r.Machine.GoVersion)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "page\tas\trate/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\terrors\tbest/s\t(conc)\tSQL/s\tpage÷SQL\tqueries\tHWM MB\t")
	for _, p := range r.Pages {
		as := p.Page.As
		if as == "" {
			as = "anon"
		}
		if p.State != "ok" {
			fmt.Fprintf(tw, "%s\t%s\t%s\t\t\t\t\t\t\t\t\t\t\t\t\n", p.Page.Name, as, p.State)
			continue
		}
		best, conc := "", ""
		if p.Max != nil {
			best, conc = f0(p.Max.Throughput), "("+strconv.Itoa(p.Max.Concurrency)+")"
		}
		sql, ratio, queries := "", "", ""
		if p.Raw != nil {
			sql, ratio, queries = f0(p.Raw.Throughput), fmt.Sprintf("%.2f", p.Raw.Ratio), strconv.Itoa(p.Raw.Queries)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t\n", p.Page.Name, as, f0(p.Fixed.Rate),
			p.Fixed.P50ms, p.Fixed.P90ms, p.Fixed.P99ms, p.Fixed.Maxms, p.Fixed.Errors, best, conc, sql, ratio, queries, megabytes(p.Memory.HWMkB))
	}
	tw.Flush()
	for _, p := range r.Pages {
		if p.CSV != nil {
			fmt.Fprintf(w, "\n%s: %d rows (%.1f MB) streamed in %.3f s by one request.\n", p.Page.Name, p.CSV.Rows, float64(p.CSV.Bytes)/1e6, p.CSV.Seconds)
		}
		if p.Note != "" {
			fmt.Fprintf(w, "%s: %s\n", p.Page.Name, p.Note)
		}
		if len(p.Fixed.ErrorSamples) > 0 {
			fmt.Fprintf(w, "%s: errors such as %s\n", p.Page.Name, strings.Join(p.Fixed.ErrorSamples, "; "))
		}
	}
	if r.Server != nil {
		fmt.Fprintf(w, "\nServer memory: peak (VmHWM) %s MB, now (VmRSS) %s MB.\n", megabytes(r.Server.HWMkB), megabytes(r.Server.RSSkB))
	}
}

func f0(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) }

func megabytes(kb int64) string {
	if kb == 0 {
		return ""
	}
	return strconv.FormatFloat(float64(kb)/1024, 'f', 0, 64)
}

// WriteJSON writes the report to path.
func (r *Report) WriteJSON(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
