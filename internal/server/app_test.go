package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// testPassword is every test account's password.
const testPassword = "correct horse battery staple"

// adminEmail is the test administrator's address.
const adminEmail = "admin@example.org"

// app is minutebook on a fresh database with the demo loaded, served over
// real HTTP on loopback.
type app struct {
	t     testing.TB
	store *postgres.Store
	srv   *httptest.Server
	// emails of the demo readers by key: "admin", "secretariat", "chair",
	// "member", "panel-chair", "non-member".
	emails map[string]string
}

// newApp starts minutebook on a fresh database with the demo loaded.
func newApp(t testing.TB) *app {
	t.Helper()
	return newAppWith(t, server.Config{})
}

// newAppWith is newApp with the settings of cfg that are not the store,
// the logger or the password costs (a fixed Clock, say).
func newAppWith(t testing.TB, cfg server.Config) *app {
	t.Helper()
	return newAppWithDemo(t, cfg, demo.Options{})
}

// newAppWithDemo is newAppWith on the demo loaded with opts (the test
// passwords are set here).
func newAppWithDemo(t testing.TB, cfg server.Config, opts demo.Options) *app {
	t.Helper()
	ctx := context.Background()
	store, err := postgres.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	hash, err := password.Hash(testPassword, password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateUser(ctx, postgres.NewUser{Email: adminEmail, Name: "Ada Admin", Admin: true, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	opts.PasswordParams, opts.Password = password.Cheap, testPassword
	creds, err := demo.Load(ctx, store, opts)
	if err != nil {
		t.Fatal(err)
	}
	a := &app{t: t, store: store, emails: map[string]string{"admin": adminEmail}}
	for _, c := range creds {
		a.emails[c.Key] = c.Email
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(testWriter{t}, nil))
	}
	cfg.Store, cfg.Logger, cfg.PasswordParams = store, log, password.Cheap
	a.srv = httptest.NewServer(server.New(cfg))
	t.Cleanup(a.srv.Close)
	return a
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// client is a cookie-keeping HTTP client that does not follow redirects.
type client struct {
	t    testing.TB
	http *http.Client
	base string
}

// anonymous returns a client that has not signed in.
func (a *app) anonymous() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: a.t, base: a.srv.URL, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// as returns a client signed in as the reader with the key ("" for anonymous).
func (a *app) as(key string) *client {
	a.t.Helper()
	c := a.anonymous()
	if key == "" {
		return c
	}
	email, ok := a.emails[key]
	if !ok {
		a.t.Fatalf("no test reader %q", key)
	}
	res := c.post("/sign-in", url.Values{"email": {email}, "password": {testPassword}})
	if res.status != http.StatusSeeOther {
		a.t.Fatalf("sign in as %s: status %d\n%s", key, res.status, res.body)
	}
	return c
}

// response is what a request got back.
type response struct {
	status   int
	body     string
	location string
	header   http.Header
}

func (c *client) do(req *http.Request) *response {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return &response{status: res.StatusCode, body: string(b), location: res.Header.Get("Location"), header: res.Header}
}

// get requests path.
func (c *client) get(path string) *response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

// post submits form to path as a browser form would.
func (c *client) post(path string, form url.Values) *response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// mustContain fails the test unless the body holds every string.
func (r *response) mustContain(t testing.TB, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(r.body, w) {
			t.Errorf("response (status %d) lacks %q", r.status, w)
		}
	}
}

// mustNotContain fails the test if the body holds any of the strings.
func (r *response) mustNotContain(t testing.TB, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(r.body, w) {
			t.Errorf("response (status %d) holds %q", r.status, w)
		}
	}
}
