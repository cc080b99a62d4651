package server_test

import (
	"bufio"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/logbuf"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
)

// bareServer is minutebook on a fresh database with one user and no demo,
// logging JSON into logs, with the metrics token "metrics-secret".
func bareServer(t *testing.T) (srv *server.Server, store *postgres.Store, logs *logbuf.Buffer, userID int64) {
	t.Helper()
	store, err := postgres.Open(t.Context(), dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	hash, err := password.Hash(testPassword, password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	u, err := store.CreateUser(t.Context(), postgres.NewUser{Email: adminEmail, Name: "Ada Admin", Admin: true, PasswordHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	logs = &logbuf.Buffer{}
	srv = server.New(server.Config{Store: store, Logger: slog.New(slog.NewJSONHandler(logs, nil)),
		PasswordParams: password.Cheap, MetricsToken: "metrics-secret"})
	return srv, store, logs, u.ID
}

// /metrics shows request durations by route pattern, the pool and the
// queue, to the loopback or the token holder only.
func TestMetrics(t *testing.T) {
	srv, _, _, _ := bareServer(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	for _, path := range []string{"/public", "/public/OPSG", "/public/TABASC"} {
		res, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	// A request is observed once its handler has returned, which may be
	// just after the client has read the answer: ask until the last of
	// the three is counted.
	var body []byte
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		res, err := http.Get(ts.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("/metrics from the loopback: %d\n%s", res.StatusCode, body)
		}
		if strings.Contains(string(body), `route="/public/{code}",status="404"} 2`) || time.Now().After(deadline) {
			break
		}
	}
	for _, want := range []string{
		`minutebook_http_request_duration_seconds_count{method="GET",route="/public",status="200"} 1`,
		// Two paths, one route pattern: one series.
		`minutebook_http_request_duration_seconds_count{method="GET",route="/public/{code}",status="404"} 2`,
		"minutebook_db_pool_connections ", "minutebook_db_pool_max_connections ", "minutebook_db_pool_acquires_total ",
		`minutebook_jobs{state="available"} 0`, `minutebook_jobs{state="retryable"} 0`,
		"go_goroutines ", "process_resident_memory_bytes ",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}

	for _, c := range []struct {
		name, remote string
		header       http.Header
		want         int
	}{
		{"FromAnotherHost", "192.0.2.1:4000", nil, http.StatusForbidden},
		{"ThroughAProxyOnTheLoopback", "127.0.0.1:4000", http.Header{"X-Forwarded-For": {"192.0.2.1"}}, http.StatusForbidden},
		{"WithTheToken", "192.0.2.1:4000", http.Header{"Authorization": {"Bearer metrics-secret"}}, http.StatusOK},
		{"WithAWrongToken", "127.0.0.1:4000", http.Header{"Authorization": {"Bearer guess"}}, http.StatusForbidden},
		{"FromTheLoopback", "[::1]:4000", nil, http.StatusOK},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
			req.RemoteAddr = c.remote
			for k, v := range c.header {
				req.Header[k] = v
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != c.want {
				t.Errorf("status %d, want %d", rec.Code, c.want)
			}
		})
	}
}

// Each request's JSON log line carries its request id, the route pattern it
// matched and, once signed in, the user's id.
func TestRequestLog(t *testing.T) {
	srv, _, logs, userID := bareServer(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(ts.URL+"/sign-in", url.Values{"email": {adminEmail}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/public/OPSG", nil)
	for _, ck := range res.Cookies() {
		req.AddCookie(ck)
	}
	if res, err = c.Do(req); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()

	var line map[string]any
	sc := bufio.NewScanner(strings.NewReader(logs.String()))
	for sc.Scan() {
		var l map[string]any
		if json.Unmarshal(sc.Bytes(), &l) == nil && l["msg"] == "request" && l["path"] == "/public/OPSG" {
			line = l
		}
	}
	if line == nil {
		t.Fatalf("no request line for /public/OPSG in:\n%s", logs.String())
	}
	if line["route"] != "/public/{code}" || line["user_id"] != float64(userID) || line["request_id"] == "" || line["request_id"] == nil {
		t.Errorf("request line %v: want route /public/{code}, user_id %d and a request id", line, userID)
	}
}
