package main

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// page is one entry of the page list. The list is data: a page whose route
// does not exist on the server answers 404 and is reported as missing.
type page struct {
	Name string `json:"name"`
	// As is who asks: "member", "chair" or "" (anonymous).
	As string `json:"as"`
	// Path may hold {code}, {meeting} (a published CLEAR meeting of the
	// committee with full minutes, among the latest with stored versions),
	// {owner} (the organisation owning most of the committee's actions),
	// {mine} (the member's own organisation), {deep} (a page far into
	// the register), {busy} (the reference mentioned most) and {rare} (an
	// incident mentioned once).
	Path string `json:"path"`
	// CSV pages send thousands of rows a request: they are loaded at the
	// CSV rate and their rows are counted.
	CSV bool `json:"csv,omitempty"`
	// Baseline marks the trivial handler that shows the cost of HTTP alone.
	Baseline bool `json:"baseline,omitempty"`
	// Rate, when set, is the page's own fixed rate (its bar's), in place
	// of --rate.
	Rate float64 `json:"rate,omitempty"`
	// Fresh asks each request as a search no server has kept: the same
	// words, with a "to" date a day further out each time (past every
	// record, so the results are the same), as after a write moved the
	// epochs or when every reader asks something new.
	Fresh bool `json:"fresh,omitempty"`
}

// pages are what the benchmark loads, in order.
var pages = []page{
	{Name: "baseline /healthz", Path: "/healthz", Baseline: true},
	{Name: "committee page", As: "member", Path: "/committees/{code}"},
	{Name: "meeting minutes", As: "member", Path: "/committees/{code}/meetings/{meeting}"},
	{Name: "register", As: "member", Path: "/actions"},
	{Name: "register owner+overdue", As: "member", Path: "/actions?owner={owner}&status=overdue"},
	{Name: "register deep page", As: "member", Path: "/actions?page={deep}"},
	{Name: "escalations dashboard", As: "chair", Path: "/escalations"},
	{Name: "home page", As: "member", Path: "/"},
	{Name: "home page chair", As: "chair", Path: "/"},
	{Name: "public minutes", Path: "/public/{code}/{meeting}"},
	{Name: "API meeting document", As: "member", Path: "/api/v1/committees/{code}/meetings/{meeting}"},
	{Name: "agenda", As: "member", Path: "/committees/{code}/meetings/{meeting}/agenda"},
	{Name: "forward plan", As: "member", Path: "/committees/{code}/forward-plan"},
	{Name: "register of interests", As: "member", Path: "/committees/{code}/interests"},
	{Name: "signature check", Path: "/committees/{code}/meetings/{meeting}/verify"},
	{Name: "register CSV", As: "member", Path: "/actions.csv?owner={owner}", CSV: true},
	{Name: "one action's page", As: "member", Path: "/actions/{code}/{meeting}/01"},
	{Name: "risk register", As: "member", Path: "/committees/{code}/risks"},
	{Name: "meeting history", As: "member", Path: "/committees/{code}/meetings/{meeting}/history"},
	{Name: "register anonymous", Path: "/actions"},
	{Name: "my org's overdue", As: "member", Path: "/actions?owner={mine}&status=overdue&sort=target"},
	// Search (issue 17): its bar is p99 ≤ 100 ms at 100/s.
	{Name: "search common word", As: "member", Path: "/search?q=incident", Rate: 100},
	{Name: "search rare reference", As: "member", Path: "/api/v1/search?q={rare}", Rate: 100},
	{Name: "search quoted phrase", As: "member", Path: "/search?q=%22root+cause%22", Rate: 100},
	{Name: "search public", Path: "/public/search?q=incident", Rate: 100},
	{Name: "busy reference page", As: "member", Path: "/refs/{busy}", Rate: 100},
	// The same searches with nothing kept: what each costs the database.
	{Name: "search common word, uncached", As: "member", Path: "/search?q=incident", Rate: 20, Fresh: true},
	{Name: "search quoted phrase, uncached", As: "member", Path: "/search?q=%22root+cause%22", Rate: 20, Fresh: true},
	{Name: "search public, uncached", Path: "/public/search?q=incident", Rate: 20, Fresh: true},
}

// resolve fills a page list's placeholders from the data: the store's
// own reads, so that the benchmark needs no SQL of its own.
func resolve(ctx context.Context, store *postgres.Store, code, member string, list []page) ([]page, error) {
	c, err := store.CommitteeByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	meetings, err := store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &c.ID, Statuses: []mb.MinutesStatus{mb.Published}})
	if err != nil {
		return nil, err
	}
	meeting := ""
	for _, m := range meetings {
		// The newest published CLEAR main meeting: anyone may read it, and
		// main meetings carry the longest minutes.
		if m.Classification == mb.Clear && m.Kind == mb.MainMeeting {
			meeting = strconv.Itoa(m.Number)
			break
		}
	}
	owner := ""
	if orgs, err := store.Organisations(ctx); err == nil {
		for _, o := range orgs {
			if o.Name == "DCC" {
				owner = strconv.FormatInt(o.ID, 10)
			}
		}
	}
	mine := ""
	if u, _, err := store.UserByEmail(ctx, member); err == nil && u.OrganisationID != nil {
		mine = strconv.FormatInt(*u.OrganisationID, 10)
	}
	busy, rare, err := store.ReferenceExamples(ctx)
	if err != nil {
		return nil, err
	}
	r := strings.NewReplacer("{code}", code, "{meeting}", meeting, "{owner}", owner, "{mine}", mine, "{deep}", "40",
		"{busy}", url.PathEscape(busy), "{rare}", url.QueryEscape(rare))
	out := make([]page, len(list))
	for i, p := range list {
		p.Path = r.Replace(p.Path)
		out[i] = p
	}
	return out, nil
}
