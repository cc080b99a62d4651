package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// TestSearchPage: the search through the router, over the demo: the
// words highlighted, the count, filters in the URL, the reader's rule (a
// member finds OPSG 104's AMBER minutes, the public does not), a reference
// typed whole goes to its history, and bad filters are said.
func TestSearchPage(t *testing.T) {
	a := newApp(t)
	member, anon := a.as("member"), a.anonymous()

	res := member.get("/search?q=scheduled+read+window")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	res.mustContain(t, `data-testid="search-count"`, "<mark>Scheduled</mark>", "CSP North Scaling", "/committees/OPSG/meetings/104")
	res = anon.get("/search?q=scheduled+read+window")
	res.mustContain(t, "Nothing matches.")
	res.mustNotContain(t, "CSP North Scaling")

	res = anon.get("/search?q=%22major+incident%22&kind=item")
	res.mustContain(t, "Formal Report for", "<mark>Major</mark> <mark>Incident</mark>")
	res.mustNotContain(t, ">Action note ·")
	res = member.get("/search?q=incident&kind=decision&decision=AGREED")
	res.mustContain(t, "<mark>Incident</mark> INC000001076111 would require another draft")
	res.mustNotContain(t, "the summary")
	res = member.get("/search?q=incident&sort=date&per_page=1")
	res.mustContain(t, "Showing 1–1 of", `rel="next"`, "per_page=1")

	for _, q := range []string{"MP242", "mp242", "OPSG 105/01"} {
		res = member.get("/search?q=" + url.QueryEscape(q))
		if res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/refs/") {
			t.Errorf("%q: status %d to %q, want the reference's history", q, res.status, res.location)
		}
	}
	res = member.get("/search?q=incident&from=tomorrow&kind=everything")
	if res.status != http.StatusOK {
		t.Fatalf("bad filters: status %d", res.status)
	}
	res.mustContain(t, `data-testid="error-summary"`, "Choose one of the kinds of record.")

	// The header's box on every page: the reader's search, or the public's.
	member.get("/actions").mustContain(t, `action="/search"`, `data-testid="site-search"`)
	anon.get("/public").mustContain(t, `action="/public/search"`)
}

// TestSearchOddAddresses: what PostgreSQL cannot hold (a NUL, bytes that
// are not UTF-8) and pages far past the end answer as pages, not errors.
func TestSearchOddAddresses(t *testing.T) {
	a := newApp(t)
	member := a.as("member")
	for _, path := range []string{"/search?q=DUIS%00traffic%FF", "/api/v1/search?q=%00", "/public/search?q=%FF%FE",
		"/search?q=DUIS&page=999999999999999999", "/refs/MP242?page=999999999999999999"} {
		if res := member.get(path); res.status != http.StatusOK {
			t.Errorf("%s: status %d", path, res.status)
		}
	}
	for _, path := range []string{"/refs/MP%00242", "/refs/%FF"} {
		if res := member.get(path); res.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.status)
		}
	}
}

// TestPublicSearch: the public site's search reads published CLEAR
// minutes only, whoever asks, and links to the public site.
func TestPublicSearch(t *testing.T) {
	a := newApp(t)
	res := a.as("secretariat").get("/public/search?q=scheduled+read+window")
	res.mustContain(t, "Nothing matches.")
	res = a.anonymous().get("/public/search?q=DUIS+traffic")
	res.mustContain(t, "<mark>DUIS</mark> <mark>traffic</mark>", `href="/public/OPSG/`)
	res.mustNotContain(t, `href="/committees/OPSG/meetings/`)
	if res := a.anonymous().get("/public/search?q=INC000001076111"); res.status != http.StatusSeeOther || res.location != "/refs/INC000001076111" {
		t.Errorf("an exact reference: %d to %q", res.status, res.location)
	}
	// Signed in, the public site's search stays the public's: a
	// reference's page would read as the secretariat.
	res = a.as("secretariat").get("/public/search?q=INC000001076111")
	if res.status != http.StatusOK {
		t.Fatalf("an exact reference on the public search, signed in: %d to %q", res.status, res.location)
	}
	res.mustNotContain(t, `href="/committees/OPSG/meetings/`)
}

