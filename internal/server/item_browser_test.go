package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// jsModes runs a browser test with JavaScript and without it.
func jsModes(t *testing.T, test func(t *testing.T, b *browsertest.Browser, js bool)) {
	for _, js := range []bool{true, false} {
		name := "WithJavaScript"
		if !js {
			name = "WithoutJavaScript"
		}
		t.Run(name, func(t *testing.T) {
			b := browsertest.New(t)
			if !js {
				b.WithoutJavaScript(t)
			}
			test(t, b, js)
		})
	}
}

// TestBrowserWorkspaceEditsInPlace: the secretariat edits an item where it
// stands, adds decision after decision, reorders items, and with
// JavaScript never leaves the page (a mark on the window survives), while
// without it every save comes back at the item's anchor.
func TestBrowserWorkspaceEditsInPlace(t *testing.T) {
	jsModes(t, func(t *testing.T, b *browsertest.Browser, js bool) {
		a := newApp(t)
		meeting := a.srv.URL + "/committees/OPSG/meetings/106"
		signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
		b.Run(t, chromedp.Navigate(meeting), chromedp.WaitVisible(`[data-testid=minutes]`, chromedp.ByQuery),
			chromedp.Evaluate(`window.__samePage = true`, nil))

		// A new item, then decision after decision.
		b.Run(t,
			opened(`[data-testid=add-item]`, `[data-testid=item-form] form`),
			browsertest.Paste(`#f-title`, "SEC Panel Reports – October 2023"),
			browsertest.Paste(`#f-minute`, "SECAS presented the RDP Incidents report."),
			opened(`[data-testid=then-decision]`, `[data-testid=decision-form] form`),
			browsertest.Paste(`#f-text`, "the SEC Panel Reports"),
			opened(`[data-testid=then-decision]`, `[data-testid=decision-form] form`),
			chromedp.SetValue(`#f-kind`, "AGREED", chromedp.ByQuery),
			browsertest.Paste(`#f-text`, "with the summary of DCC reporting"),
			answered(`[data-testid=save-decision]`),
		)
		if got := b.Text(t, `[data-testid=item-2]`); !strings.Contains(got, "The OPSG:") || !strings.Contains(got, "NOTED the SEC Panel Reports.") ||
			!strings.Contains(got, "AGREED with the summary of DCC reporting.") {
			t.Errorf("item 2 = %q", got)
		}
		if !js {
			var hash string
			b.Run(t, chromedp.Evaluate(`location.hash`, &hash))
			if hash != "#item-2" {
				t.Errorf("without JavaScript the save came back at %q, want the item's anchor #item-2", hash)
			}
		}

		// Edit the item in place: the editor opens where item 2 stands.
		b.Run(t, opened(`[data-testid=edit-item-2]`, `[data-testid=item-form] form`))
		var inItem bool
		b.Run(t, chromedp.Evaluate(`!!document.querySelector('[data-testid="item-2"] [data-testid=item-form]')`, &inItem))
		if !inItem {
			t.Error("the item's editor is not in the item's place")
		}
		b.Run(t,
			chromedp.Clear(`#f-title`, chromedp.ByQuery),
			browsertest.Paste(`#f-title`, "SEC Panel Reports – September 2023"),
			answered(`[data-testid=save-item]`),
		)
		if got := b.Text(t, `[data-testid=item-2] h2`); got != "2. SEC Panel Reports – September 2023" {
			t.Errorf("item 2 heading %q", got)
		}

		// Reorder: item 2 moves up, before "Previous Meeting Minutes".
		b.Run(t, answeredMove(`[data-testid=move-up-2]`))
		if got := b.Text(t, `[data-testid=item-1] h2`); got != "1. SEC Panel Reports – September 2023" {
			t.Errorf("after the move, item 1 is %q", got)
		}
		var same bool
		b.Run(t, chromedp.Evaluate(`window.__samePage === true`, &same))
		if js && !same {
			t.Error("with JavaScript the page was reloaded")
		}
		if !js {
			var hash string
			b.Run(t, chromedp.Evaluate(`location.hash`, &hash))
			if hash != "#item-1" {
				t.Errorf("the move came back at %q, want the item where it now stands, #item-1", hash)
			}
		}
	})
}

// answeredMove clicks a move button and waits for the minutes to come
// back, in place or as a page.
func answeredMove(sel string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Evaluate(`document.querySelector('[data-testid=items]').dataset.stale = '1'; document.documentElement.dataset.stale = '1'`, nil),
		chromedp.Click(sel, chromedp.ByQuery),
		chromedp.WaitNotPresent(`[data-testid=items][data-stale]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=items]`, chromedp.ByQuery),
		settled,
	}
}

