package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// signInAction signs in through the real form as the reader with the key.
func (a *app) signInAction(key string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Navigate(a.srv.URL + "/sign-in"),
		chromedp.WaitVisible(`[data-testid="sign-in-form"]`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-email`, a.emails[key], chromedp.ByQuery),
		chromedp.SendKeys(`#f-password`, testPassword, chromedp.ByQuery),
		chromedp.Submit(`#f-password`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="sign-out"]`, chromedp.ByQuery),
	}
}

func TestBrowserCreateCommitteeAndMeeting(t *testing.T) {
	b := browsertest.New(t)
	a := newApp(t)
	b.Run(t, a.signInAction("admin"))

	// The administrator creates a committee beneath the Panel.
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees"),
		chromedp.Click(`[data-testid="new-committee"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="committee-form"]`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-code`, "SMKI", chromedp.ByQuery),
		chromedp.SendKeys(`#f-name`, "SMKI Policy Management Authority", chromedp.ByQuery),
		chromedp.SetValue(`#f-parent`, panelID(t, a), chromedp.ByQuery),
		chromedp.SendKeys(`#f-categories`, "PMA Chair\nMembers", chromedp.ByQuery),
		chromedp.Submit(`#f-code`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="flash"]`, chromedp.ByQuery),
	)
	if got := b.Text(t, "h1"); !strings.Contains(got, "SMKI Policy Management Authority") {
		t.Fatalf("heading %q", got)
	}
	b.Run(t, chromedp.Navigate(a.srv.URL+"/committees"))
	if tree := b.Text(t, `[data-testid="committee-tree"]`); !strings.Contains(tree, "SMKI") {
		t.Fatalf("the tree does not list the new committee: %q", tree)
	}

	// The administrator, as every committee's secretariat, schedules a meeting.
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/SMKI"),
		chromedp.Click(`[data-testid="new-meeting"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="meeting-form"]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-number`, "12", chromedp.ByQuery),
		chromedp.SetValue(`#f-date`, "2023-11-21", chromedp.ByQuery),
		chromedp.SetValue(`#f-start`, "10:00", chromedp.ByQuery),
		chromedp.SetValue(`#f-end`, "12:30", chromedp.ByQuery),
		chromedp.SendKeys(`#f-venue`, "London", chromedp.ByQuery),
		chromedp.SetValue(`#f-classification`, "GREEN", chromedp.ByQuery),
		chromedp.Submit(`#f-venue`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="minutes"]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid="document-title"]`); got != "SMKI_12_2311 – Draft Minutes" {
		t.Errorf("document title %q", got)
	}
	b.Run(t, chromedp.Navigate(a.srv.URL+"/committees/SMKI"))
	if got := b.Text(t, `[data-testid="meetings"]`); !strings.Contains(got, "SMKI 12") || !strings.Contains(got, "21 November 2023") {
		t.Errorf("the committee page does not list the meeting: %q", got)
	}
}

func TestBrowserValidationKeepsWhatWasTyped(t *testing.T) {
	b := browsertest.New(t)
	a := newApp(t)
	b.Run(t, a.signInAction("secretariat"),
		chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/new"),
		chromedp.WaitVisible(`[data-testid="meeting-form"]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-number`, "105", chromedp.ByQuery),
		chromedp.SetValue(`#f-date`, "2024-01-16", chromedp.ByQuery),
		chromedp.SetValue(`#f-start`, "15:00", chromedp.ByQuery),
		chromedp.SetValue(`#f-end`, "14:00", chromedp.ByQuery),
		chromedp.SendKeys(`#f-venue`, "Manchester", chromedp.ByQuery),
		chromedp.Submit(`#f-venue`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="error-summary"]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid="error-end"]`); got != "The meeting must end after it starts." {
		t.Errorf("end error %q", got)
	}
	var number, date, venue, start string
	b.Run(t,
		chromedp.Value(`#f-number`, &number, chromedp.ByQuery),
		chromedp.Value(`#f-date`, &date, chromedp.ByQuery),
		chromedp.Value(`#f-start`, &start, chromedp.ByQuery),
		chromedp.Value(`#f-venue`, &venue, chromedp.ByQuery),
	)
	if number != "105" || date != "2024-01-16" || start != "15:00" || venue != "Manchester" {
		t.Errorf("typed values lost: number %q date %q start %q venue %q", number, date, start, venue)
	}
	// Fixing the end time leaves the duplicate number to fix next.
	b.Run(t,
		chromedp.SetValue(`#f-end`, "16:00", chromedp.ByQuery),
		chromedp.Submit(`#f-venue`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="error-number"]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid="error-number"]`); !strings.Contains(got, "already has a meeting with that number") {
		t.Errorf("number error %q", got)
	}
}

func TestBrowserMemberSeesNoEditControls(t *testing.T) {
	b := browsertest.New(t)
	a := newApp(t)
	b.Run(t, a.signInAction("member"),
		chromedp.Navigate(a.srv.URL+"/committees"),
		chromedp.WaitVisible(`[data-testid="committee-tree"]`, chromedp.ByQuery),
	)
	if tree := b.Text(t, `[data-testid="committee-tree"]`); !strings.Contains(tree, "Operations Group") {
		t.Fatalf("committees not listed: %q", tree)
	}
	var controls int
	b.Run(t,
		chromedp.Evaluate(`document.querySelectorAll('[data-testid="new-committee"]').length`, &controls),
	)
	if controls != 0 {
		t.Errorf("a member sees the new-committee control")
	}
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/OPSG"),
		chromedp.WaitVisible(`[data-testid="members"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-testid="edit-committee"], [data-testid="new-meeting"], [data-testid="add-member"], form[action*="/end"]').length`, &controls),
	)
	if controls != 0 {
		t.Errorf("a member sees %d edit controls on the committee page", controls)
	}
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/105"),
		chromedp.WaitVisible(`[data-testid="minutes"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-testid="edit-meeting"]').length`, &controls),
	)
	if controls != 0 {
		t.Errorf("a member sees the edit-meeting control")
	}
	b.Run(t,
		chromedp.Click(`[data-testid="sign-out"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="sign-in-link"]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid="flash"]`); got != "You have signed out." {
		t.Errorf("flash %q", got)
	}
}

func panelID(t *testing.T, a *app) string {
	c, err := a.store.CommitteeByCode(t.Context(), "PANEL")
	if err != nil {
		t.Fatal(err)
	}
	return i64(c.ID)
}
