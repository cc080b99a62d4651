package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

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
		// Only the Panel's published CLEAR meeting (119, whose action has
		// no target date); nothing of its AMBER 120th.
		got := summaries(t, a.anonymous().get("/committees/PANEL/calendar.ics"))
		if len(got) != 1 || got[0] != "PANEL 119 – Main Meeting" {
			t.Errorf("anonymous PANEL feed = %q, want only its published CLEAR meeting", got)
		}
	})
}

// icsLine is one unfolded content line of an iCalendar stream.
type icsLine struct {
	name   string
	params map[string][]string
	value  string
}

var (
	icsName      = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	icsTextProps = map[string]bool{"SUMMARY": true, "DESCRIPTION": true, "LOCATION": true, "X-WR-CALNAME": true, "NAME": true}
)

// parseStrictICalendar reads an iCalendar stream as RFC 5545 §3.1 writes
// it, refusing what lenient readers let by: lines end in CRLF and nothing
// else; no CR or LF stands alone; a physical line holds at most 75 octets,
// and a folded one starts with a space or a tab; names, parameters and
// values are made of the characters the grammar allows (no control
// characters but tab); TEXT values escape backslash, semicolon, comma and
// newline; components nest, and a calendar has VERSION:2.0 and a PRODID.
func parseStrictICalendar(t *testing.T, body string) []icsLine {
	t.Helper()
	if !utf8.ValidString(body) {
		t.Fatal("the stream is not UTF-8")
	}
	if !strings.HasSuffix(body, "\r\n") {
		t.Fatalf("the stream does not end in CRLF: %q", body[max(0, len(body)-20):])
	}
	var unfolded []string
	for i, phys := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if strings.ContainsAny(phys, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i+1, phys)
		}
		if len(phys) > 75 {
			t.Errorf("line %d is %d octets, more than 75: %q", i+1, len(phys), phys)
		}
		if phys != "" && (phys[0] == ' ' || phys[0] == '\t') {
			if i == 0 {
				t.Fatal("the stream starts with a continuation line")
			}
			unfolded[len(unfolded)-1] += phys[1:]
			continue
		}
		unfolded = append(unfolded, phys)
	}
	ctl := func(r rune) bool { return (r < 0x20 && r != '\t') || r == 0x7f }
	var lines []icsLine
	var stack []string
	for _, l := range unfolded {
		colon := -1
		inQuote := false
		for i, r := range l {
			if r == '"' {
				inQuote = !inQuote
			}
			if r == ':' && !inQuote {
				colon = i
				break
			}
		}
		if colon < 0 {
			t.Fatalf("content line without a value: %q", l)
		}
		head, value := l[:colon], l[colon+1:]
		parts := strings.Split(head, ";")
		cl := icsLine{name: strings.ToUpper(parts[0]), params: map[string][]string{}, value: value}
		if !icsName.MatchString(parts[0]) {
			t.Fatalf("bad property name %q in %q", parts[0], l)
		}
		for _, p := range parts[1:] {
			k, v, ok := strings.Cut(p, "=")
			if !ok || !icsName.MatchString(k) || strings.ContainsFunc(v, ctl) {
				t.Fatalf("bad parameter %q in %q", p, l)
			}
			cl.params[strings.ToUpper(k)] = append(cl.params[strings.ToUpper(k)], v)
		}
		if strings.ContainsFunc(value, ctl) {
			t.Fatalf("a control character in the value of %q", l)
		}
		if icsTextProps[cl.name] {
			for i := 0; i < len(value); i++ {
				switch value[i] {
				case '\\':
					if i+1 >= len(value) || !strings.ContainsRune(`\;,nN`, rune(value[i+1])) {
						t.Fatalf("a bad escape in %q", l)
					}
					i++
				case ';', ',':
					t.Fatalf("an unescaped %q in the TEXT value of %q", value[i], l)
				}
			}
		}
		switch cl.name {
		case "BEGIN":
			stack = append(stack, value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s closes %v", value, stack)
			}
			stack = stack[:len(stack)-1]
		}
		lines = append(lines, cl)
	}
	if len(stack) != 0 || len(lines) < 2 || lines[0].name != "BEGIN" || lines[0].value != "VCALENDAR" {
		t.Fatalf("not one calendar: open %v", stack)
	}
	var version, prodid bool
	for _, l := range lines {
		version = version || (l.name == "VERSION" && l.value == "2.0")
		prodid = prodid || l.name == "PRODID"
	}
	if !version || !prodid {
		t.Error("the calendar lacks VERSION:2.0 or PRODID")
	}
	return lines
}

// icsUnescape reads a TEXT value.
func icsUnescape(v string) string {
	return strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\N`, "\n", `\;`, ";", `\,`, ",").Replace(v)
}

// Issue 13, point 7: feeds end their lines in CRLF, and a raw CR or LF in
// a value (a browser sends a textarea's newlines as CRLF) is escaped, never
// passed through.
func TestCalendarFeedIsStrictRFC5545(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	dcc, err := a.store.EnsureOrganisation(context.Background(), "DCC")
	if err != nil {
		t.Fatal(err)
	}
	text := "First line\r\nSecond line\rThird, with a comma; and a semicolon. " +
		strings.Repeat("Énergie Rhône to report on the 3G switch-off. ", 4)
	res := sec.post("/committees/OPSG/actions/new", url.Values{"reference": {"OPSG 98/04"}, "raised_on": {"2023-06-13"},
		"text": {text}, "owner": {i64(dcc.ID)}, "target_date": {"2030-09-30"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("earlier action: status %d\n%s", res.status, res.body)
	}
	member := a.as("member")
	feedURL := regexp.MustCompile(`https?://[^<"]+(/calendar/cal_[A-Za-z0-9_-]+\.ics)`).FindStringSubmatch(member.post("/account/calendar-token", nil).body)
	if feedURL == nil {
		t.Fatal("no personal feed URL")
	}
	for _, feed := range []struct {
		name string
		res  *response
	}{
		{"Committee", sec.get("/committees/OPSG/calendar.ics")},
		{"Public", a.anonymous().get("/committees/OPSG/calendar.ics")},
		{"Personal", a.anonymous().get(feedURL[1])},
	} {
		t.Run(feed.name, func(t *testing.T) {
			if feed.res.status != http.StatusOK {
				t.Fatalf("status %d", feed.res.status)
			}
			lines := parseStrictICalendar(t, feed.res.body)
			if feed.name != "Committee" {
				return
			}
			var found bool
			for i, l := range lines {
				if l.name == "SUMMARY" && strings.Contains(l.value, "OPSG 98/04") {
					for _, d := range lines[i:] {
						if d.name == "DESCRIPTION" {
							found = true
							want := strings.TrimSpace(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text))
							if got := icsUnescape(d.value); got != want {
								t.Errorf("description %q, want %q", got, want)
							}
							break
						}
					}
				}
			}
			if !found {
				t.Errorf("the feed lacks action OPSG 98/04")
			}
		})
	}
}
