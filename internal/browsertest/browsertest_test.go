package browsertest_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// newServer serves a form that posts back to itself, a page that sets a
// cookie, one that shows it, and one whose script throws.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>form</title></head><body>
<form method="post" action="/">
  <label for="name">Your name</label>
  <input id="name" name="name" type="text">
  <button type="submit">Send</button>
</form>
</body></html>`)
	})
	mux.HandleFunc("POST /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><html><head><title>result</title></head><body>
<p id="result">Hello, %s!</p>
</body></html>`, html.EscapeString(r.PostFormValue("name")))
	})
	mux.HandleFunc("GET /set", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "who", Value: "alice", Path: "/"})
		fmt.Fprint(w, `<!doctype html><p id="done">set</p>`)
	})
	mux.HandleFunc("GET /show", func(w http.ResponseWriter, r *http.Request) {
		who := "nobody"
		if c, err := r.Cookie("who"); err == nil {
			who = c.Value
		}
		fmt.Fprintf(w, `<!doctype html><p id="who">%s</p>`, html.EscapeString(who))
	})
	mux.HandleFunc("GET /broken", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><p id="ok">loaded</p>
<script>console.error("boom", 42); throw new Error("kaboom");</script>`)
	})
	// Browsers ask for it on every page; a 404 would be logged as a
	// resource error and clutter failure output.
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFormRoundTrip(t *testing.T) {
	t.Parallel()
	b := browsertest.New(t)
	srv := newServer(t)

	b.Run(t,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`input#name`, chromedp.ByQuery),
		// Ampersand and angle brackets check that the echo went through
		// the real form encoding and HTML escaping, not a shortcut.
		chromedp.SendKeys(`input#name`, "Ada <&> Lovelace", chromedp.ByQuery),
		chromedp.Click(`button[type=submit]`, chromedp.ByQuery),
	)
	if got, want := b.Text(t, "#result"), "Hello, Ada <&> Lovelace!"; got != want {
		t.Errorf("result = %q, want %q", got, want)
	}
	if errs := b.JSErrors(); len(errs) != 0 {
		t.Errorf("JSErrors() = %q, want none", errs)
	}
}

func TestNewTabHasOwnCookies(t *testing.T) {
	t.Parallel()
	alice := browsertest.New(t)
	srv := newServer(t)

	alice.Run(t,
		chromedp.Navigate(srv.URL+"/set"),
		chromedp.WaitVisible(`#done`, chromedp.ByQuery),
		chromedp.Navigate(srv.URL+"/show"),
	)
	// Checking alice first proves the cookie works at all, so that
	// "nobody" below means isolation rather than a broken cookie.
	if got := alice.Text(t, "#who"); got != "alice" {
		t.Fatalf("first browser sees %q, want alice", got)
	}

	anon := alice.NewTab(t)
	anon.Run(t, chromedp.Navigate(srv.URL+"/show"))
	if got := anon.Text(t, "#who"); got != "nobody" {
		t.Errorf("second browser sees %q, want nobody", got)
	}
}

func TestJSErrorsAreRecorded(t *testing.T) {
	t.Parallel()
	b := browsertest.New(t)
	srv := newServer(t)
	b.AllowJSErrors()

	b.Run(t,
		chromedp.Navigate(srv.URL+"/broken"),
		chromedp.WaitVisible(`#ok`, chromedp.ByQuery),
	)
	// Events arrive asynchronously; poll rather than assume ordering.
	var errs []string
	b.Run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		for {
			if errs = b.JSErrors(); len(errs) >= 2 {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("got JS errors %q, want 2: %w", errs, ctx.Err())
			case <-time.After(20 * time.Millisecond):
			}
		}
	}))
	joined := strings.Join(errs, "\n")
	for _, want := range []string{"boom 42", "kaboom"} {
		if !strings.Contains(joined, want) {
			t.Errorf("JSErrors() = %q, want one containing %q", errs, want)
		}
	}
}
