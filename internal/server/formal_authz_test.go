package server_test

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// amberReaders may read what the OPSG classifies AMBER: its members and
// secretariat. Others are refused (signed in) or asked to sign in.
var amberReaders = expect{signIn, forbidden, allow, forbidden, allow, allow}

// formalMatrix decides the routes of the formal record (issue 20): votes and
// declarations change OPSG 201's draft like its decisions; the register of
// interests is AMBER; signing is for the OPSG chair, whom none of the
// matrix's readers is (the browser test signs as the chair).
func formalMatrix(ids map[string]string) map[string]route {
	m201 := "/committees/OPSG/meetings/201"
	return map[string]route{
		"GET /committees/{code}/meetings/{number}/verify": {path: "/committees/OPSG/meetings/105/verify", expect: everyone},
		"GET /committees/{code}/interests":                {path: "/committees/OPSG/interests", expect: amberReaders},
		"GET /committees/{code}/interests/new":            {path: "/committees/OPSG/interests/new", expect: secretariat},
		"POST /committees/{code}/interests/new":           {path: "/committees/OPSG/interests/new", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/interests/{id}/end":      {path: "/committees/OPSG/interests/" + ids["interest"] + "/end", expect: secretariat},

		"GET /committees/{code}/meetings/{number}/decisions/{decision}/vote":          {path: m201 + "/decisions/" + ids["decision"] + "/vote", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/decisions/{decision}/vote":         {path: m201 + "/decisions/" + ids["decision"] + "/vote", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/decisions/{decision}/vote/delete":  {path: m201 + "/decisions/" + ids["decision"] + "/vote/delete", expect: secretariat},
		"GET /committees/{code}/meetings/{number}/items/{item}/declarations/new":      {path: m201 + "/items/" + ids["item"] + "/declarations/new", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/items/{item}/declarations/new":     {path: m201 + "/items/" + ids["item"] + "/declarations/new", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/meetings/{number}/declarations/{declaration}/edit":    {path: m201 + "/declarations/" + ids["declaration"] + "/edit", expect: secretariat},
		"POST /committees/{code}/meetings/{number}/declarations/{declaration}/edit":   {path: m201 + "/declarations/" + ids["declaration"] + "/edit", expect: secretariat, form: url.Values{}},
		"POST /committees/{code}/meetings/{number}/declarations/{declaration}/delete": {path: m201 + "/declarations/" + ids["doomed-declaration"] + "/delete", expect: secretariatThenGone},
		// OPSG 103 is approved (and stays so: 204 may be published by the
		// matrix first): only its chair signs it.
		"POST /committees/{code}/meetings/{number}/sign": {path: "/committees/OPSG/meetings/103/sign", expect: expect{signIn, notFound, forbidden, notFound, forbidden, forbidden}},

		"GET /committees/{code}/rules":  {path: "/committees/OPSG/rules", expect: adminOnly},
		"POST /committees/{code}/rules": {path: "/committees/OPSG/rules", expect: adminOnly, form: url.Values{}},
	}
}

// formalMatrixFixtures records at OPSG 201 (made by minutesMatrixFixtures)
// a roll call and two declarations, and a standing interest to end.
func formalMatrixFixtures(t *testing.T, a *app, ids map[string]string) {
	t.Helper()
	ctx := context.Background()
	s := a.store
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	m, err := s.MeetingByNumber(ctx, "OPSG", 201)
	must(err)
	people := map[string]int64{}
	list, err := s.People(ctx)
	must(err)
	for _, p := range list {
		people[p.Name] = p.ID
	}
	_, err = s.SaveAttendance(ctx, m.ID, m.AttendanceVersion, []mb.Attendee{
		{PersonID: people["Dave Warner"], Status: mb.Present, Category: "Operations Group Chair"},
		{PersonID: people["Kevin Donnelly"], Status: mb.Present, Category: "Large Suppliers"},
		{PersonID: people["Sam Draper"], Status: mb.Present, Category: "Large Suppliers"},
	})
	must(err)
	item, err := strconv.ParseInt(ids["item"], 10, 64)
	must(err)
	d := &mb.Declaration{ItemID: item, PersonID: people["Kevin Donnelly"], Nature: "Albion Energy is a bidder", Effect: mb.DidNotVote}
	must(s.CreateDeclaration(ctx, d))
	dd := &mb.Declaration{ItemID: item, PersonID: people["Sam Draper"], Nature: "Crown Gas & Electric is a bidder", Effect: mb.LeftRoom}
	must(s.CreateDeclaration(ctx, dd))
	opsg, err := s.CommitteeByCode(ctx, "OPSG")
	must(err)
	i := &mb.Interest{CommitteeID: opsg.ID, PersonID: people["Sam Draper"], Nature: "Shareholder in a meter operator", From: time.Date(2023, 1, 9, 0, 0, 0, 0, time.UTC)}
	must(s.CreateInterest(ctx, i))
	ids["declaration"], ids["doomed-declaration"], ids["interest"] = i64(d.ID), i64(dd.ID), i64(i.ID)
}
