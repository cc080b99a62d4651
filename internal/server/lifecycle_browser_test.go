package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestBrowserConfirmsBigSteps: circulating and publishing say who will be
// able to read the minutes and ask for confirmation (in the page with
// JavaScript, a page of its own without); the approval form links to
// scheduling the next meeting and comes back.
func TestBrowserConfirmsBigSteps(t *testing.T) {
	jsModes(t, func(t *testing.T, b *browsertest.Browser, js bool) {
		a := newApp(t)
		signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
		meeting := a.srv.URL + "/committees/OPSG/meetings/106"
		b.Run(t, chromedp.Navigate(meeting),
			chromedp.Click(`[data-testid=circulate]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-testid=confirm-circulate]`, chromedp.ByQuery))
		may, mayNot := b.Text(t, `[data-testid=audience]`), b.Text(t, `[data-testid=not-audience]`)
		if !strings.Contains(may, "the committee's members") || !strings.Contains(mayNot, "the public") {
			t.Errorf("circulation's audience: may %q, may not %q", may, mayNot)
		}
		var inPage bool
		b.Run(t, chromedp.Evaluate(`!!document.querySelector('[data-testid=minutes]')`, &inPage))
		if inPage != js {
			t.Errorf("the confirmation is in the minutes' page: %v, with JavaScript: %v", inPage, js)
		}
		// Nothing happens until it is confirmed.
		if m, _ := a.store.MeetingByNumber(t.Context(), "OPSG", 106); m.Status != "draft" {
			t.Fatalf("106 is %s before the confirmation", m.Status)
		}
		b.Run(t, clickAndLoad(`[data-testid=confirm-circulate]`), chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery))
		if got := b.Text(t, `[data-testid=status]`); got != "Circulated" {
			t.Errorf("status %q after confirming", got)
		}

		// The approval form: no later meeting yet, so it links to scheduling one.
		b.Run(t, clickAndLoad(`[data-testid=approve]`), chromedp.WaitVisible(`[data-testid=schedule-next]`, chromedp.ByQuery))
		if got := b.Text(t, `[data-testid=audience]`); !strings.Contains(got, "the committee's members") {
			t.Errorf("approval's audience %q", got)
		}
		b.Run(t,
			clickAndLoad(`[data-testid=schedule-next]`),
			chromedp.WaitVisible(`[data-testid=meeting-form]`, chromedp.ByQuery),
			chromedp.SetValue(`#f-number`, "108", chromedp.ByQuery),
			chromedp.SetValue(`#f-date`, "2024-01-16", chromedp.ByQuery),
			chromedp.SendKeys(`#f-venue`, "Teleconference", chromedp.ByQuery),
			clickAndLoad(`[data-testid=save-meeting]`),
			chromedp.WaitVisible(`[data-testid=approve-form]`, chromedp.ByQuery),
		)
		var url string
		b.Run(t, chromedp.Location(&url))
		if !strings.HasSuffix(url, "/committees/OPSG/meetings/106/approve") {
			t.Errorf("after scheduling, at %q: want back at the approval form", url)
		}
	})
}

// TestBrowserNewMeetingStartsFromStandingItems: the secretariat keeps the
// committee's standing items, and a new meeting offers them ticked, with
// the previous meeting's titles to copy.
func TestBrowserNewMeetingStartsFromStandingItems(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/OPSG"),
		clickAndLoad(`[data-testid=standing-items]`),
		chromedp.WaitVisible(`[data-testid=standing-items-form]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-standing_start`, "Previous Meeting Minutes\nActions Outstanding\nRisk Register – Progress Report", chromedp.ByQuery),
		clickAndLoad(`[data-testid=save-standing-items]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=new-meeting]`),
		chromedp.WaitVisible(`[data-testid=standing-items]`, chromedp.ByQuery),
	)
	offered := b.Text(t, `[data-testid=standing-items]`)
	for _, want := range []string{"Previous Meeting Minutes", "Actions Outstanding", "Risk Register – Progress Report", "Any Other Business"} {
		if !strings.Contains(offered, want) {
			t.Errorf("the new meeting does not offer %q: %q", want, offered)
		}
	}
	b.Run(t,
		chromedp.SetValue(`#f-date`, "2024-02-13", chromedp.ByQuery),
		chromedp.SendKeys(`#f-venue`, "London", chromedp.ByQuery),
		clickAndLoad(`[data-testid=save-meeting]`),
		chromedp.WaitVisible(`[data-testid=minutes]`, chromedp.ByQuery),
	)
	var titles []string
	b.Run(t, chromedp.Evaluate(`[...document.querySelectorAll('[data-testid=items] section.item > h2')].map(h => h.textContent.trim())`, &titles))
	want := []string{"1. Previous Meeting Minutes", "2. Actions Outstanding", "3. Risk Register – Progress Report", "4. Any Other Business"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("the new meeting starts with %q, want %q", titles, want)
	}
}
