package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
	"github.com/minutebook/minutebook/internal/server"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// TestSmoke runs the benchmark's core briefly against minutebook serving
// the small data set in-process: every page of the list is measured or
// reported missing, none fails, and the figures come out as a table and
// as JSON. The full run, at the large size, stays out of the test suite.
func TestSmoke(t *testing.T) {
	ctx := context.Background()
	url := dbtest.URL(t)
	store, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	const pw = "correct horse battery staple"
	hash, err := password.Hash(pw, password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scaledemo.Load(ctx, store, scaledemo.Options{Size: scaledemo.Small, Seed: 1, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(server.New(server.Config{Store: store, Logger: quiet, PasswordParams: password.Cheap}))
	defer srv.Close()

	cfg := defaultConfig()
	cfg.BaseURL, cfg.DatabaseURL, cfg.Password, cfg.ServerPID = srv.URL, url, pw, os.Getpid()
	cfg.Rate, cfg.CSVRate, cfg.Duration, cfg.StepDuration, cfg.Ramp = 50, 2, 300*time.Millisecond, 150*time.Millisecond, []int{2}
	cfg.Out = filepath.Join(t.TempDir(), "mbload.json")
	rep, err := Run(ctx, cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != len(pages) {
		t.Fatalf("%d pages measured, want %d", len(rep.Pages), len(pages))
	}
	measured := 0
	for _, p := range rep.Pages {
		switch p.State {
		case "ok":
			measured++
			if p.Fixed.Requests == 0 || p.Fixed.Errors > 0 || p.Max == nil {
				t.Errorf("%s: %d requests, %d errors (%v), best %v", p.Page.Name, p.Fixed.Requests, p.Fixed.Errors, p.Fixed.ErrorSamples, p.Max)
			}
			if !p.Page.Baseline && (p.Raw == nil || p.Raw.Queries == 0 || p.Raw.Throughput == 0) {
				t.Errorf("%s: no raw SQL baseline (%s)", p.Page.Name, p.Note)
			}
			if p.Page.CSV && (p.CSV == nil || p.CSV.Rows == 0) {
				t.Errorf("%s: no rows counted", p.Page.Name)
			}
		case "missing":
			t.Logf("%s: missing on this server", p.Page.Name)
		default:
			t.Errorf("%s: %s: %s", p.Page.Name, p.State, p.Note)
		}
	}
	if measured < 5 {
		t.Errorf("only %d pages measured", measured)
	}
	if rep.Server == nil || rep.Server.HWMkB == 0 {
		t.Error("no server memory read")
	}

	var table bytes.Buffer
	rep.WriteTable(&table)
	for _, want := range []string{"p99 ms", "page÷SQL", "committee page", "baseline /healthz", "Server memory"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, table.String())
		}
	}
	if err := rep.WriteJSON(cfg.Out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(cfg.Out)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil || len(back.Pages) != len(rep.Pages) {
		t.Errorf("the JSON does not read back: %v", err)
	}
}

func TestRequireLoopback(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://127.0.0.2"} {
		if err := requireLoopback(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://10.0.0.1:8080", "http://example.org", "http://192.168.1.1", "not a url"} {
		if err := requireLoopback(bad); err == nil {
			t.Errorf("%s: accepted, want refused", bad)
		}
	}
}
