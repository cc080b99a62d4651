package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// opsg120 is a short draft in the model's tradition, for a meeting the
// demo does not have, with one line the parser cannot place (line 33).
const opsg120 = `This document is classified as **Green** in accordance with the Panel Information Policy.

Operations Group Meeting 120

12 March 2024, 10:00 – 12:00

Teleconference

OPSG_120_2403 – Draft Minutes

Attendees:

Category	Operations Group Members
Operations Group Chair	Dave Warner
Large Suppliers	Kevin Donnelly

Representing	Other Participants
DCC	Danielle Jackson

Apologies:

Representing	Name
Small Suppliers	Cassie Bowerman

1. Previous Meeting Minutes

The OPSG **NOTED** the update.

2. Performance Report

SECAS presented the performance report.

??!! 12345 ;;

ACTION 120/01: The DCC to report on CPM 3A.

Next Main Meeting: 9 April 2024
`

// upload posts a file as the import form does.
func (c *client) upload(path, filename string, content []byte) *response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("document", filename)
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.base+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// uploaded uploads a document and returns its preview's address.
func uploaded(t *testing.T, c *client, filename, content string) string {
	t.Helper()
	res := c.upload("/committees/OPSG/import", filename, []byte(content))
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/committees/OPSG/import/") {
		t.Fatalf("upload: status %d location %q\n%s", res.status, res.location, res.body)
	}
	return res.location
}

// previewForm is the preview's form as the page fills it, with changes.
func previewForm(changes map[string]string) url.Values {
	v := url.Values{"number": {"120"}, "kind": {"main"}, "date": {"2024-03-12"}, "start": {"10:00"}, "end": {"12:00"},
		"venue": {"Teleconference"}, "classification": {"GREEN"}, "i-0-title": {"Previous Meeting Minutes"}, "i-1-title": {"Performance Report"},
		"p-0-category": {"Operations Group Chair"}, "p-1-category": {"Large Suppliers"}, "p-2-organisation": {"DCC"}, "p-3-category": {"Small Suppliers"},
		"do": {"save"}}
	for k, x := range changes {
		v.Set(k, x)
	}
	return v
}

