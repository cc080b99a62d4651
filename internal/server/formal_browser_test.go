package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// fitsPhone fails the test when the page scrolls sideways at 390 px,
// naming what sticks out (tables may scroll within themselves).
func fitsPhone(t *testing.T, b *browsertest.Browser, page string) {
	t.Helper()
	var width int
	var wide string
	b.Run(t,
		chromedp.EmulateViewport(390, 844),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392 && (!e.parentElement.closest('.table-scroll'))).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')`, &wide),
		chromedp.EmulateViewport(1280, 900),
	)
	if width > 390 {
		t.Errorf("%s is %d px wide on a 390 px phone: %s", page, width, wide)
	}
}

// TestBrowserDeclarationAndVote is the secretariat recording, at OPSG 106,
// Kevin Donnelly's declaration (he left the room) and then the vote: counts
// that would include him are refused with the reason, and the named vote
// without him reads in the minutes as written.
func TestBrowserDeclarationAndVote(t *testing.T) {
	a := newApp(t)
	draft106(t, a)
	p := a.people(t)
	b := browsertest.New(t)
	meeting := a.srv.URL + "/committees/OPSG/meetings/106"
	signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
	b.Run(t,
		chromedp.Navigate(meeting),
		clickAndLoad(`[data-testid=add-declaration-1]`),
		chromedp.WaitVisible(`[data-testid=declaration-form]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-person`, p["Kevin Donnelly"], chromedp.ByQuery),
		chromedp.SendKeys(`#f-nature`, "Albion Energy is a party to the contract", chromedp.ByQuery),
		chromedp.Click(`#effect-left_room`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=save-declaration]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=declarations]`); !strings.Contains(got, "Item 1: Kevin Donnelly – Albion Energy is a party to the contract (left the room).") {
		t.Errorf("declarations = %q", got)
	}
	b.Run(t,
		clickAndLoad(`[data-testid=item-1] [data-testid=record-vote]`),
		chromedp.WaitVisible(`[data-testid=vote-form]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=vote-excluded]`); !strings.Contains(got, "Kevin Donnelly declared an interest in item 1 and left the room") {
		t.Errorf("not counted = %q", got)
	}
	fitsPhone(t, b, "the vote form")
	b.Run(t,
		chromedp.Click(`#mode-counts`, chromedp.ByQuery),
		chromedp.SetValue(`[data-testid=vote-for]`, "15", chromedp.ByQuery),
		clickAndLoad(`[data-testid=save-vote]`),
		chromedp.WaitVisible(`[data-testid=error-summary]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=error-counts]`); !strings.Contains(got, "Kevin Donnelly declared an interest in item 1 and left the room, so cannot be counted in the vote.") {
		t.Errorf("the refusal = %q", got)
	}
	// The counts come back as typed; now the named vote.
	var typed string
	b.Run(t, chromedp.Value(`[data-testid=vote-for]`, &typed, chromedp.ByQuery))
	if typed != "15" {
		t.Errorf("the count came back as %q", typed)
	}
	b.Run(t,
		chromedp.Click(`#mode-named`, chromedp.ByQuery),
		chromedp.SetValue(`[data-testid=vote-for]`, "", chromedp.ByQuery),
		chromedp.SetValue(`[data-testid=choice-0]`, "for", chromedp.ByQuery),
		chromedp.SetValue(`[data-testid=choice-1]`, "against", chromedp.ByQuery),
		clickAndLoad(`[data-testid=save-vote]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	got := b.Text(t, `[data-testid=item-1]`)
	for _, want := range []string{"The OPSG voted 1 for and 1 against, and APPROVED the minutes from OPSG 105 as final.",
		"For: Dave Warner. Against: Sam Draper.", "Kevin Donnelly declared an interest: Albion Energy is a party to the contract. Kevin Donnelly left the room."} {
		if !strings.Contains(got, want) {
			t.Errorf("item 1 lacks %q:\n%s", want, got)
		}
	}
}

// TestBrowserSignAndVerify: after a correction voided OPSG 105's signature,
// the chair signs the corrected minutes from their page, and a reader
// checks the signature and the hash printed on a copy.
func TestBrowserSignAndVerify(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	sec.post("/committees/OPSG/meetings/105/correction", map[string][]string{"reason": {"A name misspelt"}})
	sec.post("/committees/OPSG/meetings/105/correction/finish", nil)
	b := browsertest.New(t)
	meeting := a.srv.URL + "/committees/OPSG/meetings/105"
	signInBrowser(t, b, a.srv.URL, a.emails["chair"])
	b.Run(t, chromedp.Navigate(meeting), chromedp.WaitVisible(`[data-testid=signature-voided]`, chromedp.ByQuery))
	b.Run(t,
		clickAndLoad(`[data-testid=sign]`),
		chromedp.WaitVisible(`[data-testid=signature]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=flash]`); !strings.Contains(got, "Signed by Dave Warner on") || !strings.Contains(got, "SHA-256 of version 4") {
		t.Errorf("flash = %q", got)
	}
	b.Run(t, clickAndLoad(`[data-testid=verify-link]`), chromedp.WaitVisible(`[data-testid=verify-result]`, chromedp.ByQuery))
	if got := b.Text(t, `[data-testid=verify-result]`); !strings.Contains(got, "matches the stored version 4") {
		t.Errorf("verify = %q", got)
	}
	fitsPhone(t, b, "the verify page")
	hash := b.Text(t, `[data-testid=signed-hash]`)
	b.Run(t,
		chromedp.SendKeys(`#f-sha256`, strings.ToUpper(hash), chromedp.ByQuery),
		clickAndLoad(`[data-testid=verify-submit]`),
		chromedp.WaitVisible(`[data-testid=given-result]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=given-result]`); !strings.Contains(got, "the copy is the signed text") {
		t.Errorf("the copy's hash = %q", got)
	}
}

// TestBrowserAttendanceRecordAndRegister: a member chooses a period on the
// committee page, reads the attendance chart and its table, and follows
// the link to the register of interests.
func TestBrowserAttendanceRecordAndRegister(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	signInBrowser(t, b, a.srv.URL, a.emails["member"])
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/OPSG"),
		chromedp.WaitVisible(`[data-testid=attendance-period]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-from`, "2023-09-01", chromedp.ByQuery),
		chromedp.SetValue(`#f-to`, "2023-10-31", chromedp.ByQuery),
		clickAndLoad(`[data-testid=attendance-period] button`),
		chromedp.WaitVisible(`[data-testid=attendance-chart]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=attendance-table]`); !strings.Contains(got, "Dave Warner") || !strings.Contains(got, "100%") {
		t.Errorf("attendance table = %q", got)
	}
	fitsPhone(t, b, "the committee page")
	var bars int
	b.Run(t, chromedp.Evaluate(`document.querySelectorAll('[data-testid=attendance-chart] g').length`, &bars))
	if bars < 10 {
		t.Errorf("%d bars in the chart", bars)
	}
	b.Run(t, clickAndLoad(`[data-testid=interests-register]`), chromedp.WaitVisible(`[data-testid=interests]`, chromedp.ByQuery))
	if got := b.Text(t, `[data-testid=interests]`); !strings.Contains(got, "Employed by Albion Energy, a Large Supplier") {
		t.Errorf("register = %q", got)
	}
	fitsPhone(t, b, "the register of interests")
}