// TestReferencePage: MP242, raised at OPSG 102, sent on by the Panel's
// 119th meeting and back at OPSG 105 (the Panel's AMBER 120th, which
// approves it, is for its members): every mention in date order with its
// meeting, the decisions and actions of those items, and the timeline.
func TestReferencePage(t *testing.T) {
	a := newApp(t)
	res := a.anonymous().get("/refs/MP242")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	res.mustContain(t, "<h1>MP242</h1>", "referred by the OPSG on 12 September 2023", "<mark>MP242</mark>",
		"<strong>AGREED</strong> that MP242 proceed to its Final Modification Report", "SECAS to return MP242 to the OPSG",
		"/committees/PANEL/meetings/119")
	legs := strings.Split(res.body, `data-testid="timeline-leg"`)
	if len(legs) != 4 || !strings.Contains(legs[1], "OPSG") || !strings.Contains(legs[2], "PANEL") || !strings.Contains(legs[3], "OPSG") {
		t.Errorf("timeline of %d legs, want OPSG → PANEL → OPSG", len(legs)-1)
	}
	first, panel, back := strings.Index(res.body, "12 Sep 2023"), strings.Index(res.body, "PANEL 119 · 28 Sep 2023"), strings.Index(res.body, "OPSG 105 · 23 Oct 2023")
	if first < 0 || panel < first || back < panel {
		t.Errorf("mentions out of date order: %d, %d, %d", first, panel, back)
	}
	// The minutes link what they name; the files do not.
	minutes := a.anonymous().get("/public/OPSG/105")
	minutes.mustContain(t, `<a href="/refs/MP242"`, `href="/refs/INC000001076111"`)
	if res := a.anonymous().get("/refs/OPSG%20105%2F01"); res.status != http.StatusOK || !strings.Contains(res.body, "<h1>OPSG 105/01</h1>") {
		t.Errorf("an action reference's page: %d", res.status)
	}
	res = a.anonymous().get("/refs/NOTHING1")
	res.mustContain(t, "Nothing you may read mentions NOTHING1.")
}

// TestSearchAPI: /api/v1/search and /api/v1/refs/{reference} by the same
// rule, as JSON.
func TestSearchAPI(t *testing.T) {
	a := newApp(t)
	var out struct {
		Total   int `json:"total"`
		Results []struct {
			Kind        string `json:"kind"`
			Committee   string `json:"committee"`
			Snippet     string `json:"snippet"`
			SnippetHTML string `json:"snippet_html"`
			URL         string `json:"url"`
		} `json:"results"`
	}
	res := a.as("member").get("/api/v1/search?q=scheduled+read+window")
	if err := json.Unmarshal([]byte(res.body), &out); err != nil || out.Total == 0 || !strings.Contains(out.Results[0].SnippetHTML, "<mark>") {
		t.Fatalf("member search: %v %+v", err, out)
	}
	res = a.anonymous().get("/api/v1/search?q=scheduled+read+window")
	if err := json.Unmarshal([]byte(res.body), &out); err != nil || out.Total != 0 {
		t.Errorf("the public finds AMBER minutes: %+v", out)
	}
	if res := a.anonymous().get("/api/v1/search?q=x&per_page=9999"); res.status != http.StatusUnprocessableEntity && res.status != http.StatusBadRequest {
		t.Errorf("per_page 9999: status %d", res.status)
	}
	var ref struct {
		Reference string `json:"reference"`
		Total     int    `json:"total"`
		Timeline  []struct {
			Committee string `json:"committee"`
		} `json:"timeline"`
		Decisions []struct {
			Kind string `json:"kind"`
		} `json:"decisions"`
	}
	res = a.anonymous().get("/api/v1/refs/MP242")
	if err := json.Unmarshal([]byte(res.body), &ref); err != nil || ref.Reference != "MP242" || len(ref.Timeline) != 3 || ref.Timeline[1].Committee != "PANEL" {
		t.Errorf("reference API: %v %+v", err, ref)
	}
}

