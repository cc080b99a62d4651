package server_test

import (
	"context"
	"strconv"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The query budgets of the formal record's pages (issue 20). {declared} is
// a held draft of the OPSG with a declaration of interest, {declaration};
// {number} is a published meeting, whose verify page reads its signature
// (or finds none) and the version it signed.
func init() {
	for k, v := range map[string]queryBudget{
		"GET /committees/{code}/meetings/{number}/verify":                          {path: "/committees/{code}/meetings/{number}/verify", as: "member", budget: signedInQueries + 4},
		"GET /committees/{code}/interests":                                         {path: "/committees/{code}/interests", as: "member", budget: signedInQueries + 2},
		"GET /committees/{code}/interests/new":                                     {path: "/committees/{code}/interests/new", as: "secretariat", budget: signedInQueries + 2},
		"GET /committees/{code}/rules":                                             {path: "/committees/{code}/rules", as: "admin", budget: signedInQueries + 2},
		"GET /committees/{code}/meetings/{number}/decisions/{decision}/vote":       {path: "/committees/{code}/meetings/{held}/decisions/{decision}/vote", as: "secretariat", budget: signedInQueries + 12},
		"GET /committees/{code}/meetings/{number}/items/{item}/declarations/new":   {path: "/committees/{code}/meetings/{held}/items/{item}/declarations/new", as: "secretariat", budget: signedInQueries + 5},
		"GET /committees/{code}/meetings/{number}/declarations/{declaration}/edit": {path: "/committees/{code}/meetings/{declared}/declarations/{declaration}/edit", as: "secretariat", budget: signedInQueries + 6},
	} {
		queryBudgets[k] = v
	}
}

// heldDeclaration records, in the held draft and item that heldDraft
// found, an interest declared by one of the members present (the data set
// declares in about one item in thirty, so the few held drafts may have
// none).
func heldDeclaration(t *testing.T, a *app, committeeID int64, held, item string) (meeting, declaration string) {
	t.Helper()
	ctx := context.Background()
	n, _ := strconv.Atoi(held)
	c, err := a.store.Committee(ctx, committeeID)
	if err != nil {
		t.Fatal(err)
	}
	m, err := a.store.MeetingByNumber(ctx, c.Code, n)
	if err != nil {
		t.Fatal(err)
	}
	roll, err := a.store.Attendance(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	itemID, _ := strconv.ParseInt(item, 10, 64)
	for _, at := range roll {
		if at.Member() && at.Status == mb.Present {
			d := &mb.Declaration{ItemID: itemID, PersonID: at.PersonID, Nature: "A budgeted declaration", Effect: mb.TookPart}
			if err := a.store.CreateDeclaration(ctx, d); err != nil {
				t.Fatal(err)
			}
			return held, strconv.FormatInt(d.ID, 10)
		}
	}
	t.Fatal("no member present at the held draft")
	return
}
