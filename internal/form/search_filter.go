package form

import (
	"net/url"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// SearchFilter is a search as typed in the URL: the words and the filters.
type SearchFilter struct {
	Words        string
	Committee    string
	From, To     string
	Kind         string
	DecisionWord string
	ActionStatus string
	Sort         string
	Page         int
	PerPage      int
	Errors       Errors
	// perPage is the page size when none is asked for.
	perPage int
}

// MaxPage is the furthest page a list may be asked for: past it an offset
// would overflow (and no reader pages so far).
const MaxPage = 100_000

// searchQueryLimit bounds the words of a search.
const searchQueryLimit = 200

// ParseSearchFilter reads a search from a URL's query; perPage is the page
// size when per_page is not given, which may ask for up to 500.
func ParseSearchFilter(q url.Values, perPage int) *SearchFilter {
	// Text PostgreSQL cannot hold (a NUL, bytes that are not UTF-8) is
	// left out, so that an odd address searches for the rest.
	text := func(key string) string {
		return strings.TrimSpace(strings.ReplaceAll(strings.ToValidUTF8(q.Get(key), ""), "\x00", ""))
	}
	f := &SearchFilter{
		Words: text("q"), Committee: strings.ToUpper(text("committee")),
		From: text("from"), To: text("to"), Kind: text("kind"),
		DecisionWord: strings.ToUpper(text("decision")), ActionStatus: text("status"),
		Sort: text("sort"), Page: 1, PerPage: perPage, Errors: Errors{}, perPage: perPage,
	}
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 0 {
		f.Page = min(p, MaxPage)
	}
	if pp := q.Get("per_page"); pp != "" {
		if n, err := strconv.Atoi(pp); err == nil && n >= 1 && n <= 500 {
			f.PerPage = n
		} else {
			f.Errors["per_page"] = "Ask for 1 to 500 results a page."
		}
	}
	return f
}

// Filter turns the typed search into the store's, given the committees'
// ids by code. Values that cannot be read are reported and left out.
func (f *SearchFilter) Filter(committees map[string]int64) mb.SearchFilter {
	out := mb.SearchFilter{Query: f.Words, Sort: mb.SortRelevance, Limit: f.PerPage, Offset: (f.Page - 1) * f.PerPage}
	if len([]rune(out.Query)) > searchQueryLimit {
		f.Errors["q"] = "Search for at most 200 characters."
		out.Query = string([]rune(out.Query)[:searchQueryLimit])
	}
	if f.Committee != "" {
		if id, ok := committees[f.Committee]; ok {
			out.CommitteeID = &id
		} else {
			f.Errors["committee"] = "There is no committee " + f.Committee + " that you may see."
		}
	}
	out.From = optionalDate(f.From, "from", f.Errors)
	out.To = optionalDate(f.To, "to", f.Errors)
	if out.From != nil && out.To != nil && out.To.Before(*out.From) {
		f.Errors["to"] = "The end of the range is before its start."
		out.To = nil
	}
	if f.Kind != "" {
		if k, ok := mb.ParseSearchKind(f.Kind); ok {
			out.Kinds = []mb.SearchKind{k}
		} else {
			f.Errors["kind"] = "Choose one of the kinds of record."
		}
	}
	if f.DecisionWord != "" {
		if mb.ValidDecisionWord(f.DecisionWord) {
			out.DecisionWord = f.DecisionWord
		} else {
			f.Errors["decision"] = "A decision word is capital letters, such as AGREED or NOTED."
		}
	}
	switch f.ActionStatus {
	case "":
	case string(mb.ActionOpen), string(mb.ActionClosed):
		out.ActionStatus = f.ActionStatus
	default:
		f.Errors["status"] = "Choose open or closed actions."
	}
	switch f.Sort {
	case "", mb.SortRelevance:
	case mb.SortDate:
		out.Sort = mb.SortDate
	default:
		f.Errors["sort"] = "Sort by relevance or date."
	}
	return out
}

// Query encodes the search for a URL, leaving out empty values; set
// overrides fields by query name ("page", "sort", …) and "" drops one.
func (f *SearchFilter) Query(set ...string) string {
	page, perPage := "", ""
	if f.Page > 1 {
		page = strconv.Itoa(f.Page)
	}
	if f.PerPage != f.perPage {
		perPage = strconv.Itoa(f.PerPage)
	}
	return encodeQuery([]string{"q", f.Words, "committee", f.Committee, "from", f.From, "to", f.To, "kind", f.Kind,
		"decision", f.DecisionWord, "status", f.ActionStatus, "sort", f.Sort, "page", page, "per_page", perPage}, set)
}
