package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
	"github.com/minutebook/minutebook/web"
)

// TestBrowserAutosaveRestore: a minute being typed is kept as the
// secretariat's draft every few seconds; reopening the item offers
// "Unsaved draft from …", which restores what was typed or is discarded.
func TestBrowserAutosaveRestore(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	b.StepTimeout = 30 * time.Second
	signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
	meeting := a.srv.URL + "/committees/OPSG/meetings/106"
	typed := "The Chair invited members to comment on the draft minutes of OPSG 105."
	b.Run(t, chromedp.Navigate(meeting),
		opened(`[data-testid=edit-item-1]`, `[data-testid=item-form] form`),
		browsertest.Paste(`#f-minute`, typed),
		// The autosave keeps it within a few seconds, and says so.
		chromedp.WaitVisible(`[data-testid=item-form] .autosave-status`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('[data-testid=item-form] .autosave-status').textContent.startsWith('Draft kept at')`, nil),
		// The browser goes away (the tab is reused for the minutes afresh).
		chromedp.Navigate(meeting),
		opened(`[data-testid=edit-item-1]`, `[data-testid=item-form] form`),
	)
	notice := b.Text(t, `[data-testid=draft-notice]`)
	if !strings.Contains(notice, "Unsaved draft from ") {
		t.Fatalf("notice %q", notice)
	}
	var minute string
	b.Run(t, chromedp.Value(`#f-minute`, &minute, chromedp.ByQuery))
	if minute == typed {
		t.Fatal("the form opened with the draft, not the saved minute, before it was restored")
	}
	b.Run(t, opened(`[data-testid=draft-restore]`, `[data-testid=item-form] form`), chromedp.Value(`#f-minute`, &minute, chromedp.ByQuery))
	if minute != typed {
		t.Fatalf("restored minute %q, want %q", minute, typed)
	}
	b.Run(t, answered(`[data-testid=save-item]`))
	if got := b.Text(t, `[data-testid=item-1]`); !strings.Contains(got, typed) {
		t.Errorf("item 1 after saving the restored draft: %q", got)
	}
	// Saved: no draft is offered any more.
	b.Run(t, opened(`[data-testid=edit-item-1]`, `[data-testid=item-form] form`))
	var notices int
	b.Run(t, chromedp.Evaluate(`document.querySelectorAll('[data-testid=draft-notice]').length`, &notices))
	if notices != 0 {
		t.Error("a saved form still offers its draft")
	}
}

// TestBrowserDraftDiscarded: without JavaScript too, a kept draft is
// offered, and discarding it leaves the form as saved.
func TestBrowserDraftDiscarded(t *testing.T) {
	jsModes(t, func(t *testing.T, b *browsertest.Browser, js bool) {
		a := newApp(t)
		ctx := context.Background()
		sec, _, _ := a.store.UserByEmail(ctx, a.emails["secretariat"])
		id, _ := strconv.ParseInt(itemID(t, a, 106, "1"), 10, 64)
		edit := web.ItemEditPath("OPSG", 106, id)
		if err := a.store.SaveFormDraft(ctx, sec.ID, edit, map[string][]string{"title": {"Previous Meeting Minutes"}, "minute": {"Words kept from before."}}); err != nil {
			t.Fatal(err)
		}
		signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
		b.Run(t, chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/106"),
			opened(`[data-testid=edit-item-1]`, `[data-testid=item-form] form`),
			chromedp.WaitVisible(`[data-testid=draft-notice]`, chromedp.ByQuery),
		)
		if js {
			b.Run(t, opened(`[data-testid=draft-discard]`, `[data-testid=item-form] form`))
		} else {
			// Without JavaScript the discard loads another page, with the
			// form as it was saved.
			b.Run(t, clickAndLoad(`[data-testid=draft-discard]`), chromedp.WaitVisible(`[data-testid=item-form] form`, chromedp.ByQuery))
		}
		var notices int
		var minute string
		b.Run(t, chromedp.Evaluate(`document.querySelectorAll('[data-testid=draft-notice]').length`, &notices), chromedp.Value(`#f-minute`, &minute, chromedp.ByQuery))
		if notices != 0 || strings.Contains(minute, "Words kept from before.") {
			t.Errorf("after discarding: %d notices, minute %q", notices, minute)
		}
		if _, err := a.store.FormDraft(ctx, sec.ID, edit); err == nil {
			t.Error("the discarded draft is still kept")
		}
	})
}
