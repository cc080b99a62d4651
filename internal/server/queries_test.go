package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
	"github.com/minutebook/minutebook/internal/server"
)

// queryBudget is how many statements one request of a page may send, who
// asks, and the path to ask for ({code} and {number} are filled from the
// data: the OPSG and its newest published CLEAR main meeting that raised
// actions; {draft} is one of its meetings whose minutes are in draft).
type queryBudget struct {
	path   string
	as     string
	budget int
	status int // the status the page answers with; 0 means 200
}

// signedInQueries is what every signed-in request costs before its page
// starts: the session, the user, their roles, the committees' parents.
const signedInQueries = 4

// queryBudgets has an entry for every page (GET route). A GET route added
// without one fails TestQueriesPerPage: decide what it may cost. The
// formal record (issue 20) added one statement to the committee page (its
// attendance record); the minutes read their signature with their audience
// (postgres.MinutesAudience), in no statement of its own. The formal
// record's own pages are in formal_queries_test.go.
var queryBudgets = map[string]queryBudget{
	"GET /healthz":  {path: "/healthz", budget: 0},
	"GET /readyz":   {path: "/readyz", budget: 0},
	"GET /metrics":  {path: "/metrics", budget: 1}, // the queue's depth
	"GET /static/*": {path: "/static/style.css", budget: 0},
	"GET /":         {path: "/", as: "member", budget: signedInQueries + 4},
	"GET /sign-in":  {path: "/sign-in", budget: 0},
	"GET /public":   {path: "/public", as: "member", budget: signedInQueries + 2},
	"GET /account":  {path: "/account", as: "member", budget: signedInQueries + 4},
	"GET /audit":    {path: "/audit", as: "secretariat", budget: signedInQueries + 3},
	// The committees, and the coming meetings of the member's (issue 16).
	"GET /committees": {path: "/committees", as: "member", budget: signedInQueries + 2},

	"GET /committees/{code}": {path: "/committees/{code}", as: "member", budget: signedInQueries + 6},
	// Published minutes are served again as rendered (a second request:
	// the meeting and the reader's attendance); a draft is rendered for
	// each request, with the references it names linked (issue 17).
	"GET /committees/{code}/meetings/{number}":         {path: "/committees/{code}/meetings/{number}", as: "member", budget: signedInQueries + 3},
	"GET /committees/{code}/meetings/{number} (draft)": {path: "/committees/{code}/meetings/{draft}", as: "secretariat", budget: signedInQueries + 14}, // the workspace: + the minutes it may approve, + the references its text names (issue 17)
	// A committee's standing items (issue 14); a new meeting reads the
	// previous meeting's items, whose titles it may copy.
	"GET /committees/{code}/standing-items":         {path: "/committees/{code}/standing-items", as: "secretariat", budget: signedInQueries + 1},
	"GET /committees/{code}/meetings/new":           {path: "/committees/{code}/meetings/new", as: "secretariat", budget: signedInQueries + 7},
	"GET /committees/{code}/meetings/{number}/edit": {path: "/committees/{code}/meetings/{number}/edit", as: "secretariat", budget: signedInQueries + 3},

	"GET /committees/new":                {path: "/committees/new", as: "admin", budget: signedInQueries + 2},
	"GET /committees/{code}/edit":        {path: "/committees/{code}/edit", as: "admin", budget: signedInQueries + 3},
	"GET /committees/{code}/members/new": {path: "/committees/{code}/members/new", as: "admin", budget: signedInQueries + 3},
	"GET /admin/people":                  {path: "/admin/people", as: "admin", budget: signedInQueries + 1},
	"GET /admin/people/new":              {path: "/admin/people/new", as: "admin", budget: signedInQueries + 1},
	"GET /admin/users":                   {path: "/admin/users", as: "admin", budget: signedInQueries + 1},
	"GET /admin/references":              {path: "/admin/references", as: "admin", budget: signedInQueries + 1},
	"GET /admin/users/new":               {path: "/admin/users/new", as: "admin", budget: signedInQueries + 1},
	"GET /admin/users/{id}":              {path: "/admin/users/{user}", as: "admin", budget: signedInQueries + 2},
	// Telling people (issue 18). {message} is a message kept in the
	// outbox, {unsubscribe} the member's signed unsubscribe link.
	"GET /admin/outbox":        {path: "/admin/outbox", as: "admin", budget: signedInQueries + 2},
	"GET /admin/outbox/{id}":   {path: "/admin/outbox/{message}", as: "admin", budget: signedInQueries + 1},
	"GET /unsubscribe/{token}": {path: "/unsubscribe/{unsubscribe}", budget: 1},

	// The actions register (issue 5). {sequence} is an action raised at
	// meeting {number}; {token} the member's calendar feed secret.
	"GET /actions":     {path: "/actions", as: "member", budget: signedInQueries + 2},
	"GET /actions.csv": {path: "/actions.csv", as: "member", budget: signedInQueries + 2},
	"GET /actions/{code}/{meeting}/{sequence}":                {path: "/actions/{code}/{number}/{sequence}", as: "member", budget: signedInQueries + 3},
	"GET /api/v1/actions":                                     {path: "/api/v1/actions", as: "member", budget: signedInQueries + 2},
	"GET /api/v1/actions/{code}/{meeting}/{sequence}":         {path: "/api/v1/actions/{code}/{number}/{sequence}", as: "member", budget: signedInQueries + 2},
	"GET /calendar/{token}":                                   {path: "/calendar/{token}.ics", budget: 10},
	"GET /committees/{code}/actions/new":                      {path: "/committees/{code}/actions/new", as: "secretariat", budget: signedInQueries + 3},
	"GET /committees/{code}/calendar.ics":                     {path: "/committees/{code}/calendar.ics", budget: 5},
	"GET /committees/{code}/meetings/{number}/actions/review": {path: "/committees/{code}/meetings/{draft}/actions/review", as: "secretariat", budget: signedInQueries + 9},

	// Minutes (issue 4). {held} is the OPSG's latest held meeting, whose
	// minutes are a draft, with {item}, {decision} and {action} in it;
	// {circulated} the Panel's latest, out for comment.
	// The workspace (issue 14): an editor's GET is the meeting's page as the
	// secretariat reads it, with the form's own lists (vocabulary,
	// organisations and people) and the editor's draft.
	"GET /committees/{code}/meetings/{number}/attendance":                 {path: "/committees/{code}/meetings/{held}/attendance", as: "secretariat", budget: signedInQueries + 11},
	"GET /committees/{code}/meetings/{number}/items/new":                  {path: "/committees/{code}/meetings/{held}/items/new", as: "secretariat", budget: signedInQueries + 17},
	"GET /committees/{code}/meetings/{number}/items/{item}/edit":          {path: "/committees/{code}/meetings/{held}/items/{item}/edit", as: "secretariat", budget: signedInQueries + 18},
	"GET /committees/{code}/meetings/{number}/items/{item}/decisions/new": {path: "/committees/{code}/meetings/{held}/items/{item}/decisions/new", as: "secretariat", budget: signedInQueries + 19},
	"GET /committees/{code}/meetings/{number}/decisions/{decision}/edit":  {path: "/committees/{code}/meetings/{held}/decisions/{decision}/edit", as: "secretariat", budget: signedInQueries + 20},
	"GET /committees/{code}/meetings/{number}/items/{item}/actions/new":   {path: "/committees/{code}/meetings/{held}/items/{item}/actions/new", as: "secretariat", budget: signedInQueries + 20},
	"GET /committees/{code}/meetings/{number}/actions/{action}/edit":      {path: "/committees/{code}/meetings/{held}/actions/{action}/edit", as: "secretariat", budget: signedInQueries + 22},
	"GET /committees/{code}/meetings/{number}/approve":                    {path: "/committees/PANEL/meetings/{circulated}/approve", as: "secretariat", budget: signedInQueries + 8},
	// The circulate confirmation reads the draft (the document's own
	// statements) to warn of decisions taken while inquorate.
	"GET /committees/{code}/meetings/{number}/circulate":  {path: "/committees/{code}/meetings/{held}/circulate", as: "secretariat", budget: signedInQueries + 12},
	"GET /committees/{code}/meetings/{number}/publish":    {path: "/committees/{code}/meetings/{number}/publish", as: "secretariat", budget: signedInQueries + 4, status: http.StatusConflict},
	"GET /committees/{code}/meetings/{number}/correction": {path: "/committees/{code}/meetings/{number}/correction", as: "secretariat", budget: signedInQueries + 3},
	"GET /committees/{code}/meetings/{number}/history":    {path: "/committees/{code}/meetings/{number}/history", as: "member", budget: signedInQueries + 4},
	// The minutes as files (issue 19): the page's view without its comments.
	"GET /committees/{code}/meetings/{number}.pdf":                     {path: "/committees/{code}/meetings/{number}.pdf", as: "member", budget: signedInQueries + 13},
	"GET /committees/{code}/meetings/{number}.docx":                    {path: "/committees/{code}/meetings/{number}.docx", as: "member", budget: signedInQueries + 13},
	"GET /committees/{code}/meetings/{number}/versions/{version}.pdf":  {path: "/committees/{code}/meetings/{number}/versions/1.pdf", as: "member", budget: signedInQueries + 5},
	"GET /committees/{code}/meetings/{number}/versions/{version}.docx": {path: "/committees/{code}/meetings/{number}/versions/1.docx", as: "member", budget: signedInQueries + 5},
	// The public index and its feed also list the published agendas (issue 16): one statement.
	"GET /public/{code}":           {path: "/public/{code}", budget: 3},
	"GET /public/{code}/feed.atom": {path: "/public/{code}/feed.atom", budget: 4},
	"GET /public/{code}/{number}":  {path: "/public/{code}/{number}", budget: 2},
	"GET /api/v1/committees":       {path: "/api/v1/committees", as: "member", budget: signedInQueries + 1},
	// Search (issue 17): the committees, whether the words are a
	// reference, and the search; a reference's page reads the committees' epochs, its
	// mentions, their items' decisions and actions, and its timeline.
	"GET /search":                                     {path: "/search?q=incident", as: "member", budget: signedInQueries + 3},
	"GET /public/search":                              {path: "/public/search?q=incident", budget: 3},
	"GET /api/v1/search":                              {path: "/api/v1/search?q=incident", as: "member", budget: signedInQueries + 2},
	"GET /refs/{reference}":                           {path: "/refs/MP242", as: "member", budget: signedInQueries + 3},
	"GET /api/v1/refs/{reference}":                    {path: "/api/v1/refs/MP242", as: "member", budget: signedInQueries + 3},
	"GET /api/v1/committees/{code}/meetings":          {path: "/api/v1/committees/{code}/meetings", as: "member", budget: signedInQueries + 3},
	"GET /api/v1/committees/{code}/meetings/{number}": {path: "/api/v1/committees/{code}/meetings/{number}", as: "member", budget: signedInQueries + 3},
	"GET /api/v1/committees/{code}/meetings/{number} (draft)": {path: "/api/v1/committees/{code}/meetings/{draft}", as: "secretariat",
		budget: signedInQueries + 11},

	// Importing minutes (issue 7). {import} is the secretariat's upload of
	// a short document for a meeting the data set lacks: its preview runs
	// a trial import, whose statements follow the document, not the data.
	"GET /committees/{code}/import": {path: "/committees/{code}/import", as: "secretariat", budget: signedInQueries + 2},
	// Issue 15's trial import reads more (the committee's people by their
	// initials among it): two statements for this document; issue 14's part
	// attendance by item ids, three more.
	"GET /committees/{code}/import/{token}": {path: "/committees/{code}/import/{import}", as: "secretariat", budget: signedInQueries + 52},
	// Putting people right after an import (issue 15).
	"GET /committees/{code}/people":            {path: "/committees/{code}/people", as: "secretariat", budget: signedInQueries + 2},
	"GET /committees/{code}/people/{id}/edit":  {path: "/committees/{code}/people/{person}/edit", as: "secretariat", budget: signedInQueries + 3},
	"GET /committees/{code}/people/{id}/merge": {path: "/committees/{code}/people/{person}/merge", as: "secretariat", budget: signedInQueries + 3},

	// The risk register and escalations (issue 6). {risk} is OPSG-001.
	"GET /committees/{code}/risks":                   {path: "/committees/{code}/risks", as: "member", budget: signedInQueries + 6},
	"GET /committees/{code}/risks/new":               {path: "/committees/{code}/risks/new", as: "secretariat", budget: signedInQueries + 4},
	"GET /committees/{code}/risks/{ref}":             {path: "/committees/{code}/risks/{risk}", as: "member", budget: signedInQueries + 8},
	"GET /committees/{code}/risks/{ref}/edit":        {path: "/committees/{code}/risks/{risk}/edit", as: "secretariat", budget: signedInQueries + 9},
	"GET /committees/{code}/meetings/{number}/risks": {path: "/committees/{code}/meetings/{draft}/risks", as: "secretariat", budget: signedInQueries + 12}, // + the editor's draft
	"GET /escalations":                               {path: "/escalations", as: "panel-chair", budget: signedInQueries + 5},
	"GET /api/v1/committees/{code}/risks":            {path: "/api/v1/committees/{code}/risks", as: "member", budget: signedInQueries + 7},
	"GET /api/v1/committees/{code}/escalations":      {path: "/api/v1/committees/PANEL/escalations", as: "panel-chair", budget: signedInQueries + 7},
}

