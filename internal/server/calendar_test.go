package server_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

// summaries parses a feed and returns its events' summaries.
func summaries(t *testing.T, res *response) []string {
	t.Helper()
	if res.status != http.StatusOK {
		t.Fatalf("status %d\n%s", res.status, res.body)
	}
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
		t.Errorf("content type %q", ct)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range cal.Events() {
		out = append(out, e.GetProperty(ics.ComponentPropertySummary).Value)
	}
	return out
}

func holds(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func TestCalendarFeeds(t *testing.T) {
	a := newApp(t)

	t.Run("PublicFeedCarriesOnlyWhatAnyoneMaySee", func(t *testing.T) {
		res := a.anonymous().get("/committees/OPSG/calendar.ics")
		got := summaries(t, res)
		if !holds(got, "OPSG 105 – Main Meeting") || !holds(got, "OPSG 102 – Main Meeting") {
			t.Errorf("public feed lacks the published meetings: %q", got)
		}
		if holds(got, "OPSG 106") || holds(got, "OPSG 104") {
			t.Errorf("public feed shows meetings whose minutes are not public: %q", got)
		}
		// 12:20 on 23 October 2023 in London is 11:20 UTC.
		if !strings.Contains(res.body, "DTSTART:20231023T112000Z") {
			t.Errorf("meeting 105 does not start at 12:20 London time:\n%s", res.body)
		}
	})
	t.Run("TokenFeedCarriesTheReadersView", func(t *testing.T) {
		member := a.as("member")
		res := member.post("/account/calendar-token", nil)
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		m := regexp.MustCompile(`https?://[^<"]+/calendar/(cal_[A-Za-z0-9_-]+)\.ics`).FindStringSubmatch(res.body)
		if m == nil {
			t.Fatalf("no feed URL shown:\n%s", res.body)
		}
		feed := "/calendar/" + m[1] + ".ics"
		var hashed bool
		if err := a.store.Pool().QueryRow(context.Background(),
			`SELECT bool_and(token_hash = sha256(convert_to($1, 'UTF8'))) FROM calendar_tokens`, m[1]).Scan(&hashed); err != nil || !hashed {
			t.Errorf("the stored token is not the feed secret's hash (%v): only its hash may be kept", err)
		}
		got := summaries(t, a.anonymous().get(feed))
		for _, want := range []string{"OPSG 106 – Main Meeting", "Action TABASC 87/01 due – Albion Energy", "Action PANEL 120/01 due", "PANEL 120"} {
			if !holds(got, want) {
				t.Errorf("personal feed lacks %q: %q", want, got)
			}
		}
		if holds(got, "Action TABASC 84/02") || holds(got, "OPSG 102/01") {
			t.Errorf("personal feed carries actions that are hidden or closed: %q", got)
		}
		committee := summaries(t, a.anonymous().get("/committees/PANEL/calendar.ics?token="+m[1]))
		if !holds(committee, "Action PANEL 120/01 due") {
			t.Errorf("committee feed with a token lacks the member's view: %q", committee)
		}
		member.get("/account").mustContain(t, "Regenerate my feed URL")

		// Regenerating kills the old URL.
		if res := member.post("/account/calendar-token", nil); res.status != http.StatusOK {
			t.Fatalf("regenerate: status %d", res.status)
		}
		if res := a.anonymous().get(feed); res.status != http.StatusNotFound {
			t.Errorf("old feed URL: status %d, want 404", res.status)
		}
	})
	t.Run("ErrAnonymousPanelFeedIsEmptyOfAmber", func(t *testing.T) {
		got := summaries(t, a.anonymous().get("/committees/PANEL/calendar.ics"))
		if len(got) != 0 {
			t.Errorf("anonymous PANEL feed = %q, want nothing (its minutes are AMBER)", got)
		}
	})
}
