package server_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/export/exporttest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/samplefile"
)

// postPaper sends a paper's form as the browser does, fields first and the
// file last, streaming the file from r.
func (c *client) postPaper(path string, fields url.Values, filename string, r io.Reader) *response {
	c.t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() { pw.CloseWithError(writePaperForm(mw, fields, filename, r)) }()
	req, err := http.NewRequest(http.MethodPost, c.base+path, pr)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// writePaperForm writes a paper's form: the fields, then the file.
func writePaperForm(mw *multipart.Writer, fields url.Values, filename string, r io.Reader) error {
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	fw, err := mw.CreateFormFile("file", filename)
	if err == nil {
		_, err = io.Copy(fw, r)
	}
	if err == nil {
		err = mw.Close()
	}
	return err
}

// postPaperSized posts the form as a browser does, its length given first.
func (c *client) postPaperSized(path string, fields url.Values, filename string, r io.Reader) *response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if err := writePaperForm(mw, fields, filename, r); err != nil {
		c.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, c.base+path, bytes.NewReader(body.Bytes()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// paperByReference finds a meeting's paper.
func paperByReference(t *testing.T, a *app, m *mb.Meeting, ref string) *mb.Paper {
	t.Helper()
	papers, err := a.store.Papers(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range papers {
		if p.Reference == ref {
			return p
		}
	}
	t.Fatalf("%s has no paper %s", m.ShortName(), ref)
	return nil
}

// TestDemoAgendaAsEachReaderSeesIt reads the demo's OPSG 106 agenda, its
// papers, packs and API as the public and as a member.
func TestDemoAgendaAsEachReaderSeesIt(t *testing.T) {
	a := newApp(t)
	m106 := mustMeeting(t, a, 106)
	clear, amber := paperByReference(t, a, m106, "OPSG_106_02"), paperByReference(t, a, m106, "OPSG_106_04")
	base := "/committees/OPSG/meetings/106"

	t.Run("PublicSeesTheClearAgendaNotTheAmberPaper", func(t *testing.T) {
		anon := a.anonymous()
		page := anon.get(base + "/agenda")
		page.mustContain(t, "OPSG_106_2311 – Agenda", "1. Previous Meeting Minutes", "For decision", "Presenter: Dave Warner",
			"Performance Measurement Report – October 2023", "Paper OPSG_106_04 is classified AMBER and is not shown.",
			"paper OPSG_106_02 replaced", "version 2")
		page.mustNotContain(t, "DCC Major Incident Review", "/papers/"+i64(amber.ID))
		if res := anon.get(base + "/papers/" + i64(amber.ID)); res.status != http.StatusNotFound {
			t.Errorf("the AMBER paper for the public: status %d, want 404", res.status)
		}
		res := anon.get(base + "/papers/" + i64(clear.ID))
		if res.status != http.StatusOK || !strings.HasPrefix(res.body, "%PDF-") {
			t.Fatalf("the CLEAR paper: status %d", res.status)
		}
		if got := res.header.Get("Content-Disposition"); got != `attachment; filename="OPSG_106_02 PMR October 2023 v2.pdf"` {
			t.Errorf("Content-Disposition %q", got)
		}
		if res.header.Get("X-Content-Type-Options") != "nosniff" || res.header.Get("Content-Type") != "application/pdf" {
			t.Errorf("headers %v", res.header)
		}
		if v1 := anon.get(base + "/papers/" + i64(clear.ID) + "/versions/1"); v1.status != http.StatusOK || v1.body == res.body {
			t.Errorf("version 1: status %d, the same file as version 2: %v", v1.status, v1.body == res.body)
		}
		a.anonymous().get("/public/OPSG").mustContain(t, "Operations Group Meeting 106 agenda")
		a.anonymous().get("/public/OPSG/feed.atom").mustContain(t, "<title>OPSG_106_2311 – Agenda</title>", "paper OPSG_106_02 replaced")
		// 106's minutes are a draft: the public does not see the meeting on the schedule.
		a.anonymous().get("/committees/OPSG/calendar.ics").mustNotContain(t, "/committees/OPSG/meetings/106")
	})

	t.Run("MemberReadsEveryPaper", func(t *testing.T) {
		member := a.as("member")
		page := member.get(base + "/agenda")
		page.mustContain(t, "DCC Major Incident Review – INC000001076111", `data-testid="pack-zip"`)
		page.mustNotContain(t, "is classified AMBER and is not shown", `data-testid="publish-agenda"`, `data-testid="add-agenda-item"`)
		if res := member.get(base + "/papers/" + i64(amber.ID)); res.status != http.StatusOK {
			t.Errorf("the AMBER paper for a member: status %d", res.status)
		}
		member.get("/committees/OPSG").mustContain(t, `data-testid="coming-OPSG-106"`, `data-testid="forward-plan-link"`)
		// Their committees' coming meetings, on the committees page.
		member.get("/committees").mustContain(t, "Coming up in your committees", `data-testid="coming-OPSG-106"`)
		a.as("non-member").get("/committees").mustNotContain(t, "Coming up in your committees", `data-testid="coming-OPSG-106"`)
		// The home page lists them too, among the reader's coming meetings.
		member.get("/").mustContain(t, "Published agendas", `data-testid="coming-OPSG-106"`)
		a.as("non-member").get("/").mustNotContain(t, `data-testid="coming-OPSG-106"`)
		member.get("/committees/OPSG/calendar.ics").mustContain(t, "URL:"+a.srv.URL+"/committees/OPSG/meetings/106/agenda")
		member.get("/committees/OPSG/forward-plan").mustContain(t, "OPSG 107", "3G Sunsetting Performance", "Agenda Draft")
	})

	t.Run("TheAPIListsPapersWithTheirAddresses", func(t *testing.T) {
		var got struct {
			AgendaStatus string `json:"agenda_status"`
			Revision     int    `json:"revision"`
			Papers       []struct {
				Reference   string
				DownloadURL string `json:"download_url"`
				Withheld    bool
			}
			Items []struct {
				Number, Title, Purpose string
				Papers                 []struct {
					Reference   string
					DownloadURL string `json:"download_url"`
				}
			}
		}
		res := a.anonymous().get("/api/v1/committees/OPSG/meetings/106/agenda")
		if err := json.Unmarshal([]byte(res.body), &got); err != nil {
			t.Fatalf("%v\n%s", err, res.body)
		}
		if got.AgendaStatus != "published" || got.Revision != 2 || len(got.Items) != 1 || got.Items[0].Purpose != "decision" {
			t.Fatalf("agenda %+v", got)
		}
		if len(got.Items[0].Papers) != 1 || !strings.Contains(got.Items[0].Papers[0].DownloadURL, "/papers/") {
			t.Errorf("item 1's papers %+v", got.Items[0].Papers)
		}
		withheld := 0
		for _, p := range got.Papers {
			if p.Withheld {
				withheld++
			} else if !strings.Contains(p.DownloadURL, "/committees/OPSG/meetings/106/papers/") {
				t.Errorf("paper %s downloads from %q", p.Reference, p.DownloadURL)
			}
		}
		if withheld != 1 || !strings.Contains(res.body, `"notice": "Paper OPSG_106_04 is classified AMBER and is not shown."`) {
			t.Errorf("%d papers withheld from the public:\n%s", withheld, res.body)
		}
		if strings.Contains(res.body, "Incident Review") {
			t.Error("the API gives the public the AMBER paper's title")
		}
	})

	t.Run("PacksHoldWhatTheReaderMayRead", func(t *testing.T) {
		names := func(c *client) []string {
			res := c.get(base + "/pack.zip")
			if res.status != http.StatusOK || res.header.Get("Content-Disposition") != `attachment; filename="OPSG_106_2311 Meeting Pack.zip"` {
				t.Fatalf("pack: status %d, %v", res.status, res.header)
			}
			zr, err := zip.NewReader(bytes.NewReader([]byte(res.body)), int64(len(res.body)))
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, f := range zr.File {
				out = append(out, f.Name)
			}
			return out
		}
		public, member := names(a.anonymous()), names(a.as("member"))
		if len(public) != 5 || len(member) != 6 || public[0] != "00 OPSG_106_2311 Agenda.pdf" {
			t.Errorf("the public's pack %q, a member's %q", public, member)
		}
		for _, n := range public {
			if strings.Contains(n, "OPSG_106_04") {
				t.Errorf("the public's pack holds the AMBER paper: %s", n)
			}
		}
		res := a.anonymous().get(base + "/pack.pdf")
		if res.status != http.StatusOK || !strings.HasPrefix(res.body, "%PDF-") {
			t.Fatalf("one PDF: status %d", res.status)
		}
		text := exporttest.Words(exporttest.Text(t, []byte(res.body)))
		for _, want := range []string{"OPSG_106_2311 – Agenda", "OPSG_106_02 Performance Measurement Report – October 2023 (PDF", "in this PDF",
			"OPSG_106_03 CPM performance data – October 2023 (CSV", "not a PDF: in the zip pack", "with the final CPM 4 figure",
			"Paper OPSG_106_04 is classified AMBER and is not shown."} {
			if !strings.Contains(text, want) {
				t.Errorf("the pack's PDF lacks %q", want)
			}
		}
		if strings.Contains(text, "Root cause, incident management") {
			t.Error("the public's PDF pack holds the AMBER paper")
		}
	})
}

// TestBuildingAnAgenda builds OPSG 107's draft agenda through the router:
// items, a paper, refusals that keep nothing, publication and a revision.
func TestBuildingAnAgenda(t *testing.T) {
	a := newApp(t)
	sec, member := a.as("secretariat"), a.as("member")
	m107 := mustMeeting(t, a, 107)
	base := "/committees/OPSG/meetings/107"
	if res := member.get(base + "/agenda"); res.status != http.StatusNotFound {
		t.Fatalf("a draft agenda for a member: status %d, want 404", res.status)
	}
	res := sec.post(base+"/agenda/items/new", url.Values{"title": {"Smart Meter Installation Forecast"}, "purpose": {"discussion"},
		"start": {"13:00"}, "duration": {"abc"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Enter the duration in whole minutes") ||
		!strings.Contains(res.body, `value="Smart Meter Installation Forecast"`) {
		t.Fatalf("a bad duration: status %d\n%s", res.status, res.body)
	}
	if res := sec.post(base+"/agenda/items/new", url.Values{"title": {"Smart Meter Installation Forecast"}, "purpose": {"discussion"},
		"start": {"14:30"}, "duration": {"20"}}); res.status != http.StatusSeeOther {
		t.Fatalf("an item: status %d\n%s", res.status, res.body)
	}
	forecast := paperItem(t, a, m107, "Smart Meter Installation Forecast")
	fields := url.Values{"item": {i64(forecast)}, "title": {"Installation forecast"}, "reference": {"OPSG_107_04"}, "classification": {"CLEAR"}}
	countFiles := func() int {
		var n int
		if err := a.store.Pool().QueryRow(context.Background(), `SELECT (SELECT count(*) FROM paper_files) + (SELECT count(*) FROM papers WHERE meeting_id = $1)`, m107.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := countFiles()

	// A Word document named .pdf, and a file a byte over 25 MB: refused, nothing kept.
	res = sec.postPaper(base+"/papers/new", fields, "forecast.pdf", bytes.NewReader(samplefile.DOCX("Forecast")))
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "forecast.pdf is named as a PDF file, but its content is a Word file (.docx)") ||
		!strings.Contains(res.body, `value="Installation forecast"`) {
		t.Errorf("a mislabelled file: status %d\n%s", res.status, res.body)
	}
	head := samplefile.PDF("Forecast")
	res = sec.postPaper(base+"/papers/new", fields, "forecast.pdf", io.MultiReader(bytes.NewReader(head), io.LimitReader(zeros{}, int64(mb.MaxPaperBytes+1-len(head)))))
	if res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, "larger than 25 MB, the most a paper may be: nothing was saved") {
		t.Errorf("a file over 25 MB: status %d\n%.400s", res.status, res.body)
	}
	// A body past the whole form's limit: refused as it is read, with the
	// fields typed before the file kept.
	res = sec.postPaperSized(base+"/papers/new", fields, "forecast.pdf", io.MultiReader(bytes.NewReader(head), io.LimitReader(zeros{}, int64(mb.MaxPaperBytes+2<<20))))
	if res.status != http.StatusRequestEntityTooLarge || !strings.Contains(res.body, `value="Installation forecast"`) {
		t.Errorf("a body past the form's limit: status %d\n%.400s", res.status, res.body)
	}
	if after := countFiles(); after != before {
		t.Errorf("the refusals left %d files or papers behind", after-before)
	}

	res = sec.postPaper(base+"/papers/new", fields, "OPSG_107_04 Forecast.pdf", bytes.NewReader(samplefile.PDF("Installation forecast", "Q4 2023.")))
	if res.status != http.StatusSeeOther {
		t.Fatalf("a paper: status %d\n%s", res.status, res.body)
	}
	sec.get(base+"/agenda").mustContain(t, "4. Smart Meter Installation Forecast", "For discussion", "Time: 14:30 (20 min)",
		"OPSG_107_04</strong> Installation forecast", `data-testid="publish-agenda"`)
	if res := sec.post(base+"/agenda/publish", nil); res.status != http.StatusSeeOther {
		t.Fatalf("publish: status %d", res.status)
	}
	p := paperByReference(t, a, m107, "OPSG_107_04")
	res = sec.postPaper(base+"/papers/"+i64(p.ID)+"/replace", url.Values{"version": {itoa(p.Version)}}, "OPSG_107_04 Forecast v2.pdf",
		bytes.NewReader(samplefile.PDF("Installation forecast", "Q4 2023, revised.")))
	if res.status != http.StatusSeeOther {
		t.Fatalf("replace: status %d\n%s", res.status, res.body)
	}
	page := member.get(base + "/agenda")
	if page.status != http.StatusOK {
		t.Fatalf("the published agenda for a member: status %d", page.status)
	}
	page.mustContain(t, "Published on", "revised once since", "paper OPSG_107_04 replaced", "Earlier versions")
	member.get("/committees/OPSG").mustContain(t, `data-testid="coming-OPSG-107"`)
}

// paperItem is the id of the meeting's item with the title.
func paperItem(t *testing.T, a *app, m *mb.Meeting, title string) int64 {
	t.Helper()
	items, err := a.store.Items(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Title == title {
			return it.ID
		}
	}
	t.Fatalf("%s has no item %q", m.ShortName(), title)
	return 0
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestNewPaperSuggestsTheItemsLevel: a paper of a sub-item of an AMBER item
// is offered AMBER, the least the save will take, not the sub-item's own
// (none) or the document's.
func TestNewPaperSuggestsTheItemsLevel(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	m107 := mustMeeting(t, a, 107)
	parent := &mb.Item{MeetingID: m107.ID, Title: "Commercial matters", Classification: mb.Amber}
	if err := a.store.CreateItem(ctx, parent); err != nil {
		t.Fatal(err)
	}
	sub := &mb.Item{MeetingID: m107.ID, ParentID: &parent.ID, Title: "The contract"}
	if err := a.store.CreateItem(ctx, sub); err != nil {
		t.Fatal(err)
	}
	res := a.as("secretariat").get("/committees/OPSG/meetings/107/papers/new?item=" + i64(sub.ID))
	res.mustContain(t, `<option value="AMBER" selected>`)
}