func TestImportUploadPreviewSave(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	res := sec.get("/committees/OPSG")
	res.mustContain(t, `data-testid="import-minutes"`)
	res = sec.get("/committees/OPSG/import")
	if res.status != http.StatusOK {
		t.Fatalf("upload page: %d", res.status)
	}
	res.mustContain(t, `enctype="multipart/form-data"`, `name="document"`, "10 MB at most")

	preview := uploaded(t, sec, "opsg-120.txt", opsg120)
	res = sec.get(preview)
	if res.status != http.StatusOK {
		t.Fatalf("preview: %d\n%s", res.status, res.body)
	}
	res.mustContain(t,
		"Check the minutes read from opsg-120.txt", "Not understood (1)", `href="#line-33"`, `id="line-33"`,
		`<strong class="line-flag">Not understood:</strong> <mark>??!! 12345 ;;</mark>`,
		"What saving will do", "Created the draft minutes of OPSG 120 (Main Meeting, 12 March 2024).",
		"Actions raised: OPSG 120/01.", "New meetings: OPSG 121 (Main Meeting, 9 April 2024).",
		`name="venue" value="Teleconference"`, `name="p-2-organisation" value="DCC"`, `name="i-1-a-0-text" rows="2">The DCC to report on CPM 3A.</textarea>`,
		`name="i-1-a-0-owner" value="DCC"`)
	if _, err := a.store.MeetingByNumber(context.Background(), "OPSG", 120); mb.ErrorCode(err) != mb.ENOTFOUND {
		t.Fatalf("the preview saved something: %v", err)
	}
	// Other readers cannot see the upload: it is the uploader's alone.
	if res := a.as("admin").get(preview); res.status != http.StatusNotFound {
		t.Errorf("admin on another's upload: %d", res.status)
	}
	if res := a.as("member").get(preview); res.status != http.StatusForbidden {
		t.Errorf("member: %d", res.status)
	}
	// The upload page lists it until it is saved.
	sec.get("/committees/OPSG/import").mustContain(t, `data-testid="pending-imports"`, "opsg-120.txt")

	res = sec.post(preview, previewForm(map[string]string{"venue": "London", "i-1-title": "Performance Measurement Report"}))
	if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/120" {
		t.Fatalf("save: %d %q\n%s", res.status, res.location, res.body)
	}
	page := sec.get(res.location)
	page.mustContain(t, "Created the draft minutes of OPSG 120 (Main Meeting, 12 March 2024) from opsg-120.txt.",
		"London", "2. Performance Measurement Report", "ACTION 120/01:", "<strong>NOTED</strong> the update.")
	if res := sec.get(preview); res.status != http.StatusNotFound {
		t.Errorf("the upload outlived its saving: %d", res.status)
	}
	m, err := a.store.MeetingByNumber(context.Background(), "OPSG", 120)
	if err != nil || m.Status != mb.Draft || m.Classification != mb.Green {
		t.Errorf("meeting 120: %+v %v", m, err)
	}

	t.Run("OKReimportUpdatesTheDraft", func(t *testing.T) {
		again := uploaded(t, sec, "opsg-120-v2.txt", strings.Replace(opsg120, "SECAS presented the performance report.", "SECAS presented the revised report.", 1))
		sec.get(again).mustContain(t, "Updated the draft minutes of OPSG 120")
		res := sec.post(again, previewForm(nil))
		if res.status != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.status, res.body)
		}
		sec.get(res.location).mustContain(t, "SECAS presented the revised report.", "Updated the draft minutes of OPSG 120")
	})
}

func TestImportCancelLeavesNothing(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	preview := uploaded(t, sec, "opsg-120.txt", opsg120)
	res := sec.post(preview+"/cancel", url.Values{})
	if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/import" {
		t.Fatalf("cancel: %d %q", res.status, res.location)
	}
	sec.get(res.location).mustContain(t, "Cancelled the import of opsg-120.txt: nothing was saved.")
	if res := sec.get(preview); res.status != http.StatusNotFound {
		t.Errorf("cancelled upload: %d", res.status)
	}
	var n int
	if err := a.store.Pool().QueryRow(context.Background(), `SELECT count(*) FROM pending_imports`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d pending imports left (%v)", n, err)
	}
	if _, err := a.store.MeetingByNumber(context.Background(), "OPSG", 120); mb.ErrorCode(err) != mb.ENOTFOUND {
		t.Errorf("meeting 120 after cancelling: %v", err)
	}
}

