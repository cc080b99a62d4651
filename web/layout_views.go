package web

import (
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
