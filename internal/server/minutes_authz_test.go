package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// secretariatThenGone is a deleting route: the secretariat deletes the
// record first, so the administrator after it finds nothing.
var secretariatThenGone = expect{signIn, forbidden, forbidden, forbidden, allow, notFound}

// membersOnly is for routes open to the committee's members and secretariat.
var membersOnly = expect{signIn, notFound, allow, notFound, allow, allow}

// minutesMatrix decides the routes of drafting, approving and publishing
// minutes. Each route that changes state acts on a meeting of its own (see
// minutesMatrixFixtures), so the order the matrix runs in does not matter.
func minutesMatrix(ids map[string]string) map[string]route {
	m201 := "/committees/OPSG/meetings/201"
	return map[string]route{
		"GET /public/{code}":                              {path: "/public/OPSG", expect: everyone},
		"GET /public/{code}/feed.atom":                    {path: "/public/OPSG/feed.atom", expect: everyone},
		"GET /public/{code}/{number}":                     {path: "/public/OPSG/105", expect: everyone},
		"GET /api/v1/committees":                          {path: "/api/v1/committees", expect: everyone},
		"GET /api/v1/committees/{code}/meetings":          {path: "/api/v1/committees/OPSG/meetings", expect: everyone},
		"GET /api/v1/committees/{code}/meetings/{number}": {path: "/api/v1/committees/OPSG/meetings/105", expect: everyone},

		"GET /committees/{code}/meetings/{number}/history": {path: "/committees/OPSG/meetings/105/history", expect: membersOnly},

		// A reader's own drafts (issue 14): anyone signed in keeps theirs.
		"POST /drafts":         {path: "/drafts", expect: signedIn, form: url.Values{"draft_key": {m201 + "/items/new"}, "title": {"Typed"}}},
		"POST /drafts/discard": {path: "/drafts/discard", expect: signedIn, form: url.Values{"form_path": {m201 + "/items/new"}}},

		// The minutes as files (issue 19): as the page, and a stored version as the history.
		"GET /committees/{code}/meetings/{number}.pdf":                     {path: "/committees/OPSG/meetings/105.pdf", expect: everyone},
		"GET /committees/{code}/meetings/{number}.docx":                    {path: "/committees/OPSG/meetings/105.docx", expect: everyone},
		"GET /committees/{code}/meetings/{number}/versions/{version}.pdf":  {path: "/committees/OPSG/meetings/105/versions/1.pdf", expect: membersOnly},
		"GET /committees/{code}/meetings/{number}/versions/{version}.docx": {path: "/committees/OPSG/meetings/105/versions/1.docx", expect: membersOnly},

		"GET /committees/{code}/meetings/{number}/attendance":                   {path: m201 + "/attendance", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/attendance":                  {path: m201 + "/attendance", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/items/new":                    {path: m201 + "/items/new", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/items/new":                   {path: m201 + "/items/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/items/{item}/edit":            {path: m201 + "/items/" + ids["item"] + "/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/items/{item}/edit":           {path: m201 + "/items/" + ids["item"] + "/edit", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/items/{item}/move":           {path: m201 + "/items/" + ids["item"] + "/move", expect: secretariat, form: url.Values{"direction": {"up"}}},
		"POST /committees/{code}/meetings/{number}/items/{item}/delete":         {path: m201 + "/items/" + ids["doomed-item"] + "/delete", expect: secretariatThenGone},
		"GET /committees/{code}/meetings/{number}/items/{item}/decisions/new":   {path: m201 + "/items/" + ids["item"] + "/decisions/new", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/items/{item}/decisions/new":  {path: m201 + "/items/" + ids["item"] + "/decisions/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/decisions/{decision}/edit":    {path: m201 + "/decisions/" + ids["decision"] + "/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/decisions/{decision}/edit":   {path: m201 + "/decisions/" + ids["decision"] + "/edit", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/decisions/{decision}/move":   {path: m201 + "/decisions/" + ids["decision"] + "/move", expect: secretariat, form: url.Values{"direction": {"up"}}},
		"POST /committees/{code}/meetings/{number}/decisions/{decision}/delete": {path: m201 + "/decisions/" + ids["doomed-decision"] + "/delete", expect: secretariatThenGone},
		"GET /committees/{code}/meetings/{number}/items/{item}/actions/new":     {path: m201 + "/items/" + ids["item"] + "/actions/new", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/items/{item}/actions/new":    {path: m201 + "/items/" + ids["item"] + "/actions/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/actions/{action}/edit":        {path: m201 + "/actions/" + ids["action"] + "/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/actions/{action}/edit":       {path: m201 + "/actions/" + ids["action"] + "/edit", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/actions/{action}/delete":     {path: m201 + "/actions/" + ids["doomed-action"] + "/delete", expect: secretariatThenGone},

		"POST /committees/{code}/meetings/{number}/items/{item}/comments":      {path: "/committees/OPSG/meetings/208/items/" + ids["item208"] + "/comments", expect: membersOnly, form: url.Values{"body": {"A comment from the matrix."}}},
		"POST /committees/{code}/meetings/{number}/comments/{comment}/resolve": {path: "/committees/OPSG/meetings/208/comments/" + ids["comment"] + "/resolve", expect: secretariat, form: url.Values{"resolution": {"Done."}}},
		"GET /committees/{code}/meetings/{number}/circulate":                   {path: "/committees/OPSG/meetings/202/circulate", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/circulate":                  {path: "/committees/OPSG/meetings/202/circulate", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/preview":                    {path: m201 + "/preview", expect: secretariat, form: url.Values{"minute": {"**bold**"}}},
		"GET /committees/{code}/meetings/{number}/publish":                     {path: "/committees/OPSG/meetings/204/publish", expect: secretariat},
		"GET /committees/{code}/meetings/{number}/approve":                     {path: "/committees/OPSG/meetings/203/approve", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/approve":                    {path: "/committees/OPSG/meetings/203/approve", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/publish":                    {path: "/committees/OPSG/meetings/204/publish", expect: secretariat},
		"GET /committees/{code}/meetings/{number}/correction":                  {path: "/committees/OPSG/meetings/206/correction", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/correction":                 {path: "/committees/OPSG/meetings/206/correction", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/correction/finish":          {path: "/committees/OPSG/meetings/207/correction/finish", expect: secretariat},
	}
}

// minutesMatrixFixtures makes OPSG meetings 201–208 in the states the
// lifecycle routes act on, with an item, decision, action and comment each
// route can use, and records to delete.
func minutesMatrixFixtures(t *testing.T, a *app, ids map[string]string) {
	t.Helper()
	ctx := context.Background()
	s := a.store
	opsg, err := s.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	dcc, err := s.EnsureOrganisation(ctx, "DCC")
	if err != nil {
		t.Fatal(err)
	}
	ms := map[int]*mb.Meeting{}
	for n := 201; n <= 208; n++ {
		day := time.Date(2024, 1, n-200, 0, 0, 0, 0, time.UTC)
		if n == 205 { // the approving meeting comes after the others
			day = time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)
		}
		m := &mb.Meeting{CommitteeID: opsg.ID, Number: n, Kind: mb.MainMeeting, Date: day, Classification: mb.Clear}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		ms[n] = m
	}
	item := func(n int, title string) *mb.Item {
		it := &mb.Item{MeetingID: ms[n].ID, Title: title}
		if err := s.CreateItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		return it
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	it := item(201, "Matrix item")
	doomed := item(201, "Doomed item")
	d := &mb.Decision{ItemID: it.ID, Kind: "NOTED", Text: "the matrix"}
	must(s.CreateDecision(ctx, d))
	dd := &mb.Decision{ItemID: it.ID, Kind: "NOTED", Text: "the doomed decision"}
	must(s.CreateDecision(ctx, dd))
	act := &mb.Action{ItemID: &it.ID, Text: "The DCC to test the matrix.", OwnerID: dcc.ID}
	must(s.RaiseAction(ctx, act))
	da := &mb.Action{ItemID: &it.ID, Text: "The DCC to be deleted.", OwnerID: dcc.ID}
	must(s.RaiseAction(ctx, da))

	// 203 circulated (to approve at 205); 204 approved; 206 published;
	// 207 published with a correction open; 208 circulated with a comment.
	for _, n := range []int{203, 204, 206, 207, 208} {
		item(n, "Minutes of "+itoa(n))
		must(s.Circulate(ctx, ms[n].ID))
	}
	for _, n := range []int{204, 206, 207} {
		must(s.Approve(ctx, postgres.Approval{MeetingID: ms[n].ID, ApprovedAt: ms[205].ID}))
	}
	must(s.Publish(ctx, ms[206].ID))
	must(s.Publish(ctx, ms[207].ID))
	must(s.OpenCorrection(ctx, ms[207].ID, "A matrix correction"))
	items208, err := s.Items(ctx, ms[208].ID)
	must(err)
	member, _, err := s.UserByEmail(ctx, a.emails["member"])
	must(err)
	c := &mb.Comment{MeetingID: ms[208].ID, ItemID: &items208[0].ID, Body: "Please reword."}
	must(s.AddComment(mb.NewContextWithActor(ctx, member), c))

	ids["item"], ids["doomed-item"] = i64(it.ID), i64(doomed.ID)
	ids["decision"], ids["doomed-decision"] = i64(d.ID), i64(dd.ID)
	ids["action"], ids["doomed-action"] = i64(act.ID), i64(da.ID)
	ids["item208"], ids["comment"] = i64(items208[0].ID), i64(c.ID)
}
