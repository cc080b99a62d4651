package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestBrowserStaysOnSiteAfterSignIn is issue 13's probe in Chromium: a
// signed-in reader follows a sign-in link whose next hides a second slash
// behind a tab. The browser strips the tab; the answer must still be a path
// on this site. The other host is a loopback address, so that the browser
// looks nothing up if it is sent there.
func TestBrowserStaysOnSiteAfterSignIn(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	b.Run(t, a.signInAction("member"))
	srv, err := url.Parse(a.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := "127.0.0.2:" + srv.Port()
	for _, next := range []string{"/\t/" + elsewhere + "/path", `/\` + elsewhere + "/path", "/\n/" + elsewhere + "/path"} {
		var loc string
		b.Run(t,
			chromedp.ActionFunc(func(ctx context.Context) error {
				// A navigation sent off-site fails to connect; where it went is what counts.
				_ = chromedp.Navigate(a.srv.URL + "/sign-in?next=" + url.QueryEscape(next)).Do(ctx)
				return nil
			}),
			chromedp.Location(&loc),
		)
		if !strings.HasPrefix(loc, a.srv.URL+"/") {
			t.Errorf("next %q took the browser to %q, want a page of %s", next, loc, a.srv.URL)
		}
	}
}
