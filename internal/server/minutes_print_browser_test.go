package server_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestPrintedMinutesCarryClassificationAndPageNumbers prints the published
// minutes of OPSG 105 from the browser, as a reader would, and reads the
// PDF back: every page carries the classification and the reference at its
// top and "Page N of M" at its foot, and no attendee group is split across
// a page break.
func TestPrintedMinutesCarryClassificationAndPageNumbers(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	a := newApp(t)
	b := browsertest.New(t)
	b.StepTimeout = 60 * 1e9
	var pdf []byte
	var running string
	var groups [][]string
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/public/OPSG/105"),
		chromedp.WaitVisible(`[data-testid=minutes]`, chromedp.ByQuery),
		chromedp.TextContent(`.running-head td`, &running, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll("table.attendees tbody")].map(g =>
			[...g.querySelectorAll("td")].map(td => td.textContent.trim().split(/\s+/).slice(0, 2).join(" ")))`, &groups),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().WithPreferCSSPageSize(true).Do(ctx)
			return err
		}),
	)
	file := filepath.Join(t.TempDir(), "minutes.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	if len(pages) < 2 {
		t.Fatalf("the minutes print on %d page(s); the check needs at least two", len(pages))
	}
	running = squeeze(running)
	if !strings.HasPrefix(running, "Classification: Clear · OPSG") {
		t.Fatalf("the running head reads %q", running)
	}
	for i, p := range pages {
		if got := squeeze(firstLines(p)); !strings.Contains(got, running) {
			t.Errorf("page %d does not begin with %q:\n%s", i+1, running, firstLines(p))
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	// An attendee group's people are all on the page its first is on.
	for _, g := range groups {
		at := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(squeeze(p), g[0]) })
		if at < 0 {
			t.Errorf("%q is on no page", g[0])
			continue
		}
		for _, name := range g[1:] {
			if !strings.Contains(squeeze(pages[at]), name) {
				t.Errorf("the attendee group of %q is split across a page break: %q is not on page %d", g[0], name, at+1)
			}
		}
	}
	t.Logf("%d pages, %d attendee groups", len(pages), len(groups))
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstLines(s string) string {
	lines := strings.Split(s, "\n")
	if len(lines) > 6 {
		lines = lines[:6]
	}
	return strings.Join(lines, "\n")
}
