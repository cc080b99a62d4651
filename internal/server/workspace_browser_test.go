package server_test

import (
	"fmt"

	"github.com/chromedp/chromedp"
)

// Steps in the minutes workspace that read the same with JavaScript (the
// answer swapped into the page) and without it (the answer a new page):
// the page's forms and document are marked before the click, and the
// step waits until what it asked for has replaced them.

// markStale marks every editor on the page and the page itself.
const markStale = `document.querySelectorAll('form[data-editor]').forEach(f => f.dataset.stale = '1'); document.documentElement.dataset.stale = '1'`

// settled waits until htmx has swapped and settled what it asked for, and
// so has wired the new content's forms: a click sooner would find a form
// htmx does not yet answer, and the browser would send it as a page.
// Without JavaScript it waits for the new page to have loaded.
var settled = chromedp.Poll(`document.readyState === 'complete' && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')`, nil)

// answered clicks sel and waits until the answer has replaced what was
// clicked: the section it sits in with JavaScript, the page without.
func answered(sel string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Evaluate(markStale+fmt.Sprintf(`; document.querySelector(%q).dataset.answered = 'waiting'`, sel), nil),
		chromedp.Click(sel, chromedp.ByQuery),
		chromedp.WaitNotPresent(`[data-answered=waiting]`, chromedp.ByQuery),
		chromedp.WaitReady(`body`, chromedp.ByQuery),
		settled,
	}
}

// opened clicks sel and waits until a fresh editor, the one form matches,
// is open.
func opened(sel, form string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Evaluate(markStale, nil),
		chromedp.Click(sel, chromedp.ByQuery),
		chromedp.WaitVisible(form+`:not([data-stale])`, chromedp.ByQuery),
		settled,
	}
}

// formButton clicks sel, a button that the workspace's script answers in
// the page (the attendance form's "everyone present", "add more") and that
// posts the form back to itself without JavaScript; js says which.
func formButton(sel string, js bool) chromedp.Action {
	if js {
		return chromedp.Click(sel, chromedp.ByQuery)
	}
	return chromedp.Tasks{
		chromedp.Evaluate(`document.documentElement.dataset.stale = '1'`, nil),
		chromedp.Click(sel, chromedp.ByQuery),
		chromedp.WaitNotPresent(`html[data-stale]`, chromedp.ByQuery),
		chromedp.WaitReady(`body`, chromedp.ByQuery),
	}
}
