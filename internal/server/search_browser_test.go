package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// A member searches from the header of any page and finds what the OPSG's
// AMBER minutes say; the public searching the same words finds nothing,
// and finds the published minutes instead. Both follow MP242 to its
// history: typed whole into the box, and as a link in the minutes.
func TestBrowserSearchFromTheHeader(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	search := func(b *browsertest.Browser, words string) {
		t.Helper()
		b.Run(t,
			chromedp.SetValue(`#site-search-q`, words, chromedp.ByQuery),
			browsertest.ClickAndLoad(`form.site-search button[type=submit]`),
		)
	}
	var location string
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/sign-in"),
		chromedp.WaitVisible(`[data-testid=sign-in-form]`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-email`, a.emails["member"], chromedp.ByQuery),
		chromedp.SendKeys(`#f-password`, testPassword, chromedp.ByQuery),
		chromedp.Click(`[data-testid=sign-in-form] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=account-link]`, chromedp.ByQuery),
		chromedp.Navigate(a.srv.URL+"/actions"),
		chromedp.WaitVisible(`[data-testid=register]`, chromedp.ByQuery),
	)
	search(b, "scheduled read window")
	b.Run(t, chromedp.WaitVisible(`[data-testid=search-hits]`, chromedp.ByQuery), chromedp.Location(&location))
	if !strings.Contains(location, "/search?q=scheduled+read+window") {
		t.Errorf("the header searched %s", location)
	}
	if hits := b.Text(t, `[data-testid=search-hits]`); !strings.Contains(hits, "CSP North Scaling and Optimisation") {
		t.Errorf("the member does not find OPSG 104:\n%s", hits)
	}
	// A reference typed whole goes to its history.
	search(b, "MP242")
	b.Run(t, chromedp.WaitVisible(`[data-testid=reference-timeline]`, chromedp.ByQuery), chromedp.Location(&location))
	if !strings.HasSuffix(location, "/refs/MP242") {
		t.Errorf("MP242 led to %s", location)
	}
	if legs := b.Text(t, `[data-testid=reference-timeline]`); !strings.Contains(legs, "OPSG") || !strings.Contains(legs, "PANEL") {
		t.Errorf("timeline:\n%s", legs)
	}

	// The public, in a browser of its own.
	p := browsertest.New(t)
	p.Run(t,
		chromedp.Navigate(a.srv.URL+"/public"),
		chromedp.WaitVisible(`#site-search-q`, chromedp.ByQuery),
	)
	search(p, "scheduled read window")
	p.Run(t, chromedp.WaitVisible(`[data-testid=search-count]`, chromedp.ByQuery), chromedp.Location(&location))
	if !strings.Contains(location, "/public/search?") {
		t.Errorf("the public's header searched %s", location)
	}
	if got := p.Text(t, `[data-testid=search-count]`); got != "Nothing matches." {
		t.Errorf("the public finds AMBER minutes: %q", got)
	}
	search(p, `"DUIS traffic"`)
	p.Run(t, chromedp.WaitVisible(`[data-testid=search-hits]`, chromedp.ByQuery))
	// The first hit opens the published minutes, whose references link
	// to their histories.
	p.Run(t,
		browsertest.ClickAndLoad(`[data-testid=search-hit] .hit-title a`),
		chromedp.WaitVisible(`a[href="/refs/MP242"]`, chromedp.ByQuery),
		chromedp.Location(&location),
	)
	if !strings.Contains(location, "/public/OPSG/") {
		t.Errorf("the hit led to %s", location)
	}
	p.Run(t,
		browsertest.ClickAndLoad(`a[href="/refs/MP242"]`),
		chromedp.WaitVisible(`[data-testid=reference-mentions]`, chromedp.ByQuery),
	)
	if mentions := p.Text(t, `[data-testid=reference-mentions]`); !strings.Contains(mentions, "PANEL 119") || !strings.Contains(mentions, "OPSG 105") {
		t.Errorf("MP242's mentions:\n%s", mentions)
	}
}
