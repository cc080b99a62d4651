package server

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// registerPageSize is how many actions a page of the register lists.
const registerPageSize = 50

// registerView is what every view of the register (page, CSV, API) reads
// from a request: the reader, the filter as typed and as applied.
type registerView struct {
	reader     *mb.Reader
	typed      *form.ActionFilter
	filter     mb.ActionFilter
	committees []*mb.Committee
	// epoch sums the committees' epochs: what the register shows moves
	// whenever it does (see register_cache.go).
	epoch int64
}

func (s *Server) registerViewOf(r *http.Request) (*registerView, error) {
	ctx := r.Context()
	committees, err := s.store.CommitteeNames(ctx)
	if err != nil {
		return nil, err
	}
	byCode := map[string]int64{}
	var epoch int64
	for _, c := range committees {
		byCode[c.Code] = c.ID
		epoch += c.Epoch
	}
	v := &registerView{reader: reader(r), typed: form.ParseActionFilter(r.URL.Query()), committees: committees, epoch: epoch}
	v.filter = v.typed.Filter(byCode, s.clock.Today())
	return v, nil
}

// handleActions serves GET /actions: the register.
func (s *Server) handleActions(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	v, err := s.registerViewOf(r)
	if err != nil {
		return err
	}
	totals, err := s.totalsFor(r, v)
	if err != nil {
		return err
	}
	counts := mb.CountsOf(totals)
	p := web.ActionsPage{Chrome: s.chrome(r, "Actions register", "actions"), Filter: v.typed, Counts: counts}
	p.Total = counts.For(v.filter.Status)
	p.Pages = max(1, (p.Total+registerPageSize-1)/registerPageSize)
	p.Page = min(v.typed.Page, p.Pages)
	f := v.filter
	f.Limit, f.Offset = registerPageSize, (p.Page-1)*registerPageSize
	entries, err := s.store.RegisterEntries(ctx, v.reader, f)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p.Rows = append(p.Rows, web.ActionRow{Entry: e, URL: web.ActionPath(e.Action.CommitteeCode, e.Action.MeetingNumber, e.Action.Sequence), Overdue: e.Action.Overdue(f.Today),
			AgeDays: mb.DaysBetween(e.Action.RaisedOn, f.Today)})
	}
	if len(entries) > 0 {
		p.First, p.Last = f.Offset+1, f.Offset+len(entries)
	}
	if p.Page > 1 {
		p.PrevURL = web.ActionsPath(v.typed.Query("page", pageParam(p.Page-1)))
	}
	if p.Page < p.Pages {
		p.NextURL = web.ActionsPath(v.typed.Query("page", strconv.Itoa(p.Page+1)))
	}
	p.CSVURL = web.ActionsCSVPath(v.typed.Query("page", ""))
	p.APIURL = web.APIActionsPath(v.typed.Query("page", ""))
	for _, st := range []struct{ value, label string }{{"", "All"}, {mb.FilterOpen, "Open"}, {mb.FilterOverdue, "Overdue"}, {mb.FilterClosed, "Closed"}} {
		p.Statuses = append(p.Statuses, web.FilterLink{
			Label: st.label + " (" + strconv.Itoa(counts.For(st.value)) + ")", Href: web.ActionsPath(v.typed.Query("status", st.value, "page", "")),
			Current: v.filter.Status == st.value, TestID: "status-" + orAll(st.value),
		})
	}
	p.Mine = mineLinks(reader(r))
	p.Slippage = mb.SlippageByOwner(totals, v.filter.Status)
	p.Chart = web.NewAgeChart(mb.AgesByOwner(totals, v.filter.Status))
	// The owner filter offers every owner the reader may read: an
	// unfiltered view's totals name them all.
	owners := mb.OwnersOf(totals)
	if !v.filter.Unfiltered() {
		if owners, err = s.ownersFor(r, v); err != nil {
			return err
		}
	}
	p.Owners = web.Options(owners, web.OrganisationOption)
	// The reader's own organisation is a choice even before it owns anything,
	// so that "my organisation's actions" shows as chosen.
	if rd := reader(r); rd.SignedIn() && rd.User.OrganisationID != nil {
		own := strconv.FormatInt(*rd.User.OrganisationID, 10)
		if !slices.ContainsFunc(p.Owners, func(o web.Option) bool { return o.Value == own }) {
			p.Owners = append(p.Owners, web.Option{Value: own, Label: rd.User.OrganisationName})
		}
	}
	for _, c := range v.committees {
		p.Committees = append(p.Committees, web.CommitteeCodeOption(c))
		if reader(r).CanEditMeeting(c.ID) {
			p.CanAddEarly = append(p.CanAddEarly, web.Option{Value: web.EarlierActionNewPath(c.Code), Label: "Enter an earlier action of " + c.Code})
		}
	}
	return s.page(w, r, web.Actions(p))
}

func pageParam(n int) string {
	if n <= 1 {
		return ""
	}
	return strconv.Itoa(n)
}

func orAll(s string) string {
	if s == "" {
		return "all"
	}
	return s
}

// mineLinks are the one-click views of the reader's organisation's actions.
func mineLinks(rd *mb.Reader) []web.FilterLink {
	if !rd.SignedIn() || rd.User.OrganisationID == nil {
		return nil
	}
	owner := strconv.FormatInt(*rd.User.OrganisationID, 10)
	name := rd.User.OrganisationName
	mine := func(f form.ActionFilter) string { return web.ActionsPath(f.Query()) }
	return []web.FilterLink{
		{Label: name + "’s open actions", Href: mine(form.ActionFilter{Owner: owner, Status: mb.FilterOpen}), TestID: "mine-open"},
		{Label: name + "’s overdue actions", Href: mine(form.ActionFilter{Owner: owner, Status: mb.FilterOverdue, Sort: mb.SortTarget}), TestID: "mine-overdue"},
		{Label: "All of " + name + "’s actions", Href: mine(form.ActionFilter{Owner: owner}), TestID: "mine-all"},
	}
}

// filterError reports filters that cannot be read, for the CSV and the API
// (the page shows them beside the filter instead).
func filterError(errs map[string]string) error {
	fields := map[string]string{}
	var msgs []string
	for k, v := range errs {
		fields[k] = v
		msgs = append(msgs, k+": "+v)
	}
	return &mb.Error{Code: mb.EINVALID, Message: "Some filters could not be read: " + strings.Join(msgs, "; "), Fields: fields}
}
