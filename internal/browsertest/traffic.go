package browsertest

import (
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// WithoutJavaScript turns script execution off in the tab, for the page
// it shows and every page loaded after, as a reader without JavaScript
// reads.
func (b *Browser) WithoutJavaScript(tb testing.TB) {
	tb.Helper()
	b.Run(tb, emulation.SetScriptExecutionDisabled(true))
}

// AcceptDialogs answers every alert, confirm and prompt the page opens
// with OK, as a reader who means it would; Dialogs lists their messages.
func (b *Browser) AcceptDialogs(tb testing.TB) {
	tb.Helper()
	chromedp.ListenTarget(b.ctx, func(ev any) {
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Message)
			b.mu.Unlock()
			go func() {
				_ = chromedp.Run(b.ctx, page.HandleJavaScriptDialog(true))
			}()
		}
	})
}

// Dialogs returns the messages of the dialogs accepted so far.
func (b *Browser) Dialogs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.dialogs...)
}

// Traffic counts what a tab asks a server for: the full page loads of the
// tab (navigations of its main frame), and the requests to the server's
// origin other than its static assets, a redirect followed counting with
// the request it answers.
type Traffic struct {
	mu        sync.Mutex
	pageLoads int
	requests  int
	paths     []string
}

// CountTraffic starts counting the tab's traffic to origin.
func (b *Browser) CountTraffic(tb testing.TB, origin string) *Traffic {
	tb.Helper()
	t := &Traffic{}
	b.Run(tb, network.Enable())
	chromedp.ListenTarget(b.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventFrameNavigated:
			if ev.Frame.ParentID == "" {
				t.mu.Lock()
				t.pageLoads++
				t.paths = append(t.paths, "page load "+strings.TrimPrefix(ev.Frame.URL, origin))
				t.mu.Unlock()
			}
		case *network.EventRequestWillBeSent:
			if ev.RedirectResponse != nil || !strings.HasPrefix(ev.Request.URL, origin) ||
				strings.HasPrefix(ev.Request.URL, origin+"/static/") || strings.HasSuffix(ev.Request.URL, "/favicon.ico") {
				return
			}
			t.mu.Lock()
			t.requests++
			t.paths = append(t.paths, ev.Request.Method+" "+strings.TrimPrefix(ev.Request.URL, origin))
			t.mu.Unlock()
		}
	})
	return t
}

// Counts returns the full page loads and the requests counted so far, and
// what each was (the requests' methods and paths, the pages loaded).
func (t *Traffic) Counts() (pageLoads, requests int, paths []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pageLoads, t.requests, append([]string(nil), t.paths...)
}

// Reset starts the count again from zero.
func (t *Traffic) Reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pageLoads, t.requests, t.paths = 0, 0, nil
}

// Paste puts text into the element sel matches at its caret, in one go,
// as a person pasting their notes does: the page sees the input.
func Paste(sel, text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Focus(sel, chromedp.ByQuery),
		input.InsertText(text),
	}
}
