package web

import (
	"context"
	"net/http"
	"strconv"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Chrome is what every page's layout needs: the title, who is reading, the
// flash message to show once, and which section of the navigation is current.
type Chrome struct {
	Title      string
	User       *mb.User // nil: an anonymous visitor
	Flash      string
	FlashError string
	Section    string // "committees", "actions", "escalations", "public", "audit", "admin", "account"
	// Nav lists extra navigation links the reader may follow, such as the
	// escalations dashboard for a parent body's chair.
	Nav []NavLink
}

// NavLink is one link in the main navigation.
type NavLink struct {
	Section string
	Label   string
	Href    string
}

// ErrorPage is shown for 404s, 500s and other refusals.
type ErrorPage struct {
	Chrome
	Status  int
	Heading string
	Message string
}

func itoa(n int) string { return strconv.Itoa(n) }

func i64(n int64) string { return strconv.FormatInt(n, 10) }

func joinWords(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += ", "
		}
		s += w
	}
	return s
}

func dateTime(t time.Time) string { return t.Format("2 Jan 2006 15:04") }

// statusKey carries a page's HTTP status to its layout.
type statusKey struct{}

// WithStatus records the status a page is answered with, so that the
// layout can title a refusal or a form sent back "Error: …".
func WithStatus(ctx context.Context, status int) context.Context {
	return context.WithValue(ctx, statusKey{}, status)
}

// pageTitle is the document's title: a page answered with an error status
// (a form sent back with its problems, a refusal, a page not found) begins
// "Error: ", so that the first thing a screen reader announces says so.
func pageTitle(ctx context.Context, title string) string {
	if status, _ := ctx.Value(statusKey{}).(int); status >= http.StatusBadRequest {
		return "Error: " + title
	}
	return title
}

// htmxConfig sets htmx up for the Content-Security-Policy (no inline
// style, no eval, no script in swapped content) and for forms sent back:
// a 422 or 409 answer holds the form as typed with its messages, so it is
// swapped in like a success; other refusals are not (the workspace's
// script says so).
const htmxConfig = `{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"historyCacheSize":0,` +
	`"refreshOnHistoryMiss":true,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},` +
	`{"code":"422","swap":true},{"code":"409","swap":true},{"code":"[45]..","swap":false,"error":true}]}`
