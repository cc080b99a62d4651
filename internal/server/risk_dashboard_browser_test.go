package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// The Panel chair answers "what have the sub-committees escalated, and is it
// getting better?" from the dashboard, narrows it with the heat map using
// the keyboard, and follows the decision to the minutes that escalated it.
func TestBrowserPanelChairFollowsAnEscalation(t *testing.T) {
	b := browsertest.New(t)
	a := newApp(t)
	b.Run(t, a.signInAction("panel-chair"),
		chromedp.Click(`nav.main a[href="/escalations"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="escalations"]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid="escalation-OPSG-006"] [data-testid="severity-now"]`); !strings.Contains(got, "20 Critical") {
		t.Fatalf("OPSG-006 severity now %q, want 20 Critical", got)
	}
	if got := b.Text(t, `[data-testid="escalation-OPSG-006"]`); !strings.Contains(got, "12 → 16 → 20 → 20") {
		t.Errorf("OPSG-006's trend is missing: %q", got)
	}

	// The heat-map cell of OPSG-006 (likelihood 4, impact 5) takes focus and
	// follows on Enter, like any link.
	var focused string
	var rows int
	b.Run(t,
		chromedp.Focus(`[data-testid="heat-4-5"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.activeElement.getAttribute("data-testid")`, &focused),
	)
	if focused != "heat-4-5" {
		t.Fatalf("focused %q, want the heat-map cell", focused)
	}
	b.Run(t,
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(`[data-testid="heat-filter"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-testid="escalations"] tbody tr').length`, &rows),
	)
	if rows != 1 {
		t.Fatalf("the filtered list has %d rows, want OPSG-006 alone", rows)
	}
	if got := b.Text(t, `[data-testid="heat-filter"]`); !strings.Contains(got, "likelihood 4 and impact 5") {
		t.Errorf("filter note %q", got)
	}

	// Choosing another cell with the mouse filters again.
	b.Run(t,
		chromedp.Click(`[data-testid="heat-3-5"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="escalation-OPSG-017"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-testid="escalations"] tbody tr').length`, &rows),
	)
	if rows != 2 {
		t.Errorf("likelihood 3 × impact 5 lists %d rows, want OPSG-002 and OPSG-017", rows)
	}
	b.Run(t,
		chromedp.Click(`[data-testid="heat-4-5"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="escalation-OPSG-006"]`, chromedp.ByQuery),
		chromedp.Click(`[data-testid="minutes-OPSG-006"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid="minutes"]`, chromedp.ByQuery),
	)
	var location string
	b.Run(t, chromedp.Location(&location))
	if !strings.Contains(location, "/committees/OPSG/meetings/105#decision-") {
		t.Errorf("followed to %q, want the decision in the minutes of OPSG 105", location)
	}
	if got := b.Text(t, `[data-testid="document-title"]`); got != "OPSG_105_2310 – Final Minutes" {
		t.Errorf("document title %q", got)
	}
}