// queryCounter is a pgx tracer that counts every statement the store sends,
// batched and COPY included, and keeps the latest ones for messages.
type queryCounter struct {
	n   atomic.Int64
	mu  sync.Mutex
	sql []string
}

func (c *queryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, data pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	c.mu.Lock()
	c.sql = append(c.sql, strings.Join(strings.Fields(data.SQL), " "))
	c.mu.Unlock()
	return ctx
}

// since returns the statements sent since the count was before.
func (c *queryCounter) since(before int64) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := int(c.n.Load() - before)
	if n > len(c.sql) {
		n = len(c.sql)
	}
	out := append([]string(nil), c.sql[len(c.sql)-n:]...)
	c.sql = c.sql[:0]
	return out
}
func (c *queryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
func (c *queryCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}
func (c *queryCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.n.Add(1)
}
func (c *queryCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}
func (c *queryCounter) TraceCopyFromStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceCopyFromStartData) context.Context {
	c.n.Add(1)
	return ctx
}
func (c *queryCounter) TraceCopyFromEnd(context.Context, *pgx.Conn, pgx.TraceCopyFromEndData) {}

// newScaleApp serves minutebook on a fresh database holding the generated
// data set of the size, with every statement counted.
func newScaleApp(t *testing.T, size scaledemo.Size) (*app, *queryCounter) {
	t.Helper()
	ctx := context.Background()
	counter := &queryCounter{}
	store, err := postgres.Open(ctx, dbtest.URL(t), postgres.WithTracer(counter))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	hash, err := password.Hash(testPassword, password.Cheap)
	if err != nil {
		t.Fatal(err)
	}
	res, err := scaledemo.Load(ctx, store, scaledemo.Options{Size: size, Seed: 1, PasswordHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	a := &app{t: t, store: store, emails: map[string]string{}}
	for _, acc := range res.Accounts {
		a.emails[acc.Key] = acc.Email
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	a.srv = httptest.NewServer(server.New(server.Config{Store: store, Logger: quiet, PasswordParams: password.Cheap}))
	t.Cleanup(a.srv.Close)
	return a, counter
}

// countQueries requests every budgeted page twice as its reader and
// returns what the second, warm request sent.
func countQueries(t *testing.T, a *app, counter *queryCounter) map[string][]string {
	t.Helper()
	ctx := context.Background()
	opsg, err := a.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	meetings, err := a.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &opsg.ID, Statuses: []mb.MinutesStatus{mb.Published}})
	if err != nil {
		t.Fatal(err)
	}
	number, sequence := "", ""
	for _, m := range meetings {
		if m.Classification != mb.Clear || m.Kind != mb.MainMeeting {
			continue
		}
		raised, err := a.store.ActionsRaisedAt(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(raised) > 0 {
			number, sequence = strconv.Itoa(m.Number), strconv.Itoa(raised[0].Sequence)
			break
		}
	}
	drafts, err := a.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &opsg.ID, Statuses: []mb.MinutesStatus{mb.Draft, mb.Circulated}, Limit: 1})
	if err != nil || len(drafts) == 0 {
		t.Fatalf("no OPSG minutes in draft: %v", err)
	}
	held, item, decision, action := heldDraft(t, a, opsg.ID)
	panel, err := a.store.CommitteeByCode(ctx, "PANEL")
	if err != nil {
		t.Fatal(err)
	}
	circulated, err := a.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &panel.ID, Statuses: []mb.MinutesStatus{mb.Circulated}, Limit: 1})
	if err != nil || len(circulated) == 0 {
		t.Fatalf("no circulated Panel minutes: %v", err)
	}
	member, _, err := a.store.UserByEmail(ctx, a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	const token = "cal_query_budget_secret"
	if err := a.store.SetCalendarToken(ctx, member.ID, token); err != nil {
		t.Fatal(err)
	}
	upload := pendingImport(t, a)
	declared, declaration := heldDeclaration(t, a, opsg.ID, held, item)
	message, unsubscribe := keptMessage(t, a.store, a.emails["member"])
	people, err := a.store.CommitteePeople(ctx, opsg.ID)
	if err != nil || len(people) == 0 {
		t.Fatalf("OPSG's people: %v", err)
	}
	fill := strings.NewReplacer(append(agendaFill(t, a, "OPSG", number, held),
		"{declared}", declared, "{message}", message, "{unsubscribe}", unsubscribe, "{declaration}", declaration, "{import}", upload, "{person}", strconv.FormatInt(people[0].ID, 10), "{code}", "OPSG", "{number}", number, "{sequence}", sequence, "{token}", token, "{draft}", strconv.Itoa(drafts[0].Number), "{risk}", "OPSG-001",
		"{held}", held, "{item}", item, "{decision}", decision, "{action}", action, "{circulated}", strconv.Itoa(circulated[0].Number),
		"{user}", strconv.FormatInt(member.ID, 10))...)
	clients := map[string]*client{}
	counts := map[string][]string{}
	for key, b := range queryBudgets {
		c, ok := clients[b.as]
		if !ok {
			c = a.as(b.as)
			clients[b.as] = c
		}
		path := fill.Replace(b.path)
		want := b.status
		if want == 0 {
			want = http.StatusOK
		}
		if res := c.get(path); res.status != want {
			t.Errorf("%s: GET %s as %q: status %d, want %d", key, path, b.as, res.status, want)
			continue
		}
		before := counter.n.Load()
		c.get(path)
		counts[key] = counter.since(before)
	}
	return counts
}