func TestImportRefusals(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")

	t.Run("ErrFiles", func(t *testing.T) {
		for _, tc := range []struct {
			name, content string
			status        int
			want          string
		}{
			{"minutes.pdf", "%PDF-1.7", http.StatusUnprocessableEntity, "minutes.pdf is neither a Word document (.docx) nor plain text (.txt)"},
			{"minutes.txt", "%PDF-1.7 binary", http.StatusUnprocessableEntity, "Minutes.txt is a PDF; copy its text into a .txt file"},
			{"minutes.docx", "not a zip", http.StatusUnprocessableEntity, "is named .docx but is not a zip archive"},
			{"empty.txt", "  \n", http.StatusUnprocessableEntity, "empty.txt is empty."},
			{"huge.txt", strings.Repeat("x", 11<<20), http.StatusRequestEntityTooLarge, "larger than 10 MB"},
		} {
			res := sec.upload("/committees/OPSG/import", tc.name, []byte(tc.content))
			if res.status != tc.status {
				t.Errorf("%s: status %d, want %d", tc.name, res.status, tc.status)
			}
			res.mustContain(t, tc.want, `data-testid="error-document"`)
		}
		if res := sec.post("/committees/OPSG/import", url.Values{}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("no file: %d", res.status)
		}
	})
	t.Run("ErrPublishedMinutesNeverOverwritten", func(t *testing.T) {
		b, err := fixture.Read(fixture.OPSG105)
		if err != nil {
			t.Fatal(err)
		}
		preview := uploaded(t, sec, "opsg-105.txt", string(b))
		res := sec.get(preview)
		res.mustContain(t, `data-testid="import-problem"`, "The minutes of OPSG 105 are published: an import never overwrites approved or published minutes.")
		form := url.Values{"number": {"105"}, "kind": {"main"}, "date": {"2023-10-23"}, "start": {"12:20"}, "end": {"16:00"}, "venue": {"Somewhere"}, "classification": {"CLEAR"}, "do": {"save"}}
		res = sec.post(preview, form)
		if res.status != http.StatusConflict {
			t.Fatalf("save over published minutes: %d", res.status)
		}
		res.mustContain(t, "never overwrites approved or published minutes", `value="Somewhere"`)
		if m, _ := a.store.MeetingByNumber(context.Background(), "OPSG", 105); m.Venue != "Teleconference" {
			t.Errorf("published minutes changed: venue %q", m.Venue)
		}
	})
	t.Run("ErrCorrectionsCheckedAndKept", func(t *testing.T) {
		doc := strings.Replace(opsg120, "Large Suppliers\tKevin Donnelly", "Network Operators\tKevin Donnelly", 1)
		preview := uploaded(t, sec, "opsg-120.txt", doc)
		sec.get(preview).mustContain(t, `id="e-p-1-category"`, "which is not one of OPSG&#39;s categories")
		res := sec.post(preview, previewForm(map[string]string{"number": "one hundred and twenty", "p-1-category": "Network Operators", "venue": "Leeds"}))
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad number: %d", res.status)
		}
		res.mustContain(t, "Enter the meeting number as a whole number, such as 105.", `value="one hundred and twenty"`, `value="Leeds"`)
		// The venue typed is kept with the upload.
		sec.get(preview).mustContain(t, `name="venue" value="Leeds"`)
		res = sec.post(preview, previewForm(map[string]string{"p-1-category": "network parties", "venue": "Leeds"}))
		if res.status != http.StatusSeeOther {
			t.Fatalf("corrected: %d\n%s", res.status, res.body)
		}
		list, _ := a.store.Attendance(context.Background(), mustMeeting(t, a, 120).ID)
		if len(list) != 4 || list[1].PersonName != "Kevin Donnelly" || list[1].Category != "Network Parties" {
			t.Errorf("attendance %+v", list)
		}
	})
}

// docx writes text as a Word document, a paragraph per non-blank line, with
// tabs as Word's tabs.
func docx(t *testing.T, text string) []byte {
	t.Helper()
	var body strings.Builder
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		body.WriteString("<w:p>")
		for i, cell := range strings.Split(line, "\t") {
			if i > 0 {
				body.WriteString("<w:r><w:tab/></w:r>")
			}
			body.WriteString(`<w:r><w:t xml:space="preserve">` + html.EscapeString(cell) + "</w:t></w:r>")
		}
		body.WriteString("</w:p>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportWordDocument(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	res := sec.upload("/committees/OPSG/import", "OPSG 120 minutes.docx", docx(t, opsg120))
	if res.status != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", res.status, res.body)
	}
	preview := sec.get(res.location)
	preview.mustContain(t, "Check the minutes read from OPSG 120 minutes.docx", "Created the draft minutes of OPSG 120 (Main Meeting, 12 March 2024).",
		"Not understood (1)", "<mark>??!! 12345 ;;</mark>", `name="p-3-category" value="Small Suppliers"`)
	if res := sec.post(res.location, previewForm(nil)); res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/120" {
		t.Fatalf("save: %d %q", res.status, res.location)
	}
}
