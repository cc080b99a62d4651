package server_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// signInBrowser signs in through the real form.
func signInBrowser(t *testing.T, b *browsertest.Browser, base, email string) {
	t.Helper()
	b.Run(t,
		chromedp.Navigate(base+"/sign-in"),
		chromedp.WaitVisible(`#f-email`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-email`, email, chromedp.ByQuery),
		chromedp.SendKeys(`#f-password`, testPassword, chromedp.ByQuery),
		chromedp.Submit(`[data-testid=sign-in-form]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=account-link]`, chromedp.ByQuery),
	)
}

// clickAndLoad clicks sel and waits until a new page has replaced the
// current one, so that a check of the next page never reads the last.
func clickAndLoad(sel string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Evaluate(`document.body.dataset.stale = "1"`, nil),
		chromedp.Click(sel, chromedp.ByQuery),
		chromedp.WaitNotPresent(`body[data-stale]`, chromedp.ByQuery),
		chromedp.WaitReady(`body`, chromedp.ByQuery),
	}
}

// TestSecretariatWritesApprovesAndPublishes is the secretariat's whole path
// in a browser: attendance, two items, a decision, an action, circulation,
// a member's comment, approval at the next meeting and publication, ending
// with an anonymous reader on the public page.
func TestSecretariatWritesApprovesAndPublishes(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	b := browsertest.New(t)
	base, meeting := a.srv.URL, a.srv.URL+"/committees/OPSG/meetings/106"
	dcc, err := a.store.EnsureOrganisation(ctx, "DCC")
	if err != nil {
		t.Fatal(err)
	}
	var danielle string
	people, _ := a.store.People(ctx)
	for _, p := range people {
		if p.Name == "Danielle Jackson" {
			danielle = i64(p.ID)
		}
	}
	flash := func(want string) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var got string
			if err := chromedp.Text(`[data-testid=flash]`, &got, chromedp.ByQuery).Do(ctx); err != nil {
				return err
			}
			if !strings.Contains(got, want) {
				t.Errorf("flash = %q, want %q", got, want)
			}
			return nil
		})
	}

	signInBrowser(t, b, base, a.emails["secretariat"])

	// Two items, typed in place (the approval of 105 already made item 1).
	b.Run(t, chromedp.Navigate(meeting), chromedp.WaitVisible(`[data-testid=minutes]`, chromedp.ByQuery))
	for i, item := range [][2]string{
		{"Performance Measurement Report – September 2023", "SECAS presented its review of the PMR.\n\n- CPM 3A fell below target.\n- CPM 4 recovered."},
		{"Risk Register – Progress Report", "The OPSG reviewed the four highest severity risks."},
	} {
		b.Run(t,
			chromedp.Click(`[data-testid=add-item]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-testid=item-form] [data-testid=item-title]`, chromedp.ByQuery),
			chromedp.SendKeys(`[data-testid=item-title]`, item[0], chromedp.ByQuery),
			chromedp.SendKeys(`#f-minute`, item[1], chromedp.ByQuery),
			chromedp.Click(`[data-testid=save-item]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-testid="item-`+itoa(i+2)+`"] h2`, chromedp.ByQuery),
			chromedp.WaitNotPresent(`[data-testid=item-form]`, chromedp.ByQuery),
		)
	}
	// Attendance, in place: the chair present, a member for item 2 only, a DCC participant.
	b.Run(t,
		chromedp.Click(`[data-testid=attendance]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=attendance-form]`, chromedp.ByQuery),
		chromedp.SetValue(`select[name="status-0"]`, "present", chromedp.ByQuery),
		// Choosing "part" opens the list of the meeting's items.
		chromedp.SetValue(`select[name="status-1"]`, "part", chromedp.ByQuery),
		chromedp.Click(`#f-part-1-`+itemID(t, a, 106, "2"), chromedp.ByQuery),
		chromedp.SetValue(`table.attendance-form select[name^="person-"]`, danielle, chromedp.ByQuery),
		chromedp.Click(`[data-testid=save-attendance]`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`[data-testid=attendance-form]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=attendees]`); !strings.Contains(got, "Dave Warner") || !strings.Contains(got, "(Part) (Agenda Item 2)") || !strings.Contains(got, "Danielle Jackson") {
		t.Errorf("attendees = %q", got)
	}
	// A decision in item 2 and an action in item 3.
	b.Run(t,
		chromedp.Click(`[data-testid=add-decision-2]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=decision-form]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-kind`, "NOTED", chromedp.ByQuery),
		chromedp.SendKeys(`[data-testid=decision-text]`, "the presentation", chromedp.ByQuery),
		chromedp.Click(`[data-testid=save-decision]`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`[data-testid=decision-form]`, chromedp.ByQuery),
		chromedp.Click(`[data-testid=add-action-3]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=action-form]`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-text`, "The DCC to report on CSP North capacity.", chromedp.ByQuery),
		chromedp.SetValue(`#f-owner`, i64(dcc.ID), chromedp.ByQuery),
		chromedp.Click(`[data-testid=save-action]`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`[data-testid=action-form]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=item-2]`); !strings.Contains(got, "The OPSG NOTED the presentation.") {
		t.Errorf("item 2 = %q", got)
	}
	if got := b.Text(t, `[data-testid=item-3]`); !strings.Contains(got, "ACTION 106/01: The DCC to report on CSP North capacity.") {
		t.Errorf("item 3 = %q", got)
	}

	// Circulate; a member comments from another browser; the secretariat resolves it.
	b.Run(t,
		chromedp.Click(`[data-testid=circulate]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=confirm-circulate]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=confirm-circulate]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
		flash("circulated"),
	)
	member := b.NewTab(t)
	signInBrowser(t, member, base, a.emails["member"])
	member.Run(t,
		chromedp.Navigate(meeting),
		chromedp.WaitVisible(`[data-testid=comment-body-2]`, chromedp.ByQuery),
		chromedp.SendKeys(`[data-testid=comment-body-2]`, "Please add the CPM 3A figure.", chromedp.ByQuery),
		chromedp.Click(`[data-testid=comment-submit-2]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	b.Run(t,
		chromedp.Navigate(meeting),
		chromedp.WaitVisible(`[data-testid=open-comments]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=resolve-comment]`),
		chromedp.WaitVisible(`[data-testid=comment-resolved]`, chromedp.ByQuery),
	)

	// Approve at the next meeting (107), then publish.
	b.Run(t,
		chromedp.Click(`[data-testid=approve]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=approve-form]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=confirm-approve]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
		flash("approved as final"),
		chromedp.Click(`[data-testid=publish]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=confirm-publish]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=confirm-publish]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
		flash("published"),
	)
	if got := b.Text(t, `[data-testid=document-title]`); got != "OPSG_106_2311 – Final Minutes" {
		t.Errorf("document title = %q", got)
	}
	b.Run(t, chromedp.Navigate(base+"/committees/OPSG/meetings/107"))
	if got := b.Text(t, `[data-testid=item-1]`); !strings.Contains(got, "The OPSG APPROVED the minutes from OPSG 106 as final.") {
		t.Errorf("107 item 1 = %q", got)
	}

	// An anonymous reader finds and reads the published minutes.
	public := b.NewTab(t)
	public.Run(t,
		chromedp.Navigate(base+"/public/OPSG"),
		chromedp.Click(`a[href="/public/OPSG/106"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=minutes]`, chromedp.ByQuery),
	)
	text := public.Text(t, `[data-testid=minutes]`)
	for _, want := range []string{
		"This document is classified as Clear", "Operations Group Meeting 106", "OPSG_106_2311 – Final Minutes",
		"Dave Warner", "Shuba Khatun (Part) (Agenda Item 2)", "Danielle Jackson",
		"2. Performance Measurement Report – September 2023", "CPM 3A fell below target.",
		"The OPSG NOTED the presentation.", "ACTION 106/01: The DCC to report on CSP North capacity.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("public page lacks %q", want)
		}
	}
	if strings.Contains(text, "Please add the CPM 3A figure.") {
		t.Error("the public page shows a member's comment")
	}
}

// itemID is the id of the item numbered number in the meeting's minutes.
// itemVersion is the version of item number of OPSG meeting, as its edit
// form posts it back.
func itemVersion(t *testing.T, a *app, meeting int, number string) string {
	t.Helper()
	version := ""
	minutesOf(t, a, meeting).Walk(func(it *mb.Item) {
		if it.Number == number {
			version = strconv.Itoa(it.Version)
		}
	})
	if version == "" {
		t.Fatalf("OPSG %d has no item %s", meeting, number)
	}
	return version
}

func itemID(t *testing.T, a *app, meeting int, number string) string {
	t.Helper()
	id := ""
	minutesOf(t, a, meeting).Walk(func(it *mb.Item) {
		if it.Number == number {
			id = i64(it.ID)
		}
	})
	if id == "" {
		t.Fatalf("OPSG %d has no item %s", meeting, number)
	}
	return id
}
