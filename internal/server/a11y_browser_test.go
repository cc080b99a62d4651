package server_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/browsertest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/server"
	"github.com/minutebook/minutebook/web"
)

// The accessibility check (issue 21) visits every page the router serves,
// taking each page's example address and who may read it from the
// authorization matrix: a route that joins the matrix joins the check with
// nothing more to write. Each page is read by the least privileged reader
// the matrix lets read it and by the administrator; the pages in
// a11yEveryReader by every reader the matrix lets read them, since what
// they show differs most by reader. a11yMore adds states the matrix's
// addresses do not reach (a draft with comments, an error page), and
// a11yEditors the workspace with each of its editors open.

// a11yWidths are the viewports every page is checked at: axe-core runs at
// the first two, and none may scroll sideways at any.
var a11yWidths = []int{1280, 390, 320}

// a11yEveryReader are the main pages, read as every kind of reader.
var a11yEveryReader = []string{
	"GET /",
	"GET /public",
	"GET /public/{code}/{number}",
	"GET /committees",
	"GET /committees/{code}",
	"GET /committees/{code}/meetings/{number}",
	"GET /actions",
	"GET /actions/{code}/{meeting}/{sequence}",
	"GET /committees/{code}/risks",
	"GET /escalations",
	"GET /account",
	"GET /search",
	"GET /refs/{reference}",
}

// a11yMore are pages in states the matrix's addresses do not show, with
// the reader who reads them.
var a11yMore = []struct{ who, path string }{
	// A draft with comments and the secretariat's controls on every item,
	// as the secretariat and as a member who may comment.
	{"secretariat", "/committees/OPSG/meetings/106"},
	{"member", "/committees/OPSG/meetings/106"},
	{"secretariat", "/committees/OPSG/meetings/106/attendance"},
	{"secretariat", "/committees/OPSG/meetings/106/history"},
	{"secretariat", "/committees/OPSG/meetings/105/history"},
	{"member", "/actions?status=all"},
	{"", "/no/such/page"},
}

