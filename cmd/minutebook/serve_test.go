package main

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/logbuf"
)

// served is "minutebook serve" running in the test, on a port of its own.
type served struct {
	url     string // http://127.0.0.1:PORT/
	printed string // what it printed up to "serving at"
	out     logbuf.Buffer
	logs    logbuf.Buffer
	done    chan error
	cancel  context.CancelFunc
	stopped bool
}

// startServe runs serve with args until the test ends (or stop), and
// returns once it says where it serves.
func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &served{done: make(chan error, 1), cancel: cancel}
	pr, pw := io.Pipe()
	go func() {
		s.done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), pw, &s.logs)
		pw.Close()
	}()
	var printed strings.Builder
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		printed.WriteString(sc.Text() + "\n")
		if m := regexp.MustCompile(`serving at (http://\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			s.url = m[1]
			break
		}
	}
	go io.Copy(&s.out, pr)
	s.printed = printed.String()
	if s.url == "" {
		cancel()
		t.Fatalf("serve printed no address:\n%s\n%v\n%s", s.printed, <-s.done, s.logs.String())
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// stop cancels serve as SIGTERM does and waits for it to end.
func (s *served) stop(t *testing.T) {
	t.Helper()
	if s.stopped {
		return
	}
	s.stopped = true
	s.cancel()
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("serve ended with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop within 30 s of its context's end")
	}
}

// browser is a cookie-keeping client that does not follow redirects.
type browser struct {
	t    *testing.T
	http *http.Client
}

func newBrowser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, http: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// get returns the status and body of base+path; a failed request is
// status 0 with the error as the body.
func (b *browser) get(base, path string) (int, string) {
	res, err := b.http.Get(strings.TrimSuffix(base, "/") + path)
	return readResponse(res, err)
}

// post sends a form.
func (b *browser) post(base, path string, form url.Values) (int, string) {
	res, err := b.http.PostForm(strings.TrimSuffix(base, "/")+path, form)
	return readResponse(res, err)
}

func readResponse(res *http.Response, err error) (int, string) {
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// signIn signs the browser in on the server at base.
func (b *browser) signIn(base, email, password string) {
	b.t.Helper()
	status, body := b.post(base, "/sign-in", url.Values{"email": {email}, "password": {password}})
	if status != http.StatusSeeOther {
		b.t.Fatalf("sign in as %s: %d\n%s", email, status, body)
	}
}

// waitFor polls until ok or the time is up, and says how long it took.
func waitFor(t *testing.T, within time.Duration, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > within {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Since(start)
}

// cheapPasswords makes argon2id fast for the test's accounts.
func cheapPasswords(t *testing.T) {
	t.Setenv("MINUTEBOOK_ARGON2_MEMORY_KIB", "64")
	t.Setenv("MINUTEBOOK_ARGON2_ITERATIONS", "1")
}

// tempDir returns a directory straight from os.MkdirTemp: as root, a
// subdirectory of t.TempDir would be closed to the postgres user.
func tempDir(t *testing.T, prefix string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// quietLog discards a test cluster's lifecycle lines.
func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
