package server

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// registerPageSize is how many actions a page of the register lists.
const registerPageSize = 50

// today is the day against which targets are overdue.
// today is the current day at midnight UTC, as dates are stored.
func today() time.Time { return time.Now().UTC().Truncate(24 * time.Hour) }

// registerView is what every view of the register (page, CSV, API) reads
// from a request: the reader, the filter as typed and as applied.
type registerView struct {
	reader     *mb.Reader
	typed      *form.ActionFilter
	filter     mb.ActionFilter
	committees []*mb.Committee
}

func (s *Server) registerViewOf(r *http.Request) (*registerView, error) {
	ctx := r.Context()
	committees, err := s.store.Committees(ctx)
	if err != nil {
		return nil, err
	}
	byCode := map[string]int64{}
	for _, c := range committees {
		byCode[c.Code] = c.ID
	}
	v := &registerView{reader: reader(r), typed: form.ParseActionFilter(r.URL.Query()), committees: committees}
	v.filter = v.typed.Filter(byCode, today())
	return v, nil
}

// handleActions serves GET /actions: the register.
func (s *Server) handleActions(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	v, err := s.registerViewOf(r)
	if err != nil {
		return err
	}
	totals, err := s.store.RegisterTotals(ctx, v.reader, v.filter)
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
		p.Rows = append(p.Rows, web.ActionRow{Entry: e, URL: web.ActionURL(e.Action), Overdue: e.Action.Overdue(f.Today),
			AgeDays: mb.DaysBetween(e.Action.RaisedOn, f.Today)})
	}
	if len(entries) > 0 {
		p.First, p.Last = f.Offset+1, f.Offset+len(entries)
	}
	if p.Page > 1 {
		p.PrevURL = "/actions" + v.typed.Query("page", pageParam(p.Page-1))
	}
	if p.Page < p.Pages {
		p.NextURL = "/actions" + v.typed.Query("page", strconv.Itoa(p.Page+1))
	}
	p.CSVURL = "/actions.csv" + v.typed.Query("page", "")
	p.APIURL = "/api/v1/actions" + v.typed.Query("page", "")
	for _, st := range []struct{ value, label string }{{"", "All"}, {mb.FilterOpen, "Open"}, {mb.FilterOverdue, "Overdue"}, {mb.FilterClosed, "Closed"}} {
		p.Statuses = append(p.Statuses, web.FilterLink{
			Label: st.label + " (" + strconv.Itoa(counts.For(st.value)) + ")", Href: "/actions" + v.typed.Query("status", st.value, "page", ""),
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
		if owners, err = s.store.ActionOwners(ctx, v.reader); err != nil {
			return err
		}
	}
	for _, o := range owners {
		p.Owners = append(p.Owners, web.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	// The reader's own organisation is a choice even before it owns anything,
	// so that "my organisation's actions" shows as chosen.
	if rd := reader(r); rd.SignedIn() && rd.User.OrganisationID != nil {
		own := strconv.FormatInt(*rd.User.OrganisationID, 10)
		if !slices.ContainsFunc(p.Owners, func(o web.Option) bool { return o.Value == own }) {
			p.Owners = append(p.Owners, web.Option{Value: own, Label: rd.User.OrganisationName})
		}
	}
	for _, c := range v.committees {
		p.Committees = append(p.Committees, web.Option{Value: c.Code, Label: c.Code + " – " + c.Name})
		if reader(r).CanEditMeeting(c.ID) {
			p.CanAddEarly = append(p.CanAddEarly, web.Option{Value: "/committees/" + c.Code + "/actions/new", Label: "Enter an earlier action of " + c.Code})
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
	return []web.FilterLink{
		{Label: name + "’s open actions", Href: "/actions?owner=" + owner + "&status=open", TestID: "mine-open"},
		{Label: name + "’s overdue actions", Href: "/actions?owner=" + owner + "&status=overdue&sort=target", TestID: "mine-overdue"},
		{Label: "All of " + name + "’s actions", Href: "/actions?owner=" + owner, TestID: "mine-all"},
	}
}

// actionFromURL loads the action named by {code}, {meeting} and {sequence}
// with its events, if the reader may read it (the notes the reader may not
// read withheld); otherwise it is not found.
func (s *Server) actionFromURL(r *http.Request) (*mb.Action, error) {
	meeting, err1 := strconv.Atoi(chi.URLParam(r, "meeting"))
	seq, err2 := strconv.Atoi(chi.URLParam(r, "sequence"))
	if err1 != nil || err2 != nil {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such action.")
	}
	return s.store.ActionFor(r.Context(), reader(r), chi.URLParam(r, "code"), meeting, seq)
}

// handleActionShow serves GET /actions/{code}/{meeting}/{sequence}.
func (s *Server) handleActionShow(w http.ResponseWriter, r *http.Request) error {
	a, err := s.actionFromURL(r)
	if err != nil {
		return err
	}
	return s.renderActionPage(w, r, http.StatusOK, a, nil, nil)
}

// renderActionPage shows the action; change and reopen carry a form sent
// back with its messages.
func (s *Server) renderActionPage(w http.ResponseWriter, r *http.Request, status int, a *mb.Action, change, reopen *form.ActionChange) error {
	ctx := r.Context()
	p := web.ActionPage{Chrome: s.chrome(r, a.Reference(), "actions"), Action: a, Slippage: mb.SlippageOf(a), Overdue: a.Overdue(today()),
		CanChange: reader(r).CanEditMeeting(a.CommitteeID), Change: change, Reopen: reopen}
	if p.Change == nil {
		p.Change = &form.ActionChange{Errors: form.Errors{}}
	}
	if p.Reopen == nil {
		p.Reopen = &form.ActionChange{Errors: form.Errors{}}
	}
	if p.CanChange {
		// The meetings a change may be recorded at: later ones still open.
		open, err := s.store.Meetings(ctx, postgres.MeetingFilter{CommitteeID: &a.CommitteeID, Statuses: []mb.MinutesStatus{mb.Draft, mb.Circulated}})
		if err != nil {
			return err
		}
		for _, m := range open {
			if m.Number > a.MeetingNumber {
				p.Meetings = append(p.Meetings, web.Option{Value: strconv.FormatInt(m.ID, 10), Label: m.ShortName() + " – " + m.DateLabel()})
			}
		}
	}
	// The meetings the action names link to their minutes when the reader
	// may open them.
	var ids []int64
	for _, id := range []*int64{a.RaisedMeetingID, a.ClosedMeetingID} {
		if id != nil {
			ids = append(ids, *id)
		}
	}
	for _, e := range a.Events {
		if e.MeetingID != nil {
			ids = append(ids, *e.MeetingID)
		}
	}
	readable := map[int64]*mb.Meeting{}
	if len(ids) > 0 {
		list, err := s.store.Meetings(ctx, postgres.MeetingFilter{IDs: ids, Reader: reader(r)})
		if err != nil {
			return err
		}
		for _, m := range list {
			readable[m.ID] = m
		}
	}
	of := func(id *int64) *mb.Meeting {
		if id == nil {
			return nil
		}
		return readable[*id]
	}
	p.RaisedMeeting, p.ClosedMeeting = of(a.RaisedMeetingID), of(a.ClosedMeetingID)
	for _, e := range a.Events {
		row := web.EventRow{Event: e, NoteHidden: e.NoteWithheld}
		if e.MeetingID != nil {
			row.MeetingName = a.CommitteeCode + " " + strconv.Itoa(e.MeetingNumber)
			if m := of(e.MeetingID); m != nil {
				row.MeetingURL = "/committees/" + m.CommitteeCode + "/meetings/" + strconv.Itoa(m.Number)
			}
		}
		p.Events = append(p.Events, row)
	}
	s.render(w, r, status, web.ActionShow(p))
	return nil
}
