package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
)

// outcome is what a kind of reader gets from a route.
type outcome int

const (
	allow     outcome = iota // served: 2xx, a redirect elsewhere, or a form sent back (422/409)
	signIn                   // sent to sign in (303 to /sign-in, or 401)
	forbidden                // 403
	notFound                 // 404: the reader may not know the thing exists
	refused                  // a wrong password: 401, or 429 once throttled
)

func (o outcome) String() string {
	return [...]string{"allow", "sign-in", "forbidden", "not-found", "refused"}[o]
}

func (o outcome) matches(res *response) bool {
	switch o {
	case signIn:
		return res.status == http.StatusUnauthorized ||
			(res.status == http.StatusSeeOther && strings.HasPrefix(res.location, "/sign-in"))
	case forbidden:
		return res.status == http.StatusForbidden
	case notFound:
		return res.status == http.StatusNotFound
	case refused:
		return res.status == http.StatusUnauthorized || res.status == http.StatusTooManyRequests
	}
	return res.status < 400 && !(res.status == http.StatusSeeOther && strings.HasPrefix(res.location, "/sign-in")) ||
		res.status == http.StatusUnprocessableEntity || res.status == http.StatusConflict
}

// readers are the six kinds of reader, least privileged first, so that a
// route that changes something is changed by the last (the administrator).
var readers = []string{"", "non-member", "member", "panel-chair", "secretariat", "admin"}

// expect is one route's expected outcome for each reader, in readers' order.
type expect [6]outcome

var (
	everyone    = expect{allow, allow, allow, allow, allow, allow}
	signedIn    = expect{signIn, allow, allow, allow, allow, allow}
	adminOnly   = expect{signIn, forbidden, forbidden, forbidden, forbidden, allow}
	secretariat = expect{signIn, forbidden, forbidden, forbidden, allow, allow}
	// opsgMembers may see what OPSG's circulated and approved minutes carry;
	// anyone else may not know it exists.
	opsgMembers = expect{notFound, notFound, allow, notFound, allow, allow}
	// opsgSecretariat changes what OPSG's members may see.
	opsgSecretariat = expect{signIn, notFound, forbidden, notFound, allow, allow}
	// riskReaders: the committee's members and secretariat, and the chair
	// and secretariat of the bodies above it (the Panel chair).
	riskReaders = expect{signIn, forbidden, allow, allow, allow, allow}
	// overseers: a parent body's chair and secretariat, and administrators;
	// a member of the Panel is not one.
	overseers = expect{signIn, forbidden, forbidden, allow, allow, allow}
)

// route is one entry of the matrix: the method and pattern as registered,
// the path to request, and what each reader gets.
type route struct {
	path   string
	expect expect
	form   url.Values
}

