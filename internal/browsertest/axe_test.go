package browsertest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestAxeVersion keeps AxeVersion and the vendored file in step.
func TestAxeVersion(t *testing.T) {
	src, err := os.ReadFile("testdata/axe-core/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	if banner := "/*! axe v" + browsertest.AxeVersion + "\n"; !strings.HasPrefix(string(src), banner) {
		t.Errorf("testdata/axe-core/axe.min.js does not begin %q", banner)
	}
	if _, err := os.Stat("testdata/axe-core/LICENSE"); err != nil {
		t.Errorf("axe-core's licence must ship with it: %v", err)
	}
}

// TestAxeFindsViolationsAndOverflow checks a page with an image without
// alternative text and a box wider than a phone: axe names the rule, and
// Overflow measures the overflow at 390 px but not at 1280 px.
func TestAxeFindsViolationsAndOverflow(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>t</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>t</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<div style="width: 600px">wide</div></main></body></html>`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	b := browsertest.New(t)
	b.Run(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL))
	if px := b.Overflow(t); px != 0 {
		t.Errorf("at 1280 px the page overflows by %d px", px)
	}
	found := b.Axe(t, browsertest.WCAGTags...)
	if len(found) != 1 || found[0].ID != "image-alt" {
		t.Errorf("violations = %v, want image-alt alone", found)
	}
	b.Run(t, chromedp.EmulateViewport(390, 844))
	if px := b.Overflow(t); px != 8+600-390 { // the body's margin, then the box
		t.Errorf("at 390 px the page overflows by %d px, want %d", px, 8+600-390)
	}
	// A second run on the same page reuses the injected script.
	if found := b.Axe(t, browsertest.WCAGTags...); len(found) != 1 {
		t.Errorf("second run: %v", found)
	}
}
