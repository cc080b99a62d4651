package export_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestPDF(t *testing.T) {
	pdf := renderPDF(t, sample(mb.Published))
	text := words(poppler(t, pdf, "pdftotext"))

	t.Run("TextInOrder", func(t *testing.T) {
		// The classification statement heads the first page, under the
		// running header; then the head, the attendees and the items.
		want := []string{
			"Classification: CLEAR OPSG_105_2310 – Final Minutes",
			"This document is classified as Clear in accordance with the Panel Information Policy. Recipients can distribute",
			"Operations Group Meeting 105", "23 October 2023, 12:20 – 16:00", "Teleconference", "OPSG_105_2310 – Final Minutes",
			"Approved as final at OPSG 106.",
			"Attendees:", "Category Operations Group Members", "Operations Group Chair Dave Warner",
			"Representing Other Participants", "DCC Adam Rawling (Part) (Agenda Item 5)",
			"Apologies:", "SECAS Conroy Saunders",
			"1. Previous Meeting Minutes", "The OPSG APPROVED the minutes from OPSG 103 as final.",
			"2. Actions Outstanding", "Action Ref.", "OPSG 102/01", "The DCC to provide TABASC", "12/09/2023", "28/02/2024", "Closed",
			"The OPSG NOTED the update.",
			"Item 3 is classified AMBER and is not shown.",
			"4. Risk Register – Progress Report", "Key risks", "• first point", "1. one", "4.1. Sub-item’s title", "Text of the sub-item.", "Item 4 (continued)",
			"OPSG-006: There is a risk CSP N will fail. (Severity 20 – Critical). SECAS advised.",
			"The OPSG: • NOTED the presentation. • AGREED all four risks be escalated.",
			"ACTION 105/01: The DCC to provide a simplified graphic.",
			"Next Main Meeting: 14 November 2023",
		}
		at := 0
		for _, w := range want {
			i := strings.Index(text[at:], w)
			if i < 0 {
				t.Fatalf("after %q the text lacks %q:\n%s", text[:at], w, text)
			}
			at += i + len(w)
		}
	})
	t.Run("Unicode", func(t *testing.T) {
		for _, w := range []string{"Renée Lefèvre", "12:20 – 16:00", "Sub-item’s", "outstanding ✓."} {
			if !strings.Contains(text, w) {
				t.Errorf("the text lacks %q", w)
			}
		}
	})
	t.Run("WithheldItemAbsent", func(t *testing.T) {
		if strings.Contains(text, withheldWords) {
			t.Errorf("the withheld item's words are in the PDF:\n%s", text)
		}
	})
	t.Run("FontsEmbedded", func(t *testing.T) {
		fonts := poppler(t, pdf, "pdffonts")
		lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
		if len(lines) != 3 {
			t.Errorf("want the three faces of DejaVu Sans:\n%s", fonts)
		}
		for _, l := range lines {
			f := strings.Fields(l)
			if !strings.Contains(strings.ToLower(f[0]), "dejavusans") || len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
				t.Errorf("a font is not embedded with its Unicode map: %s", l)
			}
		}
	})
	t.Run("A4", func(t *testing.T) {
		if info := poppler(t, pdf, "pdfinfo"); !strings.Contains(info, "595.28 x 841.89 pts (A4)") {
			t.Errorf("not A4:\n%s", info)
		}
	})
	t.Run("DecisionWordsBold", func(t *testing.T) {
		// pdftohtml marks text set in a bold face with <b>.
		html := poppler(t, pdf, "pdftohtml", "-xml", "-i", "-stdout")
		for _, w := range []string{"<b>APPROVED</b>", "<b>NOTED</b>", "<b>AGREED</b>", "<b>ACTION 105/01:</b>", "<b>Clear</b>"} {
			if !strings.Contains(html, w) {
				t.Errorf("%s is not set bold", w)
			}
		}
		if regexp.MustCompile(`<b>[^<]*the update`).MatchString(html) {
			t.Error("the words after the decision are bold too")
		}
	})
	t.Run("PDFA2b", func(t *testing.T) {
		meta := poppler(t, pdf, "pdfinfo", "-meta")
		for _, w := range []string{"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>", "OPSG_105_2310 – Final Minutes", "2023-11-20T09:30:00"} {
			if !strings.Contains(meta, w) {
				t.Errorf("the XMP metadata lacks %s:\n%s", w, meta)
			}
		}
		for _, w := range []string{"/OutputIntents [", "/S /GTS_PDFA1", "/DestOutputProfile", "/ID [<"} {
			if !strings.Contains(string(pdf), w) {
				t.Errorf("the file lacks %s", w)
			}
		}
		if info := poppler(t, pdf, "pdfinfo"); !strings.Contains(info, "Title:           OPSG_105_2310 – Final Minutes") {
			t.Errorf("the information dictionary's title:\n%s", info)
		}
	})
}