// a11yEditors are the workspace's states with an editor open in place:
// each editor's address renders the whole workspace with that editor open,
// which is what its button swaps in with JavaScript. They are read on the
// demo's PANEL 120, circulated with the formal record in full (a named
// vote with a proxy, a declaration, apologies), and, for the sub-item
// editor no demo draft reaches, on the matrix's OPSG 201; and the agenda's
// editors on the demo's OPSG 106 and 107.
func a11yEditors(t *testing.T, a *app, ids map[string]string) []a11yVisit {
	t.Helper()
	ctx := context.Background()
	m, err := a.store.MeetingByNumber(ctx, "PANEL", 120)
	if err != nil {
		t.Fatal(err)
	}
	items, err := a.store.Items(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var voted *mb.Item
	for _, it := range items {
		if len(it.Decisions) > 0 && len(it.Declarations) > 0 {
			voted = it
		}
	}
	if voted == nil {
		t.Fatal("PANEL 120 in the demo has no item with a declaration and a decision")
	}
	item, err := strconv.ParseInt(ids["item"], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	code, n, d := m.CommitteeCode, m.Number, voted.Decisions[0].ID
	visits := []a11yVisit{
		{path: web.MeetingPath(code, n)},
		{path: web.AttendancePath(code, n)},
		{path: web.VotePath(code, n, d)},
		{path: web.ItemNewPath(code, n, 0), sendBack: true},
		{path: web.ItemEditPath(code, n, voted.ID), sendBack: true},
		{path: web.DecisionNewPath(code, n, voted.ID), sendBack: true},
		{path: web.DecisionEditPath(code, n, d), sendBack: true},
		{path: web.DeclarationNewPath(code, n, voted.ID), sendBack: true},
		{path: web.DeclarationEditPath(code, n, voted.Declarations[0].ID), sendBack: true},
		{path: web.RaisedActionNewPath(code, n, voted.ID), sendBack: true},
		{path: web.ItemNewPath("OPSG", 201, item), sendBack: true},
	}
	// The agendas (issue 16): OPSG 106's published with its papers, 107's
	// a draft.
	m106, err := a.store.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	agenda, err := a.store.Agenda(ctx, m106)
	if err != nil {
		t.Fatal(err)
	}
	papers := agenda.AllPapers()
	if len(agenda.Items) == 0 || len(papers) == 0 {
		t.Fatal("OPSG 106 in the demo has no agenda item or paper")
	}
	visits = append(visits,
		a11yVisit{path: web.AgendaItemEditPath("OPSG", 106, agenda.Items[0].Item.ID), sendBack: true},
		a11yVisit{path: web.PaperNewPath("OPSG", 106, agenda.Items[0].Item.ID), sendBack: true},
		a11yVisit{path: web.PaperEditPath("OPSG", 106, papers[0].ID), sendBack: true},
		a11yVisit{path: web.AgendaItemNewPath("OPSG", 107, 0), sendBack: true},
	)
	sec := a.as("secretariat")
	for i := range visits {
		visits[i].who = "secretariat"
		if res := sec.get(visits[i].path); res.status != http.StatusOK {
			t.Errorf("%s as the secretariat: status %d, so the accessibility check would read a refusal", visits[i].path, res.status)
		}
	}
	return visits
}

// servesPage says whether a GET route answers with an HTML page rather
// than a file (a paper as uploaded, a pack), a feed, JSON or a probe.
func servesPage(key string) bool {
	_, pattern, _ := strings.Cut(key, " ")
	for _, suffix := range []string{".pdf", ".docx", ".csv", ".ics", ".atom", ".zip", "/*", "/papers/{paper}", "/papers/{paper}/versions/{version}"} {
		if strings.HasSuffix(pattern, suffix) {
			return false
		}
	}
	return !strings.HasPrefix(pattern, "/api/") && !strings.HasPrefix(pattern, "/calendar/") &&
		!slices.Contains([]string{"/healthz", "/readyz", "/metrics"}, pattern)
}

// a11yVisit is one page read by one reader.
type a11yVisit struct {
	who, path string
	sendBack  bool // an editor: checked again sent back with its problems
}

// a11yVisits derives the visits from the matrix, every reader's first.
func a11yVisits(t *testing.T, m map[string]route, more ...a11yVisit) []a11yVisit {
	t.Helper()
	var visits []a11yVisit
	for key, r := range m {
		if !strings.HasPrefix(key, "GET ") || !servesPage(key) {
			continue
		}
		var allowed []string
		for i, who := range readers {
			if r.expect[i] == allow {
				allowed = append(allowed, who)
			}
		}
		if len(allowed) == 0 {
			continue
		}
		who := []string{allowed[0]}
		if slices.Contains(a11yEveryReader, key) {
			who = allowed
		} else if last := allowed[len(allowed)-1]; last != allowed[0] {
			who = append(who, last)
		}
		for _, w := range who {
			visits = append(visits, a11yVisit{who: w, path: r.path})
		}
	}
	for _, v := range a11yMore {
		visits = append(visits, a11yVisit{who: v.who, path: v.path})
	}
	visits = append(visits, more...)
	slices.SortStableFunc(visits, func(a, b a11yVisit) int {
		return slices.Index(readers, a.who) - slices.Index(readers, b.who)
	})
	return visits
}

// TestEveryPageIsAccessibleAndFitsAPhone runs axe-core's WCAG 2.0, 2.1 and
// 2.2 A and AA rules on every page, its disclosures open, for every kind
// of reader at 1280 and 390 px, and fails on any violation and on any page wider than its
// viewport at 1280, 390 or 320 px. One server and one browser serve every
// visit. With MINUTEBOOK_A11Y_SHOTS set to a directory, it saves a
// screenshot of every page at 390 px there.
func TestEveryPageIsAccessibleAndFitsAPhone(t *testing.T) {
	if os.Getenv(browsertest.EnvE2E) != "1" {
		t.Skip("the accessibility check runs with " + browsertest.EnvE2E + "=1")
	}
	a := newApp(t)
	ids := matrixFixtures(t, a)
	m := matrix(ids)
	for _, key := range a11yEveryReader {
		if _, ok := m[key]; !ok {
			t.Errorf("a11yEveryReader names %s, which is not in the authorization matrix", key)
		}
	}
	pageRoutesCovered(t, a, m)
	shots := os.Getenv("MINUTEBOOK_A11Y_SHOTS")
	b := browsertest.New(t)
	visits := a11yVisits(t, m, a11yEditors(t, a, ids)...)
	current := "-"
	for _, v := range visits {
		if v.who != current {
			current = v.who
			b.Run(t, network.ClearBrowserCookies())
			if v.who != "" {
				b.Run(t, chromedp.EmulateViewport(1280, 900), a.signInAction(v.who))
			}
		}
		name := v.who
		if name == "" {
			name = "anonymous"
		}
		// Every disclosure opened, so that what it holds (the heat map's
		// table, a roll-call line's choices) is checked and measured too.
		b.Run(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(a.srv.URL+v.path), openDisclosures)
		a11yCheck(t, b, name+v.path, shots)
		if v.sendBack {
			// The editor sent back: its fields emptied and saved,
			// the 422 answer swapped in place by the workspace's script (or,
			// on a form of its own, the page "Error: …") with its summary of
			// problems.
			b.Run(t, chromedp.EmulateViewport(1280, 900), chromedp.Evaluate(`(() => {
				const f = document.querySelector("main form[data-editor]") || document.querySelector("main form.stacked");
				f.querySelectorAll("select").forEach(e => { if (e.querySelector("option[value='']")) e.value = "" });
				f.querySelectorAll("textarea, input[type=text], input[type=date]").forEach(e => { e.value = "" });
				(f.querySelector("[data-primary]") || f.querySelector("button[type=submit]")).click();
			})()`, nil), chromedp.WaitVisible(`[data-testid=error-summary]`, chromedp.ByQuery), openDisclosures)
			a11yCheck(t, b, name+v.path+" sent back", shots)
		}
	}
	t.Logf("%d page visits checked", len(visits))
}

var openDisclosures = chromedp.Evaluate(`document.querySelectorAll("details").forEach(d => { d.open = true })`, nil)

// a11yCheck fails on any axe violation on the current page at 1280 and
// 390 px and on any overflow at every width in a11yWidths.
func a11yCheck(t *testing.T, b *browsertest.Browser, name, shots string) {
	t.Helper()
	for _, width := range a11yWidths {
		b.Run(t, chromedp.EmulateViewport(int64(width), 900))
		if px := b.Overflow(t); px > 0 {
			t.Errorf("%s at %d px: the page is %d px wider than the viewport", name, width, px)
		}
		if width == 320 {
			continue
		}
		for _, found := range b.Axe(t, browsertest.WCAGTags...) {
			t.Errorf("%s at %d px: %s", name, width, found)
		}
		if width == 390 && shots != "" {
			var png []byte
			b.Run(t, chromedp.FullScreenshot(&png, 100))
			file := filepath.Join(shots, browsertest.FileName(name)+".png")
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// pageRoutesCovered fails when a GET route that serves a page would not be
// visited: every one must be in the authorization matrix with at least one
// reader allowed to read its example address.
func pageRoutesCovered(t *testing.T, a *app, m map[string]route) {
	t.Helper()
	srv := server.New(server.Config{Store: a.store, PasswordParams: password.Cheap})
	err := chi.Walk(srv.Router().(chi.Routes), func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		key := method + " " + pattern
		if method != http.MethodGet || !servesPage(key) {
			return nil
		}
		r, ok := m[key]
		if !ok {
			t.Errorf("%s serves a page but is not in the authorization matrix, so the accessibility check skips it", key)
		} else if !slices.Contains(r.expect[:], allow) {
			t.Errorf("%s: no reader may read its example page %s, so the accessibility check never sees it", key, r.path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
