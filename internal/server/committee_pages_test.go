package server_test

import (
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/scaledemo"
)

// TestCommitteeMeetingPages: a committee with years of meetings lists them
// a page at a time, newest first, with links to older and newer pages.
func TestCommitteeMeetingPages(t *testing.T) {
	a, _ := newScaleApp(t, scaledemo.Small)
	c := a.as("member")
	rows := func(body string) int { return strings.Count(body, `<tr><td><a href="/committees/OPSG/meetings/`) }

	first := c.get("/committees/OPSG")
	first.mustContain(t, `data-testid="meetings-pager"`, "Page 1 of", `data-testid="older-meetings"`, "/committees/OPSG?page=2#meetings")
	first.mustNotContain(t, "Newer meetings")
	if n := rows(first.body); n != 25 {
		t.Errorf("the first page lists %d meetings, want 25", n)
	}

	second := c.get("/committees/OPSG?page=2")
	second.mustContain(t, "Page 2 of", "Newer meetings", "/committees/OPSG?page=1#meetings")
	if n := rows(second.body); n == 0 || strings.Contains(second.body, firstMeeting(first.body)) {
		t.Errorf("the second page lists %d meetings and repeats the first page's", n)
	}

	// A page past the end shows the last page; a page that is not a number, the first.
	last := c.get("/committees/OPSG?page=999")
	last.mustContain(t, "Newer meetings")
	last.mustNotContain(t, `data-testid="older-meetings"`)
	c.get("/committees/OPSG?page=x").mustContain(t, "Page 1 of")
}

// firstMeeting returns the link of the first meeting listed.
func firstMeeting(body string) string {
	i := strings.Index(body, `<tr><td><a href="/committees/OPSG/meetings/`)
	if i < 0 {
		return "\x00"
	}
	j := strings.Index(body[i:], `">`)
	return body[i : i+j]
}
