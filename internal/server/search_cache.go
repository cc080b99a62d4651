package server

import (
	"fmt"
	"net/http"
	"strings"

	lru "github.com/hashicorp/golang-lru/v2"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// A search or a reference's history stays the same for a reader until a
// write moves it: every write to what the search reads (items, decisions,
// actions and their events, comments, risks and their reviews, meetings
// and attendance) moves its committee's minutes epoch on (migrations 0013
// and 0035). A server keeps each reader's results for a search under the
// sum of every committee's epoch, which the search reads with the
// committees anyway, and under who the reader is to the reading rule
// (registerKey), so that a search asked again, or a page of mentions come
// back to, reads nothing again, and two servers on one database agree.

// searchCache keeps readers' search results and reference histories.
type searchCache struct {
	results *lru.Cache[string, mb.SearchResults]
	refs    *lru.Cache[string, *mb.ReferenceHistory]
}

// cachedSearches is how many searches and histories a server keeps.
const cachedSearches = 2048

func newSearchCache() *searchCache {
	results, _ := lru.New[string, mb.SearchResults](cachedSearches)
	refs, _ := lru.New[string, *mb.ReferenceHistory](cachedSearches)
	return &searchCache{results: results, refs: refs}
}

// epochOf sums the committees' epochs.
func epochOf(committees []*mb.Committee) int64 {
	var epoch int64
	for _, c := range committees {
		epoch += c.Epoch
	}
	return epoch
}

// searchFor is the store's Search for the view, as kept.
func (s *Server) searchFor(r *http.Request, v *searchView) (mb.SearchResults, error) {
	f := v.filter
	kinds := fmt.Sprint(f.Kinds)
	key := registerKey(v.reader, v.epoch) + "/" + strings.Join([]string{f.Query, optionalID(f.CommitteeID), optionalDay(f.From), optionalDay(f.To),
		kinds, f.DecisionWord, f.ActionStatus, f.Sort, fmt.Sprint(f.Limit, "+", f.Offset)}, "\x00")
	if res, ok := s.searches.results.Get(key); ok {
		return res, nil
	}
	res, err := s.store.Search(r.Context(), v.reader, f)
	if err != nil {
		return res, err
	}
	s.searches.results.Add(key, res)
	return res, nil
}

// referenceFor is the store's ReferenceHistory, as kept at the epoch.
func (s *Server) referenceFor(r *http.Request, epoch int64, ref string, limit, offset int) (*mb.ReferenceHistory, error) {
	rd := reader(r)
	key := registerKey(rd, epoch) + "/" + ref + fmt.Sprint("/", limit, "+", offset)
	if h, ok := s.searches.refs.Get(key); ok {
		return h, nil
	}
	h, err := s.store.ReferenceHistory(r.Context(), rd, ref, limit, offset)
	if err != nil {
		return nil, err
	}
	s.searches.refs.Add(key, h)
	return h, nil
}
