package server_test

import (
	"bytes"
	"context"
	"net/url"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/samplefile"
	"github.com/minutebook/minutebook/internal/upload"
)

// forwardPlanReaders: the committee's members and secretariat.
var forwardPlanReaders = expect{signIn, forbidden, allow, forbidden, allow, allow}

// agendaMatrix decides the routes of the agenda and its papers (issue 16).
// Reading uses the demo's OPSG 106 (a published CLEAR agenda, whose paper
// OPSG_106_02 is CLEAR); building uses OPSG 211, 212 (published by its
// route) and 213 (where 211's planned item moves), drafts of their own (agendaMatrixFixtures).
func agendaMatrix(ids map[string]string) map[string]route {
	m106, m211 := "/committees/OPSG/meetings/106", "/committees/OPSG/meetings/211"
	return map[string]route{
		"GET /committees/{code}/meetings/{number}/agenda":                            {path: m106 + "/agenda", expect: everyone},
		"GET /committees/{code}/meetings/{number}/pack.zip":                          {path: m106 + "/pack.zip", expect: everyone},
		"GET /committees/{code}/meetings/{number}/pack.pdf":                          {path: m106 + "/pack.pdf", expect: everyone},
		"GET /committees/{code}/meetings/{number}/papers/{paper}":                    {path: m106 + "/papers/" + ids["paper106"], expect: everyone},
		"GET /committees/{code}/meetings/{number}/papers/{paper}/versions/{version}": {path: m106 + "/papers/" + ids["paper106"] + "/versions/1", expect: everyone},
		"GET /api/v1/committees/{code}/meetings/{number}/agenda":                     {path: "/api/v1/committees/OPSG/meetings/106/agenda", expect: everyone},
		"GET /committees/{code}/forward-plan":                                        {path: "/committees/OPSG/forward-plan", expect: forwardPlanReaders},

		"POST /committees/{code}/meetings/{number}/agenda/publish":              {path: "/committees/OPSG/meetings/212/agenda/publish", expect: secretariat},
		"GET /committees/{code}/meetings/{number}/agenda/items/new":             {path: m211 + "/agenda/items/new", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/agenda/items/new":            {path: m211 + "/agenda/items/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/agenda/items/{item}/edit":     {path: m211 + "/agenda/items/" + ids["item211"] + "/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/agenda/items/{item}/edit":    {path: m211 + "/agenda/items/" + ids["item211"] + "/edit", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/agenda/items/{item}/meeting": {path: m211 + "/agenda/items/" + ids["moving211"] + "/meeting", expect: secretariatThenGone, form: url.Values{"meeting": {ids["meeting213"]}}},
		"GET /committees/{code}/meetings/{number}/papers/new":                   {path: m211 + "/papers/new", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/papers/new":                  {path: m211 + "/papers/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/papers/{paper}/edit":          {path: m211 + "/papers/" + ids["paper211"] + "/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/papers/{paper}/edit":         {path: m211 + "/papers/" + ids["paper211"] + "/edit", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/papers/{paper}/replace":      {path: m211 + "/papers/" + ids["paper211"] + "/replace", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/papers/{paper}/delete":       {path: m211 + "/papers/" + ids["doomed-paper"] + "/delete", expect: secretariatThenGone},
	}
}

// The planned item moves to 213 at the secretariat's post, so the
// administrator after it finds it no longer in 211.

// agendaMatrixFixtures makes OPSG 211–213, draft meetings with items,
// and papers in 211 to edit and to delete; and names the demo's paper
// OPSG_106_02.
func agendaMatrixFixtures(t *testing.T, a *app, ids map[string]string) {
	t.Helper()
	ctx := context.Background()
	s := a.store
	opsg, err := s.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	ms := map[int]*mb.Meeting{}
	for _, n := range []int{211, 212, 213} {
		m := &mb.Meeting{CommitteeID: opsg.ID, Number: n, Kind: mb.MainMeeting, Date: time.Date(2024, 3, n-210, 0, 0, 0, 0, time.UTC), Classification: mb.Clear}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		ms[n] = m
	}
	item := func(n int, title string) *mb.Item {
		it := &mb.Item{MeetingID: ms[n].ID, Title: title}
		if err := s.CreateAgendaItem(ctx, it, mb.AgendaEntry{Purpose: mb.ForInformation}); err != nil {
			t.Fatal(err)
		}
		return it
	}
	ids["item211"] = i64(item(211, "Agenda item").ID)
	ids["moving211"] = i64(item(211, "Planned item").ID)
	item(212, "Another meeting's item")
	ids["meeting213"] = i64(ms[213].ID)
	ids["paper211"] = i64(matrixPaper(t, s, ms[211], "OPSG_211_01").ID)
	ids["doomed-paper"] = i64(matrixPaper(t, s, ms[211], "OPSG_211_09").ID)
	m106, err := s.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	papers, err := s.Papers(ctx, m106.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range papers {
		if p.Reference == "OPSG_106_02" {
			ids["paper106"] = i64(p.ID)
		}
	}
	if ids["paper106"] == "" {
		t.Fatal("the demo's OPSG 106 has no paper OPSG_106_02")
	}
}

// matrixPaper stores a small CLEAR PDF paper of the meeting.
func matrixPaper(t *testing.T, s *postgres.Store, m *mb.Meeting, ref string) *mb.Paper {
	t.Helper()
	up, err := upload.Paper(ref+".pdf", bytes.NewReader(samplefile.PDF(ref)))
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.PutPaperFile(context.Background(), up)
	if err != nil {
		t.Fatal(err)
	}
	p := &mb.Paper{MeetingID: m.ID, Title: "Paper " + ref, Reference: ref, Classification: mb.Clear}
	if err := s.CreatePaper(context.Background(), p, v); err != nil {
		t.Fatal(err)
	}
	return p
}
