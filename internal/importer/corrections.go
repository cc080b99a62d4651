package importer

import (
	"strings"

	"github.com/minutebook/minutebook/internal/minutesimport"
)

// Corrections are what a person changed in the browser's preview before
// saving: the header, items' titles, and the heading each attendee or
// apology is listed under. Indexes are those of Document.Items and of
// Groups (attendees, then apologies).
type Corrections struct {
	Number                                        int
	Kind, Date, Start, End, Venue, Classification string
	Titles                                        map[int]string
	Groups                                        map[int]string
}

// Group is the heading the i-th person of the roll call is listed under:
// the attendees first, then the apologies.
func Group(doc *minutesimport.Document, i int) string {
	if i < len(doc.Attendees) {
		if a := doc.Attendees[i]; a.Category != "" {
			return a.Category
		}
		return doc.Attendees[i].Representing
	}
	if i -= len(doc.Attendees); i < len(doc.Apologies) {
		return doc.Apologies[i].Representing
	}
	return ""
}

// Apply writes the corrections into the document. A heading changed to one
// of the committee's categories makes the attendee a member in it; changed
// to anything else, the organisation they represent. A heading left as read
// keeps what the parser made of it, so that a category the committee lacks
// is still refused rather than taken for an organisation.
func (c Corrections) Apply(doc *minutesimport.Document, categories []string) {
	m := &doc.Meeting
	m.Number, m.Kind, m.Date, m.Start, m.End = c.Number, c.Kind, c.Date, c.Start, c.End
	m.Venue, m.Classification = c.Venue, c.Classification
	for k, title := range c.Titles {
		if k >= 0 && k < len(doc.Items) {
			doc.Items[k].Title = title
		}
	}
	for i, group := range c.Groups {
		group = strings.Join(strings.Fields(group), " ")
		switch {
		case i < 0 || group == Group(doc, i):
		case i < len(doc.Attendees):
			a := &doc.Attendees[i]
			a.Category, a.Representing = "", group
			for _, cat := range categories {
				if strings.EqualFold(cat, group) {
					a.Category, a.Representing = cat, ""
				}
			}
		case i-len(doc.Attendees) < len(doc.Apologies):
			doc.Apologies[i-len(doc.Attendees)].Representing = group
		}
	}
}
