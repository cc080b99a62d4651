package form

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ActionFilter is the register's filter as it stands in the URL, so that a
// view can be bookmarked and shared. Values are kept as typed; one that
// cannot be read is reported in Errors and not applied.
type ActionFilter struct {
	Committee  string // committee code
	Owner      string // owner organisation id
	Status     string // open, closed, overdue or ""
	RaisedFrom string // YYYY-MM-DD
	RaisedTo   string
	Words      string
	Sort       string
	Page       int
	Errors     Errors
}

// ParseActionFilter reads the filter from a URL's query.
func ParseActionFilter(q url.Values) *ActionFilter {
	f := &ActionFilter{
		Committee: strings.ToUpper(strings.TrimSpace(q.Get("committee"))), Owner: strings.TrimSpace(q.Get("owner")),
		Status: strings.TrimSpace(q.Get("status")), RaisedFrom: strings.TrimSpace(q.Get("raised_from")),
		RaisedTo: strings.TrimSpace(q.Get("raised_to")), Words: strings.TrimSpace(q.Get("q")),
		Sort: strings.TrimSpace(q.Get("sort")), Page: 1, Errors: Errors{},
	}
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 0 {
		f.Page = p
	}
	return f
}

// Filter turns the typed filter into the store's, given the committees'
// ids by code. Values that cannot be read are reported and left out.
func (f *ActionFilter) Filter(committees map[string]int64, today time.Time) mb.ActionFilter {
	out := mb.ActionFilter{Today: today, Sort: mb.SortReference}
	if f.Committee != "" {
		if id, ok := committees[f.Committee]; ok {
			out.CommitteeID = &id
		} else {
			f.Errors["committee"] = "There is no committee " + f.Committee + " that you may see."
		}
	}
	out.OwnerID = chosenID(f.Owner, "owner", "Choose one of the owners.", f.Errors)
	switch f.Status {
	case "", mb.FilterOpen, mb.FilterClosed, mb.FilterOverdue:
		out.Status = f.Status
	default:
		f.Errors["status"] = "Choose open, overdue or closed."
	}
	out.RaisedFrom = optionalDate(f.RaisedFrom, "raised_from", f.Errors)
	out.RaisedTo = optionalDate(f.RaisedTo, "raised_to", f.Errors)
	if out.RaisedFrom != nil && out.RaisedTo != nil && out.RaisedTo.Before(*out.RaisedFrom) {
		f.Errors["raised_to"] = "The end of the range is before its start."
		out.RaisedTo = nil
	}
	out.Words = strings.Fields(f.Words)
	if len(out.Words) > 10 {
		out.Words = out.Words[:10]
	}
	switch f.Sort {
	case "", mb.SortReference:
	case mb.SortTarget, mb.SortAge:
		out.Sort = f.Sort
	default:
		f.Errors["sort"] = "Sort by reference, target date or age."
	}
	return out
}

// Query encodes the filter for a URL, leaving out empty values; set
// overrides fields by query name ("status", "page", …) and "" drops one.
func (f *ActionFilter) Query(set ...string) string {
	page := ""
	if f.Page > 1 {
		page = strconv.Itoa(f.Page)
	}
	return encodeQuery([]string{"committee", f.Committee, "owner", f.Owner, "status", f.Status, "raised_from", f.RaisedFrom,
		"raised_to", f.RaisedTo, "q", f.Words, "sort", f.Sort, "page", page}, set)
}

// encodeQuery encodes name, value pairs for a URL ("?a=1&b=2", or "" for
// none), leaving out empty values; set overrides by name and "" drops one.
func encodeQuery(pairs, set []string) string {
	v := url.Values{}
	for _, list := range [][]string{pairs, set} {
		for i := 0; i+1 < len(list); i += 2 {
			if list[i+1] == "" {
				v.Del(list[i])
			} else {
				v.Set(list[i], list[i+1])
			}
		}
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}