// TestReferencePatternsForm: an administrator sets the installation's
// patterns; a line that is not "Label = pattern" or a pattern PostgreSQL
// cannot read comes back as typed with its message.
func TestReferencePatternsForm(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")
	admin.get("/admin/references").mustContain(t, `Incident = INC\d+`)
	res := admin.post("/admin/references", url.Values{"patterns": {"Broken = ("}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("broken pattern: status %d", res.status)
	}
	res.mustContain(t, "is not a regular expression PostgreSQL can read", "Broken = (")
	res = admin.post("/admin/references", url.Values{"patterns": {"Incident = INC\\d+\nSmart meter release = R\\d\\.\\d"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("save: status %d\n%s", res.status, res.body)
	}
	// MP242 is no installation pattern now: the search reads it as words.
	if res := a.anonymous().get("/search?q=MP242"); res.status != http.StatusOK {
		t.Errorf("MP242 after the patterns changed: status %d", res.status)
	}
	a.anonymous().get("/refs/MP242").mustContain(t, "Nothing you may read mentions MP242.")
}

// TestSearchSeesWrites: results a server keeps go when a write moves what
// they show: an item written into a draft after a search is found by the
// same search asked again, and the reference it names has its history.
func TestSearchSeesWrites(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	sec.get("/search?q=zebra").mustContain(t, "Nothing matches.")
	sec.get("/refs/MP999").mustContain(t, "Nothing you may read mentions MP999.")
	m, err := a.store.MeetingByNumber(context.Background(), "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.store.CreateItem(context.Background(), &mb.Item{MeetingID: m.ID, Title: "Zebra crossings", Minute: "MP999 was raised."}); err != nil {
		t.Fatal(err)
	}
	sec.get("/search?q=zebra").mustContain(t, "<mark>Zebra</mark> crossings")
	sec.get("/refs/MP999").mustContain(t, "<mark>MP999</mark> was raised.")
}

// TestSearchFindsAgendas: over the demo, a member finds OPSG 106's paper
// on MP242 by its title, linked to the paper, and the item of its
// published agenda (the minutes are a draft), linked to the item on the
// agenda; not the items of 107's draft agenda. MP242's page shows the
// paper among the minutes that mention it.
func TestSearchFindsAgendas(t *testing.T) {
	a := newApp(t)
	member := a.as("member")
	m, err := a.store.MeetingByNumber(context.Background(), "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	var paper int64
	if err := a.store.Pool().QueryRow(context.Background(), `SELECT id FROM papers WHERE meeting_id = $1 AND reference = 'OPSG_106_05'`, m.ID).Scan(&paper); err != nil {
		t.Fatal(err)
	}
	res := member.get("/search?q=subsequent+success&kind=paper")
	res.mustContain(t, "Paper · OPSG 106", `href="`+web.PaperPath("OPSG", 106, paper)+`"`, "OPSG_106_05 MP242 definitions of re-try <mark>success</mark>")
	res = member.get("/search?q=minutes&kind=agenda")
	res.mustContain(t, "Item on a published agenda · OPSG 106", `href="`+web.AgendaAtItemPath("OPSG", 106, "1")+`"`, "For decision")
	res.mustNotContain(t, "/meetings/107/")
	member.get("/search?q=sunsetting").mustNotContain(t, "/meetings/107/")
	a.anonymous().get(web.AgendaPath("OPSG", 106)).mustContain(t, `id="`+web.AgendaItemAnchor("1")+`"`)

	var out struct {
		Results []struct {
			Kind string `json:"kind"`
			URL  string `json:"url"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(member.get("/api/v1/search?q=subsequent+success").body), &out); err != nil || len(out.Results) == 0 ||
		out.Results[0].Kind != "paper" || out.Results[0].URL != web.PaperPath("OPSG", 106, paper) {
		t.Errorf("the API's paper: %v %+v", err, out)
	}
	a.anonymous().get("/refs/MP242").mustContain(t, "Paper · OPSG 106", "OPSG_106_05 <mark>MP242</mark> definitions", `href="`+web.PaperPath("OPSG", 106, paper)+`"`)
}
