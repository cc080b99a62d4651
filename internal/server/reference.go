package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// referencePageSize is how many mentions a page of a reference's history lists.
const referencePageSize = 50

// referenceHistory reads the reference named by {reference} (as
// reference_normal writes it: capitals, one space) and the page asked
// for, by the reader's rule.
func (s *Server) referenceHistory(r *http.Request) (*mb.ReferenceHistory, int, int, error) {
	raw, err := url.PathUnescape(chi.URLParam(r, "reference"))
	if err != nil || strings.TrimSpace(raw) == "" || len(raw) > 100 || !utf8.ValidString(raw) || strings.ContainsRune(raw, 0) {
		return nil, 0, 0, mb.Errorf(mb.ENOTFOUND, "There is no such reference.")
	}
	ref := strings.Join(strings.Fields(strings.ToUpper(raw)), " ")
	q := r.URL.Query()
	page, perPage := 1, referencePageSize
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 0 {
		page = min(p, form.MaxPage)
	}
	if pp := q.Get("per_page"); pp != "" {
		n, err := strconv.Atoi(pp)
		if err != nil || n < 1 || n > 500 {
			return nil, 0, 0, mb.Errorf(mb.EINVALID, "per_page is a whole number from 1 to 500.")
		}
		perPage = n
	}
	committees, err := s.store.CommitteeNames(r.Context())
	if err != nil {
		return nil, 0, 0, err
	}
	h, err := s.referenceFor(r, epochOf(committees), ref, perPage, (page-1)*perPage)
	return h, page, perPage, err
}

// handleReference serves GET /refs/{reference}: every mention the reader
// may read, in date order, with the decisions and actions of those items
// and the committees the reference travelled through.
func (s *Server) handleReference(w http.ResponseWriter, r *http.Request) error {
	h, page, perPage, err := s.referenceHistory(r)
	if err != nil {
		return err
	}
	p := web.ReferencePage{Chrome: s.chrome(r, h.Reference, "search"), History: h}
	p.Paging = paging(h.Total, page, perPage, len(h.Mentions), func(n int) string { return web.ReferencePagePath(h.Reference, n) })
	return s.page(w, r, web.Reference(p))
}

// apiMention is one mention in the API.
type apiMention struct {
	Kind      string  `json:"kind"`
	Committee string  `json:"committee"`
	Meeting   int     `json:"meeting,omitempty"`
	Date      *string `json:"date"`
	Item      string  `json:"item,omitempty"`
	Sentence  string  `json:"sentence"`
	URL       string  `json:"url"`
}

// handleAPIReference serves GET /api/v1/refs/{reference}: the history as JSON.
func (s *Server) handleAPIReference(w http.ResponseWriter, r *http.Request) error {
	h, page, perPage, err := s.referenceHistory(r)
	if err != nil {
		return err
	}
	type leg struct {
		Committee string `json:"committee"`
		First     string `json:"first"`
		Last      string `json:"last"`
		Meetings  int    `json:"meetings"`
	}
	type decision struct {
		Committee string `json:"committee"`
		Meeting   int    `json:"meeting"`
		Kind      string `json:"kind"`
		Text      string `json:"text"`
	}
	type action struct {
		Reference string `json:"reference"`
		Status    string `json:"status"`
		Text      string `json:"text"`
	}
	out := struct {
		Reference string       `json:"reference"`
		Total     int          `json:"total"`
		Page      int          `json:"page"`
		PerPage   int          `json:"per_page"`
		Timeline  []leg        `json:"timeline"`
		Decisions []decision   `json:"decisions"`
		Actions   []action     `json:"actions"`
		Mentions  []apiMention `json:"mentions"`
	}{Reference: h.Reference, Total: h.Total, Page: page, PerPage: perPage, Timeline: []leg{}, Decisions: []decision{}, Actions: []action{}, Mentions: []apiMention{}}
	for _, l := range h.Timeline {
		out.Timeline = append(out.Timeline, leg{l.CommitteeCode, *apiDate(&l.First), *apiDate(&l.Last), l.Meetings})
	}
	for _, d := range h.Decisions {
		out.Decisions = append(out.Decisions, decision{d.CommitteeCode, d.MeetingNumber, d.Kind, d.Text})
	}
	for _, a := range h.Actions {
		out.Actions = append(out.Actions, action{a.Reference(), a.Status, a.Text})
	}
	for _, m := range h.Mentions {
		out.Mentions = append(out.Mentions, apiMention{Kind: string(m.Kind), Committee: m.CommitteeCode, Meeting: m.MeetingNumber,
			Date: hitDate(m.Date), Item: m.ItemTitle, Sentence: m.Sentence, URL: web.MentionURL(m)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
