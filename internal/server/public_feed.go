package server

import (
	"encoding/xml"
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// atomFeed and atomEntry are the parts of RFC 4287 the feed uses.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// baseURL is the site's address as the request reached it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// handlePublicFeed serves GET /public/{code}/feed.atom: an Atom feed of the
// committee's published CLEAR minutes and agendas. Feed readers do not sign in, so the
// feed is always what the public may read, whoever fetches it.
func (s *Server) handlePublicFeed(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	list, err := s.store.Meetings(r.Context(), mb.MeetingFilter{CommitteeID: &c.ID, Statuses: []mb.MinutesStatus{mb.Published}})
	if err != nil {
		return err
	}
	var public []*mb.Meeting
	var ids []int64
	for _, m := range list {
		if mb.Anonymous.CanReadMinutes(m, false) {
			public = append(public, m)
			ids = append(ids, m.ID)
		}
	}
	published, err := s.store.PublishedAt(r.Context(), ids)
	if err != nil {
		return err
	}
	base := baseURL(r)
	self := base + web.PublicFeedPath(c.Code)
	feed := atomFeed{
		ID: self, Title: c.Code + " " + c.Name + ": published minutes and agendas",
		Links:  []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"}, {Rel: "alternate", Href: base + web.PublicCommitteePath(c.Code), Type: "text/html"}},
		Author: atomAuthor{Name: c.Code + " secretariat"},
	}
	var newest time.Time
	for _, m := range public {
		at, ok := published[m.ID]
		if !ok {
			at = m.UpdatedAt
		}
		if at.After(newest) {
			newest = at
		}
		link := base + web.PublicMinutesPath(c.Code, m.Number)
		feed.Entries = append(feed.Entries, atomEntry{
			ID: link, Title: m.DocumentTitle(), Updated: at.UTC().Format(time.RFC3339),
			Link:    atomLink{Rel: "alternate", Href: link, Type: "text/html"},
			Summary: m.Title() + ", " + m.DateLabel() + ", " + m.Venue + ".",
		})
	}
	// Published CLEAR agendas, as the public may read them; an entry is
	// updated with each revision, which its summary names.
	agendas, err := s.readableAgendas(r, mb.Anonymous, c.ID)
	if err != nil {
		return err
	}
	for _, a := range agendas {
		m, latest := a.Meeting, a.Agenda.Revisions[0]
		if latest.At.After(newest) {
			newest = latest.At
		}
		link := base + web.AgendaPath(c.Code, m.Number)
		feed.Entries = append(feed.Entries, atomEntry{
			ID: link, Title: a.Agenda.Title(), Updated: latest.At.UTC().Format(time.RFC3339),
			Link:    atomLink{Rel: "alternate", Href: link, Type: "text/html"},
			Summary: m.Title() + ", " + m.DateLabel() + ", " + m.Venue + ". " + latest.Summary() + ".",
		})
	}
	if newest.IsZero() {
		newest = c.UpdatedAt
	}
	feed.Updated = newest.UTC().Format(time.RFC3339)
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	if _, err := w.Write([]byte(xml.Header)); err != nil {
		return nil
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	_ = enc.Encode(feed)
	return nil
}
