package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestImportInTheBrowser is the secretariat's path: upload a document from
// the committee's page, see the line minutebook could not read marked in
// the document beside what it read, correct the venue, and save the draft.
func TestImportInTheBrowser(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	file := filepath.Join(t.TempDir(), "opsg-120.txt")
	if err := os.WriteFile(file, []byte(opsg120), 0o600); err != nil {
		t.Fatal(err)
	}
	signInBrowser(t, b, a.srv.URL, a.emails["secretariat"])
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/OPSG"),
		clickAndLoad(`[data-testid=import-minutes]`),
		chromedp.WaitVisible(`#f-document`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#f-document`, []string{file}, chromedp.ByQuery),
		clickAndLoad(`[data-testid=upload]`),
		chromedp.WaitVisible(`[data-testid=import-form]`, chromedp.ByQuery),
	)
	// The line not understood is marked in words, not by colour alone, and
	// the list of such lines links to it.
	if got := b.Text(t, `li.unrecognised`); !strings.Contains(got, "Not understood:") || !strings.Contains(got, "??!! 12345 ;;") {
		t.Errorf("marked line %q", got)
	}
	if got := b.Text(t, `[data-testid=unrecognised] a`); got != "Line 33" {
		t.Errorf("link to the line %q", got)
	}
	if got := b.Text(t, `#line-33`); !strings.Contains(got, "??!! 12345 ;;") {
		t.Errorf("line 33 is %q", got)
	}
	if got := b.Text(t, `[data-testid=import-outcome]`); !strings.Contains(got, "Created the draft minutes of OPSG 120") {
		t.Errorf("outcome %q", got)
	}
	b.Run(t,
		chromedp.Click(`[data-testid=unrecognised] a`, chromedp.ByQuery),
		chromedp.WaitVisible(`#line-33`, chromedp.ByQuery),
		chromedp.Clear(`#f-venue`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-venue`, "London", chromedp.ByQuery),
		clickAndLoad(`[data-testid=import-save]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=flash]`); !strings.Contains(got, "Created the draft minutes of OPSG 120 (Main Meeting, 12 March 2024) from opsg-120.txt.") {
		t.Errorf("flash %q", got)
	}
	if got := b.Text(t, `[data-testid=venue]`); got != "London" {
		t.Errorf("venue %q", got)
	}
	if got := b.Text(t, `[data-testid=item-2]`); !strings.Contains(got, "Performance Report") || !strings.Contains(got, "ACTION 120/01") {
		t.Errorf("item 2 %q", got)
	}
}
