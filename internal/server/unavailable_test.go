package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
)

// While the database refuses connections, pages answer 503 with the
// message, a posted form comes back as typed (the password not written
// into the page) in a well-formed, labelled page, the API answers JSON, and
// everything serves again once connections are allowed.
func TestDatabaseUnavailable(t *testing.T) {
	srv, store, logs, _ := bareServer(t)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	var db string
	if err := store.Pool().QueryRow(t.Context(), `SELECT current_database()`).Scan(&db); err != nil {
		t.Fatal(err)
	}
	admin, err := pgx.Connect(t.Context(), dbtest.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	refuse := func(on bool) {
		t.Helper()
		if _, err := admin.Exec(t.Context(), `ALTER DATABASE `+pgx.Identifier{db}.Sanitize()+` ALLOW_CONNECTIONS `+map[bool]string{true: "false", false: "true"}[on]); err != nil {
			t.Fatal(err)
		}
		if on {
			if _, err := admin.Exec(t.Context(), `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, db); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (int, string) {
		res, err := c.Get(ts.URL + path)
		return readAll(t, res, err)
	}

	refuse(true)
	defer refuse(false) // so that the database can be dropped
	status, body := get("/public")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "minutebook cannot reach its database; try again in a moment.") {
		t.Errorf("a page: %d\n%s", status, body)
	}
	res, err := c.PostForm(ts.URL+"/sign-in", url.Values{"email": {"ada@example.org"}, "password": {"secret password"}, "next": {"/committees"}})
	status, body = readAll(t, res, err)
	if status != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Errorf("a form: %d, Retry-After %q", status, res.Header.Get("Retry-After"))
	}
	for _, want := range []string{`action="/sign-in"`, `name="email"`, ">ada@example.org</textarea>", `name="next"`, "Passwords and files are not kept"} {
		if !strings.Contains(body, want) {
			t.Errorf("the form is not kept: no %q\n%s", want, body)
		}
	}
	if strings.Contains(body, "secret password") {
		t.Error("the password was written into the page")
	}
	for _, problem := range htmlProblems(body) {
		t.Errorf("the 503 page: %s", problem)
	}
	if status, body := get("/api/v1/committees"); status != http.StatusServiceUnavailable || !strings.Contains(body, `"error": "unavailable"`) {
		t.Errorf("the API: %d %s", status, body)
	}
	if strings.Contains(logs.String(), `"level":"ERROR","msg":"internal error"`) {
		t.Errorf("an unreachable database was logged as an internal error:\n%s", logs.String())
	}

	refuse(false)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if status, _ := get("/public"); status == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not serving 5 s after the database accepts connections again")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// readAll returns a response's status and body; a failed request fails the test.
func readAll(t *testing.T, res *http.Response, err error) (int, string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, string(b)
}
