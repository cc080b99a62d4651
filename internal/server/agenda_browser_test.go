package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/samplefile"
)

// TestBrowserAgendaToMinutes is issue 16's path in a browser: the
// secretariat builds an agenda with a CLEAR and an AMBER paper and
// publishes it; a member downloads a paper and the meeting pack; the public
// sees the CLEAR agenda with the AMBER paper withheld; then the minutes are
// written into the same items.
func TestBrowserAgendaToMinutes(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	opsg, err := a.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	m := &mb.Meeting{CommitteeID: opsg.ID, Number: 108, Kind: mb.MainMeeting, Date: time.Date(2023, 12, 12, 0, 0, 0, 0, time.UTC),
		Start: &mb.TimeOfDay{Hour: 10}, Venue: "London", Classification: mb.Clear}
	if err := a.store.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pmr, review := filepath.Join(dir, "OPSG_108_01 PMR November 2023.pdf"), filepath.Join(dir, "OPSG_108_02 Incident review.docx")
	if err := os.WriteFile(pmr, samplefile.PDF("Performance Measurement Report – November 2023", "CPM 3A met its target."), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(review, samplefile.DOCX("Incident review", "The supplier's internal systems."), 0o600); err != nil {
		t.Fatal(err)
	}
	base, agenda := a.srv.URL, a.srv.URL+"/committees/OPSG/meetings/108/agenda"

	// The secretariat builds the agenda: an item with its purpose and time,
	// and two papers.
	sec := browsertest.New(t)
	signInBrowser(t, sec, base, a.emails["secretariat"])
	sec.Run(t,
		chromedp.Navigate(agenda),
		chromedp.WaitVisible(`[data-testid=add-agenda-item]`, chromedp.ByQuery),
		clickAndLoad(`[data-testid=add-agenda-item]`),
		chromedp.WaitVisible(`[data-testid=agenda-item-form]`, chromedp.ByQuery),
		chromedp.SendKeys(`[data-testid=agenda-item-title]`, "Performance Measurement Report – November 2023", chromedp.ByQuery),
		chromedp.SetValue(`#f-purpose`, "information", chromedp.ByQuery),
		chromedp.SetValue(`#f-duration`, "20", chromedp.ByQuery),
		clickAndLoad(`[data-testid=save-agenda-item]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	for _, p := range []struct{ file, title, ref, class string }{
		{pmr, "Performance Measurement Report – November 2023", "OPSG_108_01", "CLEAR"},
		{review, "Incident review", "OPSG_108_02", "AMBER"},
	} {
		sec.Run(t,
			clickAndLoad(`[data-testid=add-paper-1]`),
			chromedp.WaitVisible(`[data-testid=paper-form]`, chromedp.ByQuery),
			chromedp.SendKeys(`[data-testid=paper-title]`, p.title, chromedp.ByQuery),
			chromedp.SetValue(`[data-testid=paper-reference]`, p.ref, chromedp.ByQuery),
			chromedp.SetValue(`#f-classification`, p.class, chromedp.ByQuery),
			chromedp.SetUploadFiles(`[data-testid=paper-file]`, []string{p.file}, chromedp.ByQuery),
			clickAndLoad(`[data-testid=save-paper]`),
			chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
		)
	}
	if got := sec.Text(t, `[data-testid=agenda-item-1]`); !strings.Contains(got, "For information") || !strings.Contains(got, "OPSG_108_02 Incident review") {
		t.Errorf("item 1 = %q", got)
	}
	sec.Run(t,
		clickAndLoad(`[data-testid=publish-agenda]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	if got := sec.Text(t, `[data-testid=agenda-status]`); !strings.HasPrefix(got, "Published on") {
		t.Errorf("agenda status = %q", got)
	}

	// A member downloads the PMR and the meeting pack.
	member := browsertest.New(t)
	signInBrowser(t, member, base, a.emails["member"])
	downloads := t.TempDir()
	member.Run(t,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(base+"/committees/OPSG"),
		clickAndLoad(`[data-testid=coming-OPSG-108]`),
		chromedp.WaitVisible(`[data-testid=agenda]`, chromedp.ByQuery),
		chromedp.Click(`[data-testid=paper-OPSG_108_01] [data-testid=paper-download]`, chromedp.ByQuery),
	)
	waitForDownload(t, downloads, "OPSG_108_01 PMR November 2023.pdf", "%PDF-")
	member.Run(t, chromedp.Click(`[data-testid=pack-zip]`, chromedp.ByQuery))
	waitForDownload(t, downloads, "OPSG_108_2312 Meeting Pack.zip", "PK")

	// The public reads the CLEAR agenda; the AMBER paper is withheld.
	public := browsertest.New(t)
	public.Run(t,
		chromedp.Navigate(base+"/public/OPSG"),
		clickAndLoad(`a[href="/committees/OPSG/meetings/108/agenda"]`),
		chromedp.WaitVisible(`[data-testid=agenda]`, chromedp.ByQuery),
	)
	if got := public.Text(t, `[data-testid=agenda-item-1]`); !strings.Contains(got, "OPSG_108_01 Performance Measurement Report") ||
		!strings.Contains(got, "Paper OPSG_108_02 is classified AMBER and is not shown.") || strings.Contains(got, "Incident review") {
		t.Errorf("the public's item 1 = %q", got)
	}
	// On a phone the agenda does not scroll sideways.
	var width int
	public.Run(t,
		chromedp.EmulateViewport(390, 844),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
	)
	if width > 390 {
		t.Errorf("the agenda is %d px wide on a 390 px phone", width)
	}

	// After the meeting the minutes are written into the same item.
	sec.Run(t,
		chromedp.Navigate(base+"/committees/OPSG/meetings/108"),
		chromedp.WaitVisible(`[data-testid=controls-1]`, chromedp.ByQuery),
		// The workspace edits the item in place (issue 14).
		opened(`[data-testid=edit-item-1]`, `[data-testid=item-form] form`),
		chromedp.SendKeys(`#f-minute`, "SECAS presented the PMR for November.", chromedp.ByQuery),
		answered(`[data-testid=save-item]`),
		opened(`[data-testid=add-decision-1]`, `[data-testid=decision-form] form`),
		chromedp.SetValue(`#f-kind`, "NOTED", chromedp.ByQuery),
		chromedp.SendKeys(`[data-testid=decision-text]`, "the report", chromedp.ByQuery),
		answered(`[data-testid=save-decision]`),
	)
	if got := sec.Text(t, `[data-testid=item-1]`); !strings.Contains(got, "1. Performance Measurement Report – November 2023") ||
		!strings.Contains(got, "SECAS presented the PMR for November.") || !strings.Contains(got, "The OPSG NOTED the report.") {
		t.Errorf("the minutes' item 1 = %q", got)
	}
	items, err := a.store.Items(ctx, m.ID)
	if err != nil || len(items) != 1 {
		t.Fatalf("OPSG 108 has %d items (%v): the minutes must be written into the agenda's item, not a copy", len(items), err)
	}
	// The agenda still shows the item with its papers, and not the minute.
	sec.Run(t, chromedp.Navigate(agenda))
	if got := sec.Text(t, `[data-testid=agenda-item-1]`); !strings.Contains(got, "OPSG_108_01") || strings.Contains(got, "SECAS presented") {
		t.Errorf("the agenda's item 1 after the minutes = %q", got)
	}
}

// waitForDownload waits for the browser to save name in dir and checks
// that the file starts as it should.
func waitForDownload(t *testing.T, dir, name, prefix string) {
	t.Helper()
	path := filepath.Join(dir, name)
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			if !strings.HasPrefix(string(b), prefix) {
				t.Errorf("%s starts %.10q, not %q", name, b, prefix)
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	t.Fatalf("the browser saved no %s (the folder holds %q)", name, got)
}
