package server_test

import (
	"context"
	"strconv"
	"testing"
)

// The agenda's pages (issue 16) join queryBudgets. {paper} is a paper of
// meeting {number}, {heldpaper} one of the held draft {held}. A pack sends
// one statement per chunk of each file it streams (no connection is held
// for a download's length): the data set gives every meeting two papers of
// one chunk each, so the count is the same at both sizes.
func init() {
	for k, v := range map[string]queryBudget{
		"GET /committees/{code}/meetings/{number}/agenda":                            {path: "/committees/{code}/meetings/{number}/agenda", as: "member", budget: signedInQueries + 7},
		"GET /committees/{code}/meetings/{number}/pack.zip":                          {path: "/committees/{code}/meetings/{number}/pack.zip", as: "member", budget: signedInQueries + 8},
		"GET /committees/{code}/meetings/{number}/pack.pdf":                          {path: "/committees/{code}/meetings/{number}/pack.pdf", as: "member", budget: signedInQueries + 8},
		"GET /committees/{code}/meetings/{number}/papers/{paper}":                    {path: "/committees/{code}/meetings/{number}/papers/{paper}", as: "member", budget: signedInQueries + 5},
		"GET /committees/{code}/meetings/{number}/papers/{paper}/versions/{version}": {path: "/committees/{code}/meetings/{number}/papers/{paper}/versions/1", as: "member", budget: signedInQueries + 5},
		"GET /api/v1/committees/{code}/meetings/{number}/agenda":                     {path: "/api/v1/committees/{code}/meetings/{number}/agenda", as: "member", budget: signedInQueries + 7},
		"GET /committees/{code}/forward-plan":                                        {path: "/committees/{code}/forward-plan", as: "member", budget: signedInQueries + 3},
		"GET /committees/{code}/meetings/{number}/agenda/items/new":                  {path: "/committees/{code}/meetings/{held}/agenda/items/new", as: "secretariat", budget: signedInQueries + 9},
		"GET /committees/{code}/meetings/{number}/agenda/items/{item}/edit":          {path: "/committees/{code}/meetings/{held}/agenda/items/{item}/edit", as: "secretariat", budget: signedInQueries + 10},
		"GET /committees/{code}/meetings/{number}/papers/new":                        {path: "/committees/{code}/meetings/{held}/papers/new", as: "secretariat", budget: signedInQueries + 8},
		"GET /committees/{code}/meetings/{number}/papers/{paper}/edit":               {path: "/committees/{code}/meetings/{held}/papers/{heldpaper}/edit", as: "secretariat", budget: signedInQueries + 6},
	} {
		queryBudgets[k] = v
	}
}

// agendaFill names the papers the agenda's budgets ask for: the first of
// meeting number's and of the held draft's.
func agendaFill(t *testing.T, a *app, code, number, held string) []string {
	t.Helper()
	first := func(n string) string {
		num, err := strconv.Atoi(n)
		if err != nil {
			t.Fatal(err)
		}
		m, err := a.store.MeetingByNumber(context.Background(), code, num)
		if err != nil {
			t.Fatal(err)
		}
		papers, err := a.store.Papers(context.Background(), m.ID)
		if err != nil || len(papers) == 0 {
			t.Fatalf("%s %s has no papers: %v", code, n, err)
		}
		return strconv.FormatInt(papers[0].ID, 10)
	}
	return []string{"{paper}", first(number), "{heldpaper}", first(held)}
}
