package server_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/postgres"
)

// TestChoosingAndUnsubscribingInTheBrowser is the member's path: choose on
// the account page to have reminders in the weekly digest, then, from a
// circulation notice, follow its unsubscribe link in a browser that is not
// signed in and confirm; the account page then says never. The home page
// and the account page fit a 390 px phone.
func TestChoosingAndUnsubscribingInTheBrowser(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	b := browsertest.New(t)
	signInBrowser(t, b, a.srv.URL, a.emails["member"])
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/account#notices"),
		chromedp.WaitVisible(`[data-testid=notice-form]`, chromedp.ByQuery),
		chromedp.Click(`#n-reminders-digest`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=notice-form] button[type=submit]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=flash]`); got != "Your choices of what you are sent are saved." {
		t.Errorf("flash %q", got)
	}
	var checked bool
	b.Run(t, chromedp.Evaluate(`document.querySelector('#n-reminders-digest').checked`, &checked))
	if !checked {
		t.Error("the reminders' choice is not kept on the page")
	}
	u, _, err := a.store.UserByEmail(ctx, a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := a.store.Preferences(ctx, u.ID); p.For(mb.NoticeReminders) != mb.InDigest {
		t.Errorf("stored %v", p)
	}

	// The demo's circulation of OPSG 104 tells the member, with a link back
	// to this server.
	msg := circulationNotice(t, a.store, a.srv.URL, u.ID)
	link := regexp.MustCompile(`https?://\S+/unsubscribe/\S+`).FindString(msg.Text)
	if link == "" || link != msg.Unsubscribe {
		t.Fatalf("the notice's unsubscribe link %q (header %q)", link, msg.Unsubscribe)
	}
	other := b.NewTab(t)
	other.Run(t,
		chromedp.Navigate(link),
		chromedp.WaitVisible(`[data-testid=unsubscribe-form]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=unsubscribe-form] button`),
		chromedp.WaitVisible(`[data-testid=unsubscribed]`, chromedp.ByQuery),
	)
	if got := other.Text(t, `[data-testid=unsubscribed]`); !strings.Contains(got, "you will no longer be sent: Minutes circulated for comment, and published") {
		t.Errorf("unsubscribed page %q", got)
	}
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/account"),
		chromedp.WaitVisible(`[data-testid=notice-form]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('#n-minutes-never').checked`, &checked),
	)
	if !checked {
		t.Error("after unsubscribing, the account page does not say never for the minutes")
	}
	admin := b.NewTab(t)
	signInBrowser(t, admin, a.srv.URL, a.emails["admin"])
	for _, page := range []struct {
		b    *browsertest.Browser
		path string
	}{{b, "/"}, {b, "/account"}, {admin, "/admin/outbox"}, {admin, "/admin/outbox/" + i64(msg.ID)}} {
		page.b.Run(t, chromedp.Navigate(a.srv.URL+page.path), chromedp.WaitReady(`body`, chromedp.ByQuery))
		if width, wide := phoneOverflow(t, page.b); width > 390 {
			t.Errorf("%s is %d px wide on a 390 px phone: %s", page.path, width, wide)
		}
	}
}

// circulationNotice fans out the demo's pending circulation of OPSG 104
// with links to base, and returns the message to the user.
func circulationNotice(t *testing.T, store *postgres.Store, base string, userID int64) *mb.Message {
	t.Helper()
	ctx := context.Background()
	composer := &notify.Composer{Store: store, BaseURL: base}
	ids, err := store.PendingNoticeEvents(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		e, err := store.NoticeEvent(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if e.Kind != mb.EventCirculated {
			continue
		}
		notices, err := composer.Event(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.FanOut(ctx, e.ID, notices, nil); err != nil {
			t.Fatal(err)
		}
		for _, n := range notices {
			if n.UserID == userID && n.Message != nil {
				return n.Message
			}
		}
	}
	t.Fatal("the user is told of no circulation")
	return nil
}
