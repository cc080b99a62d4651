package web

import (
	"context"
	"io"
	"strings"

	"github.com/a-h/templ"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// SearchPage is the search (/search) or the public site's (/public/search).
type SearchPage struct {
	Chrome
	// Public is the public site's search: published CLEAR minutes only,
	// linked on the public site.
	Public     bool
	Filter     *form.SearchFilter
	Committees []Option
	Searched   bool // words were given
	Hits       []SearchHitView
	// More says Total is a lower bound: the search counted and ranked
	// the newest matches of each kind.
	More bool
	Paging
}

// Paging is where a list of pages stands: the page, how many, the range
// shown and the links either side.
type Paging struct {
	Total, Page, Pages int
	First, Last        int
	PrevURL, NextURL   string
}

// SearchHitView is one hit with the address it links to.
type SearchHitView struct {
	Hit mb.SearchHit
	URL string
}

// Where says whose record a hit is: "OPSG 105 · 23 Oct 2023".
func (h SearchHitView) Where() string {
	s := h.Hit.CommitteeCode
	if h.Hit.MeetingNumber > 0 {
		s += " " + itoa(h.Hit.MeetingNumber)
	}
	if !h.Hit.Date.IsZero() && h.Hit.Date.Year() > 1 {
		s += " · " + h.Hit.Date.Format("2 Jan 2006")
	}
	return s
}

// SearchHitURL is where a hit leads: the minutes (on the public site for
// the public search), the action's or the risk's page, the paper, or the
// item on its agenda (which every reader of the agenda opens, on either
// site).
func SearchHitURL(h mb.SearchHit, public bool) string {
	switch h.Kind {
	case mb.KindAction, mb.KindNote:
		return ActionPath(h.CommitteeCode, h.ActionMeeting, h.ActionSequence)
	case mb.KindRisk, mb.KindReview:
		return RiskPath(h.CommitteeCode, h.RiskReference)
	case mb.KindPaper:
		return PaperPath(h.CommitteeCode, h.MeetingNumber, h.ID)
	case mb.KindAgenda:
		return AgendaAtItemPath(h.CommitteeCode, h.MeetingNumber, h.ItemNumber)
	}
	if h.MeetingNumber == 0 {
		return CommitteePath(h.CommitteeCode)
	}
	if public {
		return PublicMinutesPath(h.CommitteeCode, h.MeetingNumber)
	}
	if h.Kind == mb.KindDecision {
		return MeetingDecisionPath(h.CommitteeCode, h.MeetingNumber, h.ID)
	}
	return MeetingPath(h.CommitteeCode, h.MeetingNumber)
}

// SearchKindOptions are the kinds a search may keep to; the public's are
// those of published minutes.
func SearchKindOptions(public bool) []Option {
	var out []Option
	for _, k := range mb.SearchKinds {
		if public && (k == mb.KindComment || k == mb.KindRisk || k == mb.KindReview) {
			continue
		}
		out = append(out, Option{string(k), k.Label()})
	}
	return out
}

func searchSortOptions() []Option {
	return []Option{{"", "Relevance"}, {mb.SortDate, "Date (newest first)"}}
}

func actionStatusOptions() []Option {
	return []Option{{string(mb.ActionOpen), "Open"}, {string(mb.ActionClosed), "Closed"}}
}

// marked writes text with the words the search matched (between
// mb.MarkStart and mb.MarkEnd) in <mark>, everything else escaped.
func marked(text string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, MarkedHTML(text))
		return err
	})
}

// Unmarked is text without the search's marks.
func Unmarked(text string) string {
	return strings.NewReplacer(mb.MarkStart, "", mb.MarkEnd, "").Replace(text)
}

// MarkedHTML is text as HTML with the search's marks as <mark>.
func MarkedHTML(text string) string {
	var b strings.Builder
	for text != "" {
		i := strings.Index(text, mb.MarkStart)
		if i < 0 {
			b.WriteString(templ.EscapeString(text))
			break
		}
		b.WriteString(templ.EscapeString(text[:i]))
		text = text[i+len(mb.MarkStart):]
		j := strings.Index(text, mb.MarkEnd)
		if j < 0 {
			j = len(text)
		}
		b.WriteString("<mark>" + templ.EscapeString(text[:j]) + "</mark>")
		text = strings.TrimPrefix(text[j:], mb.MarkEnd)
	}
	return b.String()
}