// matrix decides every route. A route registered in the router but missing
// here fails TestAuthorizationMatrix, so none ships without a decision.
func matrix(ids map[string]string) map[string]route {
	m := map[string]route{
		"GET /healthz": {path: "/healthz", expect: everyone},
		"GET /readyz":  {path: "/readyz", expect: everyone},
		// From the loopback, as the test server is; elsewhere only with
		// the metrics token (TestMetricsAccess).
		"GET /metrics":   {path: "/metrics", expect: everyone},
		"GET /static/*":  {path: "/static/style.css", expect: everyone},
		"GET /":          {path: "/", expect: everyone},
		"GET /sign-in":   {path: "/sign-in", expect: everyone},
		"POST /sign-in":  {path: "/sign-in", expect: expect{refused, refused, refused, refused, refused, refused}, form: url.Values{"email": {"nobody@example.org"}, "password": {"wrong"}}},
		"POST /sign-out": {path: "/sign-out", expect: everyone},
		"GET /public":    {path: "/public", expect: everyone},

		// Search and references (issue 17): everyone, each by their rule.
		"GET /search":                  {path: "/search?q=incident", expect: everyone},
		"GET /public/search":           {path: "/public/search?q=incident", expect: everyone},
		"GET /refs/{reference}":        {path: "/refs/MP242", expect: everyone},
		"GET /api/v1/search":           {path: "/api/v1/search?q=incident", expect: everyone},
		"GET /api/v1/refs/{reference}": {path: "/api/v1/refs/OPSG%20105%2F01", expect: everyone},

		// Published CLEAR minutes are for everyone.
		"GET /committees/{code}/meetings/{number}": {path: "/committees/OPSG/meetings/105", expect: everyone},

		"GET /account":                                   {path: "/account", expect: signedIn},
		"POST /account/password":                         {path: "/account/password", expect: signedIn, form: url.Values{"current_password": {"wrong"}}},
		"POST /account/tokens":                           {path: "/account/tokens", expect: signedIn, form: url.Values{"token_name": {"matrix"}}},
		"POST /account/tokens/{id}/revoke":               {path: "/account/tokens/" + ids["token"] + "/revoke", expect: expect{signIn, notFound, notFound, notFound, notFound, allow}},
		"POST /account/tokens/revoke-all":                {path: "/account/tokens/revoke-all", expect: signedIn},
		"GET /committees":                                {path: "/committees", expect: signedIn},
		"GET /committees/{code}":                         {path: "/committees/OPSG", expect: signedIn},
		"GET /committees/{code}/standing-items":          {path: "/committees/OPSG/standing-items", expect: secretariat},
		"POST /committees/{code}/standing-items":         {path: "/committees/OPSG/standing-items", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/new":            {path: "/committees/OPSG/meetings/new", expect: secretariat},
		"POST /committees/{code}/meetings/new":           {path: "/committees/OPSG/meetings/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/edit":  {path: "/committees/OPSG/meetings/106/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/edit": {path: "/committees/OPSG/meetings/106/edit", expect: secretariat, form: url.Values{}},
		"GET /audit": {path: "/audit", expect: secretariat},

		// The actions register (issue 5). OPSG 103/01 was raised at approved
		// minutes, so only OPSG's members and secretariat may see it; the
		// secretariat's forms come back 422/409 on empty or stale input.
		"GET /actions":                                             {path: "/actions", expect: everyone},
		"GET /actions.csv":                                         {path: "/actions.csv", expect: everyone},
		"GET /api/v1/actions":                                      {path: "/api/v1/actions", expect: everyone},
		"GET /committees/{code}/calendar.ics":                      {path: "/committees/OPSG/calendar.ics", expect: everyone},
		"GET /calendar/{token}":                                    {path: "/calendar/cal_not_a_token.ics", expect: expect{notFound, notFound, notFound, notFound, notFound, notFound}},
		"GET /actions/{code}/{meeting}/{sequence}":                 {path: "/actions/OPSG/103/01", expect: opsgMembers},
		"GET /api/v1/actions/{code}/{meeting}/{sequence}":          {path: "/api/v1/actions/OPSG/103/01", expect: opsgMembers},
		"POST /actions/{code}/{meeting}/{sequence}/record":         {path: "/actions/OPSG/103/01/record", expect: opsgSecretariat, form: url.Values{}},
		"POST /actions/{code}/{meeting}/{sequence}/reopen":         {path: "/actions/OPSG/103/01/reopen", expect: opsgSecretariat, form: url.Values{}},
		"POST /account/calendar-token":                             {path: "/account/calendar-token", expect: signedIn},
		"GET /committees/{code}/actions/new":                       {path: "/committees/OPSG/actions/new", expect: secretariat},
		"POST /committees/{code}/actions/new":                      {path: "/committees/OPSG/actions/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/actions/review":  {path: "/committees/OPSG/meetings/106/actions/review", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/actions/review": {path: "/committees/OPSG/meetings/106/actions/review", expect: secretariat, form: url.Values{}},
		// The risk register and escalations.
		"GET /committees/{code}/risks":                             {path: "/committees/OPSG/risks", expect: riskReaders},
		"GET /committees/{code}/risks/new":                         {path: "/committees/OPSG/risks/new", expect: secretariat},
		"POST /committees/{code}/risks/new":                        {path: "/committees/OPSG/risks/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/risks/{ref}":                       {path: "/committees/OPSG/risks/OPSG-006", expect: riskReaders},
		"GET /committees/{code}/risks/{ref}/edit":                  {path: "/committees/OPSG/risks/OPSG-006/edit", expect: secretariat},
		"POST /committees/{code}/risks/{ref}/edit":                 {path: "/committees/OPSG/risks/OPSG-006/edit", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/risks":           {path: "/committees/OPSG/meetings/106/risks", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/risks":          {path: "/committees/OPSG/meetings/106/risks", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/risks/escalate": {path: "/committees/OPSG/meetings/106/risks/escalate", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/risks/withdraw": {path: "/committees/OPSG/meetings/106/risks/withdraw", expect: secretariat, form: url.Values{}},
		"GET /escalations":                                         {path: "/escalations", expect: overseers},
		"GET /api/v1/committees/{code}/risks":                      {path: "/api/v1/committees/OPSG/risks", expect: riskReaders},
		"GET /api/v1/committees/{code}/escalations":                {path: "/api/v1/committees/PANEL/escalations", expect: overseers},

		"GET /committees/new":                      {path: "/committees/new", expect: adminOnly},
		"POST /committees/new":                     {path: "/committees/new", expect: adminOnly, form: url.Values{}},
		"GET /committees/{code}/edit":              {path: "/committees/OPSG/edit", expect: adminOnly},
		"POST /committees/{code}/edit":             {path: "/committees/OPSG/edit", expect: adminOnly, form: url.Values{}},
		"GET /committees/{code}/members/new":       {path: "/committees/OPSG/members/new", expect: adminOnly},
		"POST /committees/{code}/members/new":      {path: "/committees/OPSG/members/new", expect: adminOnly, form: url.Values{}},
		"POST /committees/{code}/members/{id}/end": {path: "/committees/OPSG/members/" + ids["membership"] + "/end", expect: adminOnly},
		"GET /admin/people":                        {path: "/admin/people", expect: adminOnly},
		"GET /admin/people/new":                    {path: "/admin/people/new", expect: adminOnly},
		"POST /admin/people/new":                   {path: "/admin/people/new", expect: adminOnly, form: url.Values{}},
		"GET /admin/users":                         {path: "/admin/users", expect: adminOnly},
		"GET /admin/references":                    {path: "/admin/references", expect: adminOnly},
		"POST /admin/references":                   {path: "/admin/references", expect: adminOnly, form: url.Values{"patterns": {"no label"}}},
		"GET /admin/users/new":                     {path: "/admin/users/new", expect: adminOnly},
		"POST /admin/users/new":                    {path: "/admin/users/new", expect: adminOnly, form: url.Values{}},
		"POST /admin/users/{id}/deactivate":        {path: "/admin/users/" + ids["target"] + "/deactivate", expect: adminOnly},
		"POST /admin/users/{id}/activate":          {path: "/admin/users/" + ids["target"] + "/activate", expect: adminOnly},
		"POST /admin/users/{id}/reset-password":    {path: "/admin/users/" + ids["target"] + "/reset-password", expect: adminOnly},
		"GET /admin/users/{id}":                    {path: "/admin/users/" + ids["target"], expect: adminOnly},
		"POST /admin/users/{id}/unlock":            {path: "/admin/users/" + ids["target"] + "/unlock", expect: adminOnly},
	}
	for k, v := range minutesMatrix(ids) {
		m[k] = v
	}
	for k, v := range importMatrix(ids) {
		m[k] = v
	}
	for k, v := range agendaMatrix(ids) {
		m[k] = v
	}
	for k, v := range formalMatrix(ids) {
		m[k] = v
	}
	for k, v := range noticeMatrix(ids) {
		m[k] = v
	}
	return m
}

// TestAuthorizationMatrix walks every route in the router and checks what
// each of the six kinds of reader gets.
func TestAuthorizationMatrix(t *testing.T) {
	a := newApp(t)
	ids := matrixFixtures(t, a)
	m := matrix(ids)

	srv := server.New(server.Config{Store: a.store, PasswordParams: password.Cheap})
	router, ok := srv.Router().(chi.Routes)
	if !ok {
		t.Fatal("the server's router is not a chi router")
	}
	seen := map[string]bool{}
	err := chi.Walk(router, func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		key := method + " " + pattern
		seen[key] = true
		if _, ok := m[key]; !ok {
			t.Errorf("route %s is not in the authorization matrix: decide who may use it", key)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for key := range m {
		if !seen[key] {
			t.Errorf("matrix entry %s matches no route", key)
		}
	}
	clients := map[string]*client{}
	for _, who := range readers {
		clients[who] = a.as(who)
	}
	for key, r := range m {
		method, _, _ := strings.Cut(key, " ")
		for i, who := range readers {
			var res *response
			if method == http.MethodPost {
				res = clients[who].post(r.path, r.form)
			} else {
				res = clients[who].get(r.path)
			}
			if want := r.expect[i]; !want.matches(res) {
				name := who
				if name == "" {
					name = "anonymous"
				}
				t.Errorf("%s as %s: status %d (location %q), want %s", key, name, res.status, res.location, want)
			}
		}
		// Sign-out ends sessions; sign back in for the routes after it.
		if key == "POST /sign-out" {
			for _, who := range readers {
				clients[who] = a.as(who)
			}
		}
	}
}

// matrixFixtures makes the records that routes with ids act on: a throwaway
// user, a membership, and the administrator's own API token.
func matrixFixtures(t *testing.T, a *app) map[string]string {
	ctx := context.Background()
	hash, _ := password.Hash(testPassword, password.Cheap)
	target, err := a.store.CreateUser(ctx, postgres.NewUser{Email: "target@example.org", Name: "Tess Target", PasswordHash: hash})
	if err != nil {
		t.Fatal(err)
	}
	opsg, err := a.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	ms := &mb.Membership{CommitteeID: opsg.ID, PersonID: target.PersonID, Role: mb.RoleMember, Category: "Small Suppliers", From: opsg.CreatedAt.Truncate(24 * 3600e9)}
	if err := a.store.CreateMembership(ctx, ms); err != nil {
		t.Fatal(err)
	}
	admin, _, err := a.store.UserByEmail(ctx, adminEmail)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := a.store.CreateAPIToken(ctx, admin.ID, "matrix", "mbk_matrix_secret")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{"target": i64(target.ID), "membership": i64(ms.ID), "token": i64(tok.ID)}
	minutesMatrixFixtures(t, a, ids)
	importMatrixFixtures(t, a, ids)
	agendaMatrixFixtures(t, a, ids)
	formalMatrixFixtures(t, a, ids)
	noticeMatrixFixtures(t, a, ids)
	return ids
}
