package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/postgres"
)

// uploaderOnly is for an upload's own routes: the committee's secretariat
// who uploaded it; an administrator, allowed to import, does not see
// another person's upload.
var uploaderOnly = expect{signIn, forbidden, forbidden, forbidden, allow, notFound}

// importMatrix decides the routes of importing minutes (issue 7). Each
// route with an upload acts on one of its own (see importMatrixFixtures),
// so that cancelling one does not change what the others find.
func importMatrix(ids map[string]string) map[string]route {
	base := "/committees/OPSG/import/"
	return map[string]route{
		"GET /committees/{code}/import":                 {path: "/committees/OPSG/import", expect: secretariat},
		"POST /committees/{code}/import":                {path: "/committees/OPSG/import", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/import/{token}":         {path: base + ids["import-preview"], expect: uploaderOnly},
		"POST /committees/{code}/import/{token}":        {path: base + ids["import-save"], expect: uploaderOnly, form: url.Values{}},
		"POST /committees/{code}/import/{token}/cancel": {path: base + ids["import-cancel"], expect: uploaderOnly},
		// Putting people right after an import (issue 15): the committee's
		// secretariat; the forms come back 422 when sent empty.
		"GET /committees/{code}/people":             {path: "/committees/OPSG/people", expect: secretariat},
		"GET /committees/{code}/people/{id}/edit":   {path: "/committees/OPSG/people/" + ids["person"] + "/edit", expect: secretariat},
		"POST /committees/{code}/people/{id}/edit":  {path: "/committees/OPSG/people/" + ids["person"] + "/edit", expect: secretariat, form: url.Values{}},
		"GET /committees/{code}/people/{id}/merge":  {path: "/committees/OPSG/people/" + ids["person"] + "/merge", expect: secretariat},
		"POST /committees/{code}/people/{id}/merge": {path: "/committees/OPSG/people/" + ids["person"] + "/merge", expect: secretariat, form: url.Values{}},
	}
}

// importMatrixFixtures uploads, as the OPSG secretariat, a document for
// each route that acts on an upload.
func importMatrixFixtures(t *testing.T, a *app, ids map[string]string) {
	t.Helper()
	ctx := context.Background()
	opsg, err := a.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	sec, _, err := a.store.UserByEmail(ctx, a.emails["secretariat"])
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"import-preview", "import-save", "import-cancel"} {
		p := &postgres.PendingImport{CommitteeID: opsg.ID, UserID: sec.ID, Filename: "opsg-120.txt", Source: opsg120,
			Document: []byte(`{"meeting":{"committee":"OPSG","number":120,"kind":"main","date":"2024-03-12"},"attendees":[],"apologies":[],"items":[]}`)}
		if err := a.store.CreatePendingImport(ctx, p); err != nil {
			t.Fatal(err)
		}
		ids[key] = p.Token
	}
	people, err := a.store.CommitteePeople(ctx, opsg.ID)
	if err != nil || len(people) == 0 {
		t.Fatalf("OPSG's people: %v", err)
	}
	ids["person"] = strconv.FormatInt(people[0].ID, 10)
}

// budgetMinutes is a short document for a meeting no data set has, whose
// people and organisation are new everywhere, so that its trial import sends
// the same statements whatever else the database holds.
const budgetMinutes = `This document is classified as **Amber** in accordance with the Panel Information Policy.

Operations Group Meeting 9999

1 January 2030, 10:00 – 11:00

Teleconference

OPSG_9999_3001 – Draft Minutes

Attendees:

Representing	Other Participants
Query Budget Associates	Quentin Budgetson
	Bella Budgetson

1. Previous Meeting Minutes

The OPSG **NOTED** the update.

2. Any Other Business

ACTION 9999/01: Query Budget Associates to count the statements.
`

// pendingImport uploads budgetMinutes as the OPSG secretariat and returns
// the upload's token.
func pendingImport(t *testing.T, a *app) string {
	t.Helper()
	res := a.as("secretariat").upload("/committees/OPSG/import", "budget.txt", []byte(budgetMinutes))
	if res.status != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%s", res.status, res.body)
	}
	return res.location[strings.LastIndex(res.location, "/")+1:]
}