// skippable is how many more statements a page may send with twice the
// data: a store may leave out a query when there is nothing to attach (no
// escalations, no linked actions), so a list that was empty in the smaller
// data set costs one more query in the larger. A query per row, the
// explosion this test is for, grows by far more.
const skippable = 2

// TestQueriesPerPage loads the generated data set at two sizes and checks
// that no page sends more statements for more data (one per meeting, item
// or action would) and that none exceeds its budget.
func TestQueriesPerPage(t *testing.T) {
	a, counter := newScaleApp(t, scaledemo.Small)

	router, ok := server.New(server.Config{Store: a.store}).Router().(chi.Routes)
	if !ok {
		t.Fatal("the server's router is not a chi router")
	}
	_ = chi.Walk(router, func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if method == http.MethodGet {
			if _, ok := queryBudgets[method+" "+pattern]; !ok {
				t.Errorf("page %s %s has no query budget: add one to queryBudgets", method, pattern)
			}
		}
		return nil
	})

	small := countQueries(t, a, counter)
	double := scaledemo.Small
	double.Name, double.Years, double.Users, double.Risks = "small, doubled", 2*double.Years, 2*double.Users, 2*double.Risks
	b, counter2 := newScaleApp(t, double)
	large := countQueries(t, b, counter2)

	keys := make([]string, 0, len(small))
	for k := range small {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		n, m, budget := len(small[key]), len(large[key]), queryBudgets[key].budget
		t.Logf("%-55s %3d statements (%d at twice the data; budget %d)", key, n, m, budget)
		if m < n || m > n+skippable {
			t.Errorf("%s sends %d statements, and %d with twice the data: its queries grow with the data.\nWith the data:\n  %s\nWith twice the data:\n  %s",
				key, n, m, strings.Join(small[key], "\n  "), strings.Join(large[key], "\n  "))
		}
		if max(n, m) > budget {
			t.Errorf("%s sends %d statements, over its budget of %d", key, max(n, m), budget)
		}
	}
}

// heldDraft finds the committee's latest held meeting whose minutes are a
// draft, and in it an item with a decision and an action.
func heldDraft(t *testing.T, a *app, committeeID int64) (meeting, item, decision, action string) {
	t.Helper()
	ctx := context.Background()
	drafts, err := a.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &committeeID, Statuses: []mb.MinutesStatus{mb.Draft}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range drafts {
		if m.Date.After(scaledemo.DefaultToday) {
			continue
		}
		items, err := a.store.Items(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			if len(it.Decisions) > 0 && len(it.Actions) > 0 {
				return strconv.Itoa(m.Number), strconv.FormatInt(it.ID, 10), strconv.FormatInt(it.Decisions[0].ID, 10), strconv.FormatInt(it.Actions[0].ID, 10)
			}
		}
	}
	t.Fatal("no held draft minutes with an item carrying a decision and an action")
	return
}
