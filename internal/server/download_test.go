package server_test

import (
	"mime"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// Issue 13, point 10: every download (the register as CSV, the calendar
// feeds, the minutes as PDF and Word) is an attachment under a safe file
// name, with nosniff and its own type.
func TestDownloadsAreAttachments(t *testing.T) {
	a := newApp(t)
	member := a.as("member")
	feed := regexp.MustCompile(`https?://[^<"]+(/calendar/cal_[A-Za-z0-9_-]+\.ics)`).FindStringSubmatch(member.post("/account/calendar-token", nil).body)
	if feed == nil {
		t.Fatal("no personal feed URL")
	}
	safe := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ._-]*\.(csv|ics|pdf|docx)$`)
	for _, tc := range []struct {
		path, contentType string
	}{
		{"/actions.csv", "text/csv"},
		{"/actions.csv?status=open&q=" + "%22%3B%0D%0Aevil", "text/csv"},
		{"/committees/OPSG/calendar.ics", "text/calendar"},
		{feed[1], "text/calendar"},
		{"/committees/OPSG/meetings/105.pdf", "application/pdf"},
		{"/committees/OPSG/meetings/105.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"/committees/OPSG/meetings/102/versions/1.pdf", "application/pdf"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res := member.get(tc.path)
			if res.status != http.StatusOK {
				t.Fatalf("status %d", res.status)
			}
			if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, tc.contentType) {
				t.Errorf("Content-Type %q, want %s", ct, tc.contentType)
			}
			if res.header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", res.header.Get("X-Content-Type-Options"))
			}
			cd := res.header.Get("Content-Disposition")
			disposition, params, err := mime.ParseMediaType(cd)
			if err != nil || disposition != "attachment" {
				t.Fatalf("Content-Disposition %q (%v), want an attachment", cd, err)
			}
			if name := params["filename"]; !safe.MatchString(name) {
				t.Errorf("file name %q is not a safe one", name)
			}
		})
	}
}
