package server_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/minutebook/minutebook/internal/browsertest"
	"github.com/minutebook/minutebook/internal/fixture"
	mb "github.com/minutebook/minutebook/internal/minutebook"
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

// TestImportWordLayoutInTheBrowser imports another body's Word document
// (issue 15): its tables, numbering and bold decision words are read; the
// secretariat corrects a person, an action's owner and a line minutebook
// could not place, records in one of the committee's words a decision the
// document words otherwise (ITF has no ENDORSED), checks again without
// JavaScript, and saves.
func TestImportWordLayoutInTheBrowser(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	sec, err := a.store.EnsureOrganisation(ctx, "Corbel Code Services (ITF Secretariat)")
	if err != nil {
		t.Fatal(err)
	}
	itf := &mb.Committee{Code: "ITF", Name: "Interoperability Technical Forum", SecretariatID: &sec.ID, EscalationThreshold: 15, Categories: []string{"Chair", "Member"},
		DecisionVocabulary: []string{"NOTED", "AGREED", "APPROVED", "REJECTED"}}
	if err := a.store.CreateCommittee(ctx, itf); err != nil {
		t.Fatal(err)
	}
	b := browsertest.New(t)
	signInBrowser(t, b, a.srv.URL, a.emails["admin"])
	b.Run(t,
		chromedp.Navigate(a.srv.URL+"/committees/ITF"),
		clickAndLoad(`[data-testid=import-minutes]`),
		chromedp.WaitVisible(`#f-document`, chromedp.ByQuery),
		chromedp.SetUploadFiles(`#f-document`, []string{fixture.Layout("board-narrative-like.docx")}, chromedp.ByQuery),
		clickAndLoad(`[data-testid=upload]`),
		chromedp.WaitVisible(`[data-testid=import-form]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=import-outcome]`); !strings.Contains(got, "Created the draft minutes of ITF 14 (Extraordinary Meeting, 3 March 2026)") ||
		!strings.Contains(got, "ITF 14/04") {
		t.Fatalf("outcome %q", got)
	}
	// On a phone the page does not scroll sideways: its tables scroll
	// within themselves.
	if width, wide := phoneOverflow(t, b); width > 390 {
		t.Errorf("the preview is %d px wide on a 390 px phone: %s", width, wide)
	}
	// "The Forum ENDORSED Option C …" is kept as text, with the
	// committee's words to choose from.
	var held, heldID string
	var words []string
	b.Run(t,
		chromedp.Text(`[data-testid^=import-held]`, &held, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('[data-testid^=import-held]').closest('td').querySelector('select').id`, &heldID),
		chromedp.Evaluate(`Array.from(document.querySelector('[data-testid^=import-held]').closest('td').querySelectorAll('option')).map(o => o.value)`, &words),
	)
	if !strings.Contains(held, "ENDORSED is not one of ITF's decision words") || strings.Join(words, " ") != " NOTED AGREED APPROVED REJECTED" {
		t.Fatalf("held %q, words %q", held, words)
	}
	// Liam O'Driscoll (person 10), the action of item 4 and line 1 (the
	// synthetic document's marker) are corrected, and checked again.
	b.Run(t,
		chromedp.SetValue(`#`+heldID, "AGREED", chromedp.ByQuery),
		chromedp.Clear(`#f-p-9-organisation`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-p-9-organisation`, "Corbel Code Services", chromedp.ByQuery),
		chromedp.Clear(`#f-i-5-a-0-owner`, chromedp.ByQuery),
		chromedp.SendKeys(`#f-i-5-a-0-owner`, "Corbel Code Services (Yara Haddad)", chromedp.ByQuery),
		chromedp.SetValue(`#f-line-1`, "noise", chromedp.ByQuery),
		clickAndLoad(`[data-testid=import-check]`),
		chromedp.WaitVisible(`[data-testid=import-form]`, chromedp.ByQuery),
	)
	var org, owner, line, word string
	b.Run(t,
		chromedp.Value(`#f-p-9-organisation`, &org, chromedp.ByQuery),
		chromedp.Value(`#f-i-5-a-0-owner`, &owner, chromedp.ByQuery),
		chromedp.Value(`#f-line-1`, &line, chromedp.ByQuery),
		chromedp.Value(`#`+heldID, &word, chromedp.ByQuery),
	)
	if org != "Corbel Code Services" || owner != "Corbel Code Services (Yara Haddad)" || line != "noise" || word != "AGREED" {
		t.Errorf("after checking again: %q, %q, %q, %q", org, owner, line, word)
	}
	if got := b.Text(t, `[data-testid=import-outcome]`); !strings.Contains(got, "Liam O'Driscoll (Corbel Code Services);") {
		t.Errorf("outcome %q", got)
	}
	b.Run(t,
		clickAndLoad(`[data-testid=import-save]`),
		chromedp.WaitVisible(`[data-testid=flash]`, chromedp.ByQuery),
	)
	if got := b.Text(t, `[data-testid=flash]`); !strings.Contains(got, "Created the draft minutes of ITF 14") {
		t.Errorf("flash %q", got)
	}
	action, err := a.store.ActionByReference(ctx, "ITF", 14, 4)
	if err != nil || action.OwnerName != "Corbel Code Services" || action.OwnerPersonName != "Yara Haddad" {
		t.Errorf("ITF 14/04: %+v %v", action, err)
	}
	m, err := a.store.MeetingByNumber(ctx, "ITF", 14)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := a.store.Attendance(ctx, m.ID)
	for _, x := range list {
		if x.PersonName == "Liam O'Driscoll" && x.RepresentingName != "Corbel Code Services" {
			t.Errorf("Liam O'Driscoll represents %q", x.RepresentingName)
		}
	}
	if len(list) != 15 {
		t.Errorf("%d recorded", len(list))
	}
	minutes, err := a.store.Minutes(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var agreed []string
	for _, it := range minutes.Items {
		for _, sub := range append([]*mb.Item{it}, it.Children...) {
			for _, d := range sub.Decisions {
				if d.Kind == "AGREED" {
					agreed = append(agreed, d.Text)
				}
			}
		}
	}
	if !slices.ContainsFunc(agreed, func(s string) bool { return strings.HasPrefix(s, "Option C as the interim measure") }) {
		t.Errorf("AGREED decisions %q", agreed)
	}
	if c, _ := a.store.CommitteeByCode(ctx, "ITF"); len(c.DecisionVocabulary) != 4 {
		t.Errorf("ITF decides in %v", c.DecisionVocabulary)
	}
}