func TestPDFDraft(t *testing.T) {
	text := words(poppler(t, renderPDF(t, sample(mb.Draft)), "pdftotext"))
	if !strings.Contains(text, "Classification: CLEAR OPSG_105_2310 – Draft Minutes") {
		t.Errorf("the header does not say Draft Minutes:\n%s", text)
	}
	if strings.Contains(text, "Approved as final") || strings.Contains(text, "Final Minutes") {
		t.Errorf("a draft says it is final:\n%s", text)
	}
}

// TestPDFPages checks every page of a document long enough for the page
// breaks to fall inside its tables: the running header and footer, "Page X
// of Y", the table's heading row at the top of each page it continues on,
// and each group of attendees on one page.
func TestPDFPages(t *testing.T) {
	d := long()
	pdf := renderPDF(t, d)
	info := poppler(t, pdf, "pdfinfo")
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count:\n%s", info)
	}
	pages, _ := strconv.Atoi(m[1])
	if pages < 4 {
		t.Fatalf("%d pages: the sample should run over at least 4", pages)
	}
	groupPage := map[string]int{}
	outstandingPages := 0
	for i := 1; i <= pages; i++ {
		n := strconv.Itoa(i)
		page := words(poppler(t, pdf, "pdftotext", "-f", n, "-l", n))
		var lines []string
		for _, l := range strings.Split(poppler(t, pdf, "pdftotext", "-layout", "-f", n, "-l", n), "\n") {
			if l = words(l); l != "" {
				lines = append(lines, l)
			}
		}
		if want := "Classification: CLEAR OPSG_105_2310 – Final Minutes"; len(lines) == 0 || lines[0] != want {
			t.Errorf("page %d does not start with %q: %q", i, want, lines[:min(len(lines), 1)])
		}
		if want := fmt.Sprintf("Classification: CLEAR OPSG_105_2310 Page %d of %d", i, pages); len(lines) == 0 || lines[len(lines)-1] != want {
			t.Errorf("page %d does not end with %q: %q", i, want, lines[max(len(lines)-1, 0):])
		}
		if row := strings.Index(page, "The DCC to report on the performance"); row >= 0 {
			outstandingPages++
			if head := strings.Index(page, "Action Ref."); head < 0 || head > row {
				t.Errorf("page %d holds actions outstanding without the table's heading row above them", i)
			}
		}
		for _, g := range d.Others {
			for _, a := range g.Attendees {
				if strings.Contains(page, a.PersonName+" ") {
					if p, ok := groupPage[g.Name]; ok && p != i {
						t.Errorf("%s is split between pages %d and %d", g.Name, p, i)
					}
					groupPage[g.Name] = i
				}
			}
		}
	}
	if outstandingPages < 2 {
		t.Errorf("the actions outstanding fill %d page(s); the test needs the table to break", outstandingPages)
	}
	if first, last := groupPage["Organisation 00"], groupPage["Organisation 11"]; first == last {
		t.Errorf("the attendee table does not break across pages (all on page %d)", first)
	}
}
