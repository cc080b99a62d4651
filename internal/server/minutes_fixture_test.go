package server_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
)

// fixtureLines returns the non-empty lines of the model document.
func fixtureLines(t *testing.T) []string {
	t.Helper()
	b, err := fixture.Read(fixture.OPSG105)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// pageText flattens a page's HTML to its text, collapsing spaces, so that
// the document can be compared with the model document's words.
func pageText(body string) string {
	body = regexp.MustCompile(`(?s)<(script|style)[^>]*>.*?</(script|style)>`).ReplaceAllString(body, " ")
	// Inline elements (a linked reference, emphasis) add no space, as a
	// browser draws them; every other tag separates.
	body = regexp.MustCompile(`</?(a|strong|em|mark|span)\b[^>]*>`).ReplaceAllString(body, "")
	body = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, " ")
	body = html.UnescapeString(body)
	return strings.Join(strings.Fields(body), " ")
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestDemoMeeting105MatchesFixture checks that the rendered minutes of the
// demo's OPSG 105 hold every attendee, apology, item, decision and action of
// the model document.
func TestDemoMeeting105MatchesFixture(t *testing.T) {
	a := newApp(t)
	for _, path := range []string{"/committees/OPSG/meetings/105", "/public/OPSG/105"} {
		t.Run(strings.ReplaceAll(path, "/", "_"), func(t *testing.T) {
			res := a.anonymous().get(path)
			if res.status != http.StatusOK {
				t.Fatalf("status %d", res.status)
			}
			text := pageText(res.body)
			lines := fixtureLines(t)

			want := []string{
				"This document is classified as Clear in accordance with the Panel Information Policy. Recipients can distribute this information to the world, there is no limit on disclosure.",
				"Operations Group Meeting 105", "23 October 2023, 12:20 – 16:00", "Teleconference", "OPSG_105_2310 – Final Minutes",
				"Next Main Meeting: 14 November 2023; Next Reporting Meeting: 27 November 2023",
				"Adam Rawling (Part) (Agenda Item 5)", "Andy Rowley (Part) (Agenda Item 5)",
				"The OPSG APPROVED the minutes from OPSG 103 as final.",
				"OPSG 102/01", "OPSG 102/05", "12/09/2023", "28/02/2024", "31/12/2023",
			}
			// Every attendee and apology, by name.
			start, end := indexOfLine(lines, "Attendees:"), indexOfLine(lines, "1. Previous Meeting Minutes")
			if start < 0 || end < start {
				t.Fatal("the fixture's attendee section was not found")
			}
			for _, l := range lines[start+1 : end] {
				fields := strings.Split(l, "\t")
				name := strings.TrimSpace(fields[len(fields)-1])
				name = strings.TrimSpace(regexp.MustCompile(`\(Part\).*`).ReplaceAllString(name, ""))
				if name == "" || strings.Contains(name, "Members") || strings.Contains(name, "Participants") || name == "Name" || strings.HasSuffix(name, ":") {
					continue
				}
				want = append(want, name)
			}
			// Every item and sub-item heading, decision and action.
			heading := regexp.MustCompile(`^(\d+(\.\d+)?)\.? (.+)$`)
			for _, l := range lines {
				switch {
				case heading.MatchString(l) && !strings.Contains(l, "October 2023,"):
					m := heading.FindStringSubmatch(l)
					want = append(want, m[1]+". "+m[3])
				case strings.HasPrefix(l, "ACTION "):
					want = append(want, l)
				case strings.HasPrefix(l, "- **NOTED**"), strings.HasPrefix(l, "- **AGREED**"):
					want = append(want, strings.ReplaceAll(strings.TrimPrefix(l, "- "), "**", ""))
				case strings.HasPrefix(l, "The OPSG **NOTED**"):
					want = append(want, strings.ReplaceAll(l, "**", ""))
				}
			}
			for _, w := range want {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("the rendered minutes lack %q", w)
				}
			}
			if got := strings.Count(res.body, `data-testid="decision"`); got != 12 {
				t.Errorf("got %d decisions, want the fixture's twelve", got)
			}
		})
	}
}

func indexOfLine(lines []string, want string) int {
	for i, l := range lines {
		if l == want {
			return i
		}
	}
	return -1
}