// TestBrowserWorkspaceKeys: Ctrl+Enter saves the form being typed in;
// Escape cancels it, asking first when typed text would be lost.
func TestBrowserWorkspaceKeys(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	b.AcceptDialogs(t)
	signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
	b.Run(t, chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/106"),
		opened(`[data-testid=add-decision-1]`, `[data-testid=decision-form] form`),
		browsertest.Paste(`#f-text`, "the minutes of the extraordinary meeting"),
		chromedp.Evaluate(markStale, nil),
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.WaitNotPresent(`form[data-editor][data-stale]`, chromedp.ByQuery),
		settled,
	)
	if got := b.Text(t, `[data-testid=item-1]`); !strings.Contains(got, "NOTED the minutes of the extraordinary meeting.") {
		t.Errorf("Ctrl+Enter did not save: item 1 = %q", got)
	}
	// Escape on a form with nothing typed closes it without asking.
	b.Run(t, opened(`[data-testid=add-action-1]`, `[data-testid=action-form] form`),
		chromedp.Focus(`#f-text`, chromedp.ByQuery), chromedp.KeyEvent(kEscape),
		chromedp.WaitNotPresent(`[data-testid=action-form]`, chromedp.ByQuery))
	if n := len(b.Dialogs()); n != 0 {
		t.Errorf("Escape asked %d times with nothing typed", n)
	}
	// With text typed, Escape asks before throwing it away.
	b.Run(t, opened(`[data-testid=add-action-1]`, `[data-testid=action-form] form`),
		chromedp.Focus(`#f-text`, chromedp.ByQuery), chromedp.SendKeys(`#f-text`, "The DCC to", chromedp.ByQuery),
		chromedp.KeyEvent(kEscape),
		chromedp.WaitNotPresent(`[data-testid=action-form]`, chromedp.ByQuery))
	if d := b.Dialogs(); len(d) != 1 || !strings.Contains(d[0], "Discard what you typed") {
		t.Errorf("dialogs %q, want one asking before the typed text is discarded", d)
	}
	m, _ := a.store.MeetingByNumber(context.Background(), "OPSG", 106)
	if raised, _ := a.store.ActionsRaisedAt(context.Background(), m.ID); len(raised) != 0 {
		t.Errorf("a cancelled action was raised: %v", raised)
	}
}

// kEscape is the Escape key, as chromedp.KeyEvent sends it.
const kEscape = "\u001b"

// TestBrowserMinutePreview: the preview beside the minute's text box is
// the saved minutes' rendering, as the secretariat types with JavaScript,
// or at the press of "Preview" without.
func TestBrowserMinutePreview(t *testing.T) {
	jsModes(t, func(t *testing.T, b *browsertest.Browser, js bool) {
		a := newApp(t)
		signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
		b.Run(t, chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/106"),
			opened(`[data-testid=add-item]`, `[data-testid=item-form] form`),
			browsertest.Paste(`#f-title`, "Work Package Q2 2023/24 Lookback"),
			browsertest.Paste(`#f-minute`, "The OPSG **noted** the spend.\n\n- under budget\n- <script>alert(1)</script>"),
		)
		if !js {
			b.Run(t, chromedp.Evaluate(markStale, nil), chromedp.Click(`[data-testid=preview-item]`, chromedp.ByQuery),
				chromedp.WaitVisible(`[data-testid=item-form] form:not([data-stale])`, chromedp.ByQuery))
		}
		b.Run(t, chromedp.WaitVisible(`[data-testid=minute-preview] li`, chromedp.ByQuery))
		var html, title string
		b.Run(t, chromedp.InnerHTML(`[data-testid=minute-preview]`, &html, chromedp.ByQuery), chromedp.Value(`#f-title`, &title, chromedp.ByQuery))
		if !strings.Contains(html, "<strong>noted</strong>") || !strings.Contains(html, "<li>under budget</li>") || strings.Contains(html, "<script") {
			t.Errorf("preview %q", html)
		}
		if title != "Work Package Q2 2023/24 Lookback" {
			t.Errorf("the title typed became %q after the preview", title)
		}
	})
}

// TestBrowserWorkspaceOnAPhone: at 390 px the workspace with a form open,
// the attendance form and a confirmation never scroll sideways; their
// tables scroll within themselves.
func TestBrowserWorkspaceOnAPhone(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
	b.Run(t, chromedp.EmulateViewport(390, 844))
	base := "/committees/OPSG/meetings/106"
	for _, path := range []string{base + "/items/new", base + "/items/" + itemID(t, a, 106, "1") + "/decisions/new", base + "/items/" + itemID(t, a, 106, "1") + "/actions/new",
		base + "/attendance", base + "/circulate", base + "/actions/review", base + "/risks", "/committees/OPSG/meetings/103/publish", "/committees/OPSG/standing-items"} {
		var width int
		var wide string
		b.Run(t, chromedp.Navigate(a.srv.URL+path), chromedp.WaitVisible(`main`, chromedp.ByQuery),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
			chromedp.Evaluate(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 392 && !e.closest('.table-scroll')).slice(0, 6).map(e => e.tagName + '.' + e.className + '#' + e.id).join('; ')`, &wide))
		if width > 390 {
			t.Errorf("%s is %d px wide on a 390 px phone: %s", path, width, wide)
		}
	}
}
