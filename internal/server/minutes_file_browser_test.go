package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
)

// TestDownloadMinutesInBrowser is a member of the public on a phone: the
// published minutes offer Download PDF and Download Word, and each link
// answers with the file as an attachment.
func TestDownloadMinutesInBrowser(t *testing.T) {
	a := newApp(t)
	b := browsertest.New(t)
	awaited := func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
	fetch := func(sel string) string {
		return `fetch(document.querySelector('` + sel + `').href).then(r => r.status + " " + r.headers.get("content-type") + " " + r.headers.get("content-disposition"))`
	}
	var pdf, docx, label string
	b.Run(t,
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(a.srv.URL+"/public/OPSG/105"),
		chromedp.WaitVisible(`[data-testid=download-pdf]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-testid=download-docx]`, chromedp.ByQuery),
		chromedp.Text(`[data-testid=download-pdf]`, &label, chromedp.ByQuery),
		chromedp.Evaluate(fetch(`[data-testid=download-pdf]`), &pdf, awaited),
		chromedp.Evaluate(fetch(`[data-testid=download-docx]`), &docx, awaited),
	)
	if strings.TrimSpace(label) != "Download PDF" {
		t.Errorf("the link reads %q", label)
	}
	if want := `200 application/pdf attachment; filename="OPSG_105_2310 Final Minutes.pdf"`; pdf != want {
		t.Errorf("the PDF link answers %q, want %q", pdf, want)
	}
	if !strings.HasPrefix(docx, "200 application/vnd.openxmlformats-officedocument.wordprocessingml.document attachment;") {
		t.Errorf("the Word link answers %q", docx)
	}
}
