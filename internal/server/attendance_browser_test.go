package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestBrowserAttendance: everyone present at a click, then the exceptions;
// a person not yet known added by name and organisation, after a check
// that finds a near namesake; more lines on demand; saved lines read as
// text with an Edit control.
func TestBrowserAttendance(t *testing.T) {
	jsModes(t, func(t *testing.T, b *browsertest.Browser, js bool) {
		a := newApp(t)
		signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
		b.Run(t, chromedp.Navigate(a.srv.URL+"/committees/OPSG/meetings/106"),
			opened(`[data-testid=attendance]`, `form[data-testid=attendance-form]`),
			formButton(`[data-testid=everyone-present]`, js),
		)
		var statuses []string
		b.Run(t, chromedp.Evaluate(`[...document.querySelectorAll('select[data-member]')].map(s => s.value)`, &statuses))
		if len(statuses) < 10 {
			t.Fatalf("%d roster lines", len(statuses))
		}
		for i, s := range statuses {
			if s != "present" {
				t.Errorf("roster line %d is %q after “Mark everyone present”", i, s)
			}
		}
		// The exception: the chair sent apologies.
		b.Run(t, chromedp.SetValue(`select[name="status-0"]`, "apologies", chromedp.ByQuery))

		// More lines than the five blank ones.
		var before, after int
		count := `[...document.querySelectorAll('select[name^="person-"]')].filter(s => s.closest('tbody')).length`
		b.Run(t, chromedp.Evaluate(count, &before), formButton(`[data-testid=add-rows]`, js), chromedp.Evaluate(count, &after))
		if after <= before {
			t.Errorf("add more: %d lines, then %d", before, after)
		}
		var chairStatus string
		b.Run(t, chromedp.Value(`select[name="status-0"]`, &chairStatus, chromedp.ByQuery))
		if chairStatus != "apologies" {
			t.Errorf("adding lines lost what was typed: the chair is %q", chairStatus)
		}

		// A new person whose name is a slip away from Rachel Allen's.
		var blank int
		b.Run(t, chromedp.Evaluate(`+[...document.querySelectorAll('select[name^="person-"]')].find(s => s.value === '' && s.closest('tbody')).name.slice(7)`, &blank))
		b.Run(t,
			chromedp.SendKeys(fmt.Sprintf(`[data-testid="new_name-%d"]`, blank), "Rachel Alen", chromedp.ByQuery),
			chromedp.SendKeys(fmt.Sprintf(`[data-testid="new_organisation-%d"]`, blank), "DESNZ (formerly BEIS)", chromedp.ByQuery),
			answered(`[data-testid=save-attendance]`),
		)
		if got := b.Text(t, `[data-testid=error-summary]`); !strings.Contains(got, "Rachel Allen, DESNZ (formerly BEIS), already exists") {
			t.Fatalf("error summary %q", got)
		}
		// Someone else indeed: ticked, and a second, unknown person.
		b.Run(t,
			chromedp.Click(fmt.Sprintf(`label[for="f-confirm_new-%d"]`, blank), chromedp.ByQuery),
			chromedp.SendKeys(fmt.Sprintf(`[data-testid="new_name-%d"]`, blank+1), "Priya Natarajan", chromedp.ByQuery),
			chromedp.SendKeys(fmt.Sprintf(`[data-testid="new_organisation-%d"]`, blank+1), "Ofgem", chromedp.ByQuery),
			answered(`[data-testid=save-attendance]`),
			chromedp.WaitVisible(`[data-testid=attendees]`, chromedp.ByQuery),
		)
		got := b.Text(t, `#attendees`)
		for _, want := range []string{"Rachel Alen", "Priya Natarajan", "Ofgem", "DESNZ (formerly BEIS)"} {
			if !strings.Contains(got, want) {
				t.Errorf("attendees lack %q:\n%s", want, got)
			}
		}
		if apologies := b.Text(t, `[data-testid=apologies]`); !strings.Contains(apologies, "Dave Warner") {
			t.Errorf("apologies = %q", apologies)
		}
		people, _ := a.store.People(context.Background())
		for _, p := range people {
			if p.Name == "Priya Natarajan" && p.OrganisationName != "Ofgem" {
				t.Errorf("Priya Natarajan is of %q", p.OrganisationName)
			}
		}

		// Opened again, the lines saved read as text, with an Edit control.
		b.Run(t, opened(`[data-testid=edit-attendance]`, `form[data-testid=attendance-form]`))
		var saved []string
		b.Run(t, chromedp.Evaluate(`[...document.querySelectorAll('details.saved-row summary[data-testid^="edit-"]')].map(s => s.textContent.trim())`, &saved))
		if len(saved) != 2 || !strings.HasPrefix(saved[0], "Rachel Alen") || !strings.HasSuffix(saved[0], "Edit") {
			t.Errorf("saved lines %q, want Rachel Alen's and Priya Natarajan's as text with Edit", saved)
		}
	})
}
