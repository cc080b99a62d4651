package server

import (
	"net/http"
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// searchPageSize is how many hits a page of the search lists.
const searchPageSize = 20

// searchView is what the search's page and API read from a request: the
// reader (the public for the public site's), the search as typed and as
// applied, and the committees to choose from.
type searchView struct {
	reader     *mb.Reader
	typed      *form.SearchFilter
	filter     mb.SearchFilter
	committees []web.Option
	// epoch sums the committees' epochs: what a search finds moves
	// whenever it does (search_cache.go).
	epoch int64
}

func (s *Server) searchViewOf(r *http.Request, rd *mb.Reader) (*searchView, error) {
	committees, err := s.store.CommitteeNames(r.Context())
	if err != nil {
		return nil, err
	}
	byCode := map[string]int64{}
	v := &searchView{reader: rd, typed: form.ParseSearchFilter(r.URL.Query(), searchPageSize), epoch: epochOf(committees)}
	for _, c := range committees {
		byCode[c.Code] = c.ID
		v.committees = append(v.committees, web.CommitteeCodeOption(c))
	}
	v.filter = v.typed.Filter(byCode)
	return v, nil
}

// search runs the view's search, or, with toReference, answers the
// reference it names whole: ref is set when the words are one reference.
// The public site's search does so only for the public: a reference's
// page reads as whoever asks, and a signed-in reader on the public site
// is looking at what the public sees.
func (s *Server) search(r *http.Request, v *searchView, toReference bool) (res mb.SearchResults, ref string, err error) {
	if v.filter.Query == "" {
		return res, "", nil
	}
	if toReference {
		if ref, ok, err := s.store.ReferenceOf(r.Context(), v.filter.Query); err != nil || ok {
			return res, ref, err
		}
	}
	res, err = s.searchFor(r, v)
	return res, "", err
}

// handleSearch serves GET /search: whatever the reader may read.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	return s.searchPage(w, r, reader(r), false)
}

// handlePublicSearch serves GET /public/search: the published CLEAR
// minutes, whoever asks.
func (s *Server) handlePublicSearch(w http.ResponseWriter, r *http.Request) error {
	return s.searchPage(w, r, mb.Anonymous, true)
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, rd *mb.Reader, public bool) error {
	v, err := s.searchViewOf(r, rd)
	if err != nil {
		return err
	}
	res, ref, err := s.search(r, v, !public || !reader(r).SignedIn())
	if err != nil {
		return err
	}
	if ref != "" {
		http.Redirect(w, r, web.ReferencePath(ref), http.StatusSeeOther)
		return nil
	}
	path, section := web.SearchPath, "search"
	if public {
		path, section = web.PublicSearchPath, "public"
	}
	p := web.SearchPage{Chrome: s.chrome(r, "Search", section), Public: public, Filter: v.typed, Committees: v.committees, Searched: v.filter.Query != "", More: res.More}
	if p.Searched {
		p.Title = v.filter.Query + " · Search"
	}
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, web.SearchHitView{Hit: h, URL: web.SearchHitURL(h, public)})
	}
	p.Paging = paging(res.Total, v.typed.Page, v.typed.PerPage, len(res.Hits), func(page int) string {
		return path(v.typed.Query("page", pageParam(page)))
	})
	return s.page(w, r, web.Search(p))
}

// paging is where a page of a list of total stands: n rows shown of page
// (from 1) at perPage a page, and the links either side.
func paging(total, page, perPage, n int, url func(page int) string) web.Paging {
	p := web.Paging{Total: total, Page: page, Pages: max(1, (total+perPage-1)/perPage)}
	if n > 0 {
		p.First = (page-1)*perPage + 1
		p.Last = p.First + n - 1
	}
	if page > 1 {
		p.PrevURL = url(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.NextURL = url(page + 1)
	}
	return p
}

// apiHit is one search hit in the API. Title and snippet are plain text;
// the words matched are listed by marks in HTML fields.
type apiHit struct {
	Kind        string  `json:"kind"`
	Committee   string  `json:"committee"`
	Meeting     int     `json:"meeting,omitempty"`
	Date        *string `json:"date"`
	Title       string  `json:"title"`
	Snippet     string  `json:"snippet"`
	TitleHTML   string  `json:"title_html"`
	SnippetHTML string  `json:"snippet_html"`
	URL         string  `json:"url"`
	Rank        float64 `json:"rank"`
}

// handleAPISearch serves GET /api/v1/search: the search as JSON, by the
// same rule (a reference typed whole is searched as words here; its
// history is /api/v1/refs/{reference}).
func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request) error {
	v, err := s.searchViewOf(r, reader(r))
	if err != nil {
		return err
	}
	if len(v.typed.Errors) > 0 {
		return filterError(v.typed.Errors)
	}
	var res mb.SearchResults
	if v.filter.Query != "" {
		if res, err = s.searchFor(r, v); err != nil {
			return err
		}
	}
	out := struct {
		Query   string   `json:"q"`
		Total   int      `json:"total"`
		More    bool     `json:"more"`
		Page    int      `json:"page"`
		PerPage int      `json:"per_page"`
		Results []apiHit `json:"results"`
	}{Query: v.filter.Query, Total: res.Total, More: res.More, Page: v.typed.Page, PerPage: v.typed.PerPage, Results: []apiHit{}}
	for _, h := range res.Hits {
		out.Results = append(out.Results, apiHit{Kind: string(h.Kind), Committee: h.CommitteeCode, Meeting: h.MeetingNumber, Date: hitDate(h.Date),
			Title: web.Unmarked(h.Title), Snippet: web.Unmarked(h.Snippet), TitleHTML: web.MarkedHTML(h.Title), SnippetHTML: web.MarkedHTML(h.Snippet),
			URL: web.SearchHitURL(h, false), Rank: h.Rank})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// hitDate is a hit's day for the API, or nil for none.
func hitDate(d time.Time) *string {
	if d.Year() <= 1 {
		return nil
	}
	return apiDate(&d)
}
