package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/export/exporttest"
)

// TestMinutesFiles downloads the demo's minutes as PDF and .docx through
// the router, as readers at different levels.
func TestMinutesFiles(t *testing.T) {
	a := newApp(t)
	anon, member := a.anonymous(), a.as("member")

	t.Run("Attachment", func(t *testing.T) {
		for _, f := range []struct{ ext, contentType, magic string }{
			{"pdf", "application/pdf", "%PDF-"},
			{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04"},
		} {
			res := anon.get("/committees/OPSG/meetings/105." + f.ext)
			if res.status != http.StatusOK || !strings.HasPrefix(res.body, f.magic) {
				t.Fatalf("%s: status %d, body %.20q", f.ext, res.status, res.body)
			}
			h := res.header
			if got := h.Get("Content-Type"); got != f.contentType {
				t.Errorf("%s: Content-Type %q", f.ext, got)
			}
			if got, want := h.Get("Content-Disposition"), `attachment; filename="OPSG_105_2310 Final Minutes.`+f.ext+`"`; got != want {
				t.Errorf("%s: Content-Disposition %q, want %q", f.ext, got, want)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Cache-Control") != "private, no-cache" {
				t.Errorf("%s: headers %v", f.ext, h)
			}
		}
	})
	t.Run("SameAsThePage", func(t *testing.T) {
		text := exporttest.Text(t, []byte(anon.get("/committees/OPSG/meetings/105.pdf").body))
		for _, w := range []string{"OPSG_105_2310 – Final Minutes", "Approved as final at OPSG 106.", "The OPSG NOTED the update.",
			"OPSG-006: There is a risk CSP N will fail", "Next Main Meeting: 14 November 2023"} {
			if !strings.Contains(text, w) {
				t.Errorf("the PDF lacks %q", w)
			}
		}
	})
	t.Run("WithheldItemAbsentForReaderBelowItsLevel", func(t *testing.T) {
		// OPSG 102's item 4 is AMBER: the public sees its notice only.
		secret := []string{"Security Assessment Briefing", "findings of the annual security assessment"}
		notice := "Item 4 is classified AMBER and is not shown."
		pdf := exporttest.Text(t, []byte(anon.get("/committees/OPSG/meetings/102.pdf").body))
		docx := exporttest.Part(t, []byte(anon.get("/committees/OPSG/meetings/102.docx").body), "word/document.xml")
		for name, got := range map[string]string{"PDF": pdf, ".docx": docx} {
			if !strings.Contains(got, notice) {
				t.Errorf("the public's %s lacks the notice %q", name, notice)
			}
			for _, s := range secret {
				if strings.Contains(got, s) {
					t.Errorf("the public's %s holds %q", name, s)
				}
			}
		}
		// A member of OPSG may read it, in both formats.
		if pdf := exporttest.Text(t, []byte(member.get("/committees/OPSG/meetings/102.pdf").body)); !strings.Contains(pdf, secret[0]) || strings.Contains(pdf, notice) {
			t.Error("a member's PDF does not hold the AMBER item")
		}
		if docx := exporttest.Part(t, []byte(member.get("/committees/OPSG/meetings/102.docx").body), "word/document.xml"); !strings.Contains(docx, secret[0]) {
			t.Error("a member's .docx does not hold the AMBER item")
		}
	})
	t.Run("NotFoundForThoseWhoMayNotReadTheMinutes", func(t *testing.T) {
		// OPSG 104 is AMBER and circulated: for its members only.
		for _, ext := range []string{"pdf", "docx"} {
			if res := anon.get("/committees/OPSG/meetings/104." + ext); res.status != http.StatusNotFound {
				t.Errorf("104.%s for the public: status %d", ext, res.status)
			}
			if res := member.get("/committees/OPSG/meetings/104." + ext); res.status != http.StatusOK {
				t.Errorf("104.%s for a member: status %d", ext, res.status)
			}
		}
	})
	t.Run("StoredVersion", func(t *testing.T) {
		// OPSG 102's first version is the draft as circulated: its file
		// says Draft Minutes, whatever the minutes say now.
		res := member.get("/committees/OPSG/meetings/102/versions/1.pdf")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		if got := res.header.Get("Content-Disposition"); got != `attachment; filename="OPSG_102_2309 Draft Minutes v1.pdf"` {
			t.Errorf("Content-Disposition %q", got)
		}
		text := exporttest.Text(t, []byte(res.body))
		if !strings.Contains(text, "Version 1 – Circulated by Sarah Roebel") || !strings.Contains(text, "OPSG_102_2309 – Draft Minutes") || strings.Contains(text, "Final Minutes") {
			t.Errorf("the version's PDF does not say which it is:\n%.600s", text)
		}
		if res := member.get("/committees/OPSG/meetings/102/versions/99.docx"); res.status != http.StatusNotFound {
			t.Errorf("a version that does not exist: status %d", res.status)
		}
		if res := a.as("non-member").get("/committees/OPSG/meetings/102/versions/1.pdf"); res.status != http.StatusNotFound {
			t.Errorf("a non-member: status %d", res.status)
		}
	})
	t.Run("Links", func(t *testing.T) {
		links := []string{`href="/committees/OPSG/meetings/105.pdf"`, `href="/committees/OPSG/meetings/105.docx"`, ">Download PDF<", ">Download Word<"}
		anon.get("/committees/OPSG/meetings/105").mustContain(t, links...)
		anon.get("/public/OPSG/105").mustContain(t, links...)
		member.get("/committees/OPSG/meetings/105/history").mustContain(t, append(links,
			`href="/committees/OPSG/meetings/105/versions/1.pdf"`, `href="/committees/OPSG/meetings/105/versions/1.docx"`)...)
		var doc struct {
			PDF  string `json:"pdf_url"`
			DOCX string `json:"docx_url"`
		}
		if err := json.Unmarshal([]byte(anon.get("/api/v1/committees/OPSG/meetings/105").body), &doc); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(doc.PDF, "/committees/OPSG/meetings/105.pdf") || !strings.HasSuffix(doc.DOCX, "/committees/OPSG/meetings/105.docx") {
			t.Errorf("the API's links: %+v", doc)
		}
	})
}
