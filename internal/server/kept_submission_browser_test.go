package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestBrowserExpiredSessionSave: the session ends while the secretariat
// types a minute; saving shows the sign-in page, says the form is kept,
// and signing in again saves it and comes back to the item.
func TestBrowserExpiredSessionSave(t *testing.T) {
	jsModes(t, func(t *testing.T, b *browsertest.Browser, js bool) {
		a := newApp(t)
		signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
		typed := "SECAS presented the actions outstanding, typed while the session ended."
		b.Run(t, chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/106"),
			opened(`[data-testid=edit-item-1]`, `[data-testid=item-form] form`),
			browsertest.Paste(`#f-minute`, typed),
		)
		// The idle timeout strikes: the session is gone from the store.
		if _, err := a.store.Pool().Exec(context.Background(), `DELETE FROM sessions`); err != nil {
			t.Fatal(err)
		}
		b.Run(t,
			chromedp.Click(`[data-testid=save-item]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-testid=sign-in-kept]`, chromedp.ByQuery),
			chromedp.SendKeys(`#f-email`, a.emails["secretariat"], chromedp.ByQuery),
			chromedp.SendKeys(`#f-password`, testPassword, chromedp.ByQuery),
			chromedp.Submit(`[data-testid=sign-in-form]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-testid=minutes]`, chromedp.ByQuery),
		)
		var url string
		b.Run(t, chromedp.Location(&url))
		if !strings.HasSuffix(url, "/committees/OPSG/meetings/106#item-1") {
			t.Errorf("after signing in, at %q: want the item the form was saved from", url)
		}
		if got := b.Text(t, `[data-testid=item-1]`); !strings.Contains(got, typed) {
			t.Errorf("item 1 = %q: the kept form was not saved", got)
		}
	})
}
