package server_test

import (
	"context"
	"encoding/csv"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// A member of Albion Energy finds their organisation's overdue actions in
// two clicks, narrows the register with its filter form, reads the chart
// and downloads the same view as CSV.
func TestBrowserMemberFindsOverdueActions(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	albion, err := a.store.EnsureOrganisation(context.Background(), "Albion Energy")
	if err != nil {
		t.Fatal(err)
	}

	var location string
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/sign-in"),
		chromedp.WaitVisible(`[data-testid=sign-in-form]`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-email`, a.emails["member"], chromedp.ByQuery),
		chromedp.SendKeys(`#f-password`, testPassword, chromedp.ByQuery),
		chromedp.Click(`[data-testid=sign-in-form] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=account-link]`, chromedp.ByQuery),
		// Click one: the register; click two: the organisation's overdue actions.
		chromedp.Click(`nav.main a[href="/actions"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=mine-overdue]`, chromedp.ByQuery),
		browsertest.ClickAndLoad(`[data-testid=mine-overdue]`),
		chromedp.WaitVisible(`[data-testid=register]`, chromedp.ByQuery),
		chromedp.Location(&location),
	)
	if !strings.Contains(location, "owner="+i64(albion.ID)) || !strings.Contains(location, "status=overdue") {
		t.Errorf("the view's filters are not in its address: %s", location)
	}
	table := b.Text(t, `[data-testid=register]`)
	for _, want := range []string{"TABASC 87/01", "TABASC 88/01", "PANEL 120/01"} {
		if !strings.Contains(table, want) {
			t.Errorf("overdue view lacks %s:\n%s", want, table)
		}
	}
	if strings.Contains(table, "TABASC 89/02") || strings.Contains(table, "DCC") {
		t.Errorf("overdue view shows an action not yet due or another owner's:\n%s", table)
	}

	// The same view through the filter form, starting from a clean register.
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/actions"),
		chromedp.WaitVisible(`[data-testid=action-filters]`, chromedp.ByQuery),
		chromedp.SetValue(`#f-owner`, i64(albion.ID), chromedp.ByQuery),
		chromedp.SetValue(`#f-status`, "overdue", chromedp.ByQuery),
		// The old page has a register too: wait for the new one.
		browsertest.ClickAndLoad(`[data-testid=apply-filters]`),
		chromedp.WaitVisible(`[data-testid=register]`, chromedp.ByQuery),
		chromedp.Location(&location),
	)
	u, err := url.Parse(location)
	if err != nil {
		t.Fatal(err)
	}
	if q := u.Query(); q.Get("owner") != i64(albion.ID) || q.Get("status") != "overdue" {
		t.Errorf("filter form gave %s", location)
	}
	if got := b.Text(t, `[data-testid=register-count]`); got != "Showing 1–3 of 3 actions." {
		t.Errorf("count = %q", got)
	}
	overdue := b.Text(t, `[data-testid=register]`)
	if strings.Count(overdue, "Overdue") != 3 {
		t.Errorf("every row should say Overdue:\n%s", overdue)
	}

	// The chart, with its accessible name and its text alternative.
	var chartTitle, chartDesc string
	b.Run(t,
		chromedp.WaitVisible(`svg[data-testid=age-chart]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('#age-chart-title').textContent`, &chartTitle),
		chromedp.Evaluate(`document.querySelector('#age-chart-desc').textContent`, &chartDesc),
	)
	if chartTitle != "Open actions by owner and age" || !strings.Contains(chartDesc, "Albion Energy 3") {
		t.Errorf("chart title %q, description %q", chartTitle, chartDesc)
	}
	if ages := b.Text(t, `[data-testid=age-table]`); !strings.Contains(ages, "Albion Energy") || !strings.Contains(ages, "Over 2 years") {
		t.Errorf("the chart's table:\n%s", ages)
	}

	// Download: read the link's address and fetch it with the browser's
	// own session, as the download would.
	var href, body string
	var ok bool
	b.Run(t,
		chromedp.AttributeValue(`[data-testid=csv-link]`, "href", &href, &ok, chromedp.ByQuery),
	)
	if !ok || !strings.HasPrefix(href, "/actions.csv?") || !strings.Contains(href, "status=overdue") {
		t.Fatalf("CSV link = %q", href)
	}
	b.Run(t, chromedp.Evaluate(`fetch(`+strconv.Quote(href)+`, {credentials: "same-origin"}).then(r => r.text())`, &body,
		func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v\n%s", err, body)
	}
	if len(records) != 4 || records[0][0] != "Reference" {
		t.Fatalf("CSV has %d records, want a header and 3 rows:\n%s", len(records), body)
	}
	for _, r := range records[1:] {
		if r[7] != "Albion Energy" || r[10] != "Yes" {
			t.Errorf("CSV row is not an overdue Albion Energy action: %q", r)
		}
	}
}
