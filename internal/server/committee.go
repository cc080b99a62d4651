package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// handleCommitteeIndex serves GET /committees: the tree of bodies.
func (s *Server) handleCommitteeIndex(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.Committees(r.Context())
	if err != nil {
		return err
	}
	return s.page(w, r, web.CommitteesList(web.CommitteesPage{
		Chrome:    s.chrome(r, "Committees", "committees"),
		Roots:     committeeTree(list),
		CanCreate: reader(r).CanEditCommittee(),
	}))
}

// committeeTree arranges committees beneath their parents, keeping order.
func committeeTree(list []*mb.Committee) []*web.CommitteeNode {
	nodes := map[int64]*web.CommitteeNode{}
	for _, c := range list {
		nodes[c.ID] = &web.CommitteeNode{Committee: c}
	}
	var roots []*web.CommitteeNode
	for _, c := range list {
		n := nodes[c.ID]
		if c.ParentID != nil && nodes[*c.ParentID] != nil {
			parent := nodes[*c.ParentID]
			parent.Children = append(parent.Children, n)
		} else {
			roots = append(roots, n)
		}
	}
	return roots
}

// committeeFromURL loads the committee named by {code}.
func (s *Server) committeeFromURL(r *http.Request) (*mb.Committee, error) {
	return s.store.CommitteeByCode(r.Context(), chi.URLParam(r, "code"))
}

// handleCommitteeShow serves GET /committees/{code}.
func (s *Server) handleCommitteeShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c, err := s.committeeFromURL(r)
	if err != nil {
		return err
	}
	all, err := s.store.Committees(ctx)
	if err != nil {
		return err
	}
	var children []*mb.Committee
	for _, x := range all {
		if x.ParentID != nil && *x.ParentID == c.ID {
			children = append(children, x)
		}
	}
	meetings, err := s.readableMeetings(r, postgres.MeetingFilter{CommitteeID: &c.ID})
	if err != nil {
		return err
	}
	// A page of meetings at a time, newest first (?page=2 for older ones).
	total := len(meetings)
	pages := max(1, (total+web.MeetingsPerPage-1)/web.MeetingsPerPage)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = min(max(page, 1), pages)
	meetings = meetings[(page-1)*web.MeetingsPerPage : min(page*web.MeetingsPerPage, total)]
	pageURL := func(n int) string { return "/committees/" + c.Code + "?page=" + strconv.Itoa(n) + "#meetings" }
	var prevURL, nextURL string
	if page > 1 {
		prevURL = pageURL(page - 1)
	}
	if page < pages {
		nextURL = pageURL(page + 1)
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	members, err := s.store.Memberships(ctx, postgres.MembershipFilter{CommitteeID: &c.ID, ActiveOn: &today})
	if err != nil {
		return err
	}
	rd := reader(r)
	return s.page(w, r, web.CommitteeShow(web.CommitteePage{
		Chrome:        s.chrome(r, c.Code+" "+c.Name, "committees"),
		Committee:     c,
		Children:      children,
		Meetings:      meetings,
		MeetingsTotal: total,
		MeetingPage:   page,
		MeetingPages:  pages,
		PrevURL:       prevURL,
		NextURL:       nextURL,
		Members:       members,
		CanEdit:       rd.CanEditCommittee(),
		CanAddMeeting: rd.CanEditMeeting(c.ID),
		CanManage:     rd.Admin(),
		CanReadRisks:  rd.CanReadRisks(c.ID),
	}))
}

// readableMeetings lists the meetings matching f whose minutes the reader may open.
func (s *Server) readableMeetings(r *http.Request, f postgres.MeetingFilter) ([]*mb.Meeting, error) {
	f.Reader = reader(r)
	return s.store.Meetings(r.Context(), f)
}

func (s *Server) committeeOptions(r *http.Request, except int64) ([]web.Option, []web.Option, error) {
	all, err := s.store.Committees(r.Context())
	if err != nil {
		return nil, nil, err
	}
	var parents []web.Option
	for _, c := range all {
		if c.ID != except {
			parents = append(parents, web.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Code + " – " + c.Name})
		}
	}
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, nil, err
	}
	var orgOpts []web.Option
	for _, o := range orgs {
		orgOpts = append(orgOpts, web.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	return parents, orgOpts, nil
}

func (s *Server) renderCommitteeForm(w http.ResponseWriter, r *http.Request, status int, f *form.Committee, isNew bool) error {
	parents, orgs, err := s.committeeOptions(r, f.ID)
	if err != nil {
		return err
	}
	title := "New committee"
	if !isNew {
		title = "Edit " + f.Code
	}
	s.render(w, r, status, web.CommitteeForm(web.CommitteeFormPage{
		Chrome: s.chrome(r, title, "committees"), Form: f, IsNew: isNew, Parents: parents, Organisations: orgs,
	}))
	return nil
}

// handleCommitteeNew serves GET /committees/new.
func (s *Server) handleCommitteeNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderCommitteeForm(w, r, http.StatusOK, form.NewCommittee(), true)
}

// handleCommitteeCreate serves POST /committees/new.
func (s *Server) handleCommitteeCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := form.ParseCommittee(r)
	if err != nil {
		return err
	}
	c := f.Committee(true)
	if c == nil {
		return s.renderCommitteeForm(w, r, http.StatusUnprocessableEntity, f, true)
	}
	if err := s.store.CreateCommittee(r.Context(), c); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			return s.renderCommitteeForm(w, r, status, f, true)
		}
		return err
	}
	return s.redirect(w, r, "/committees/"+c.Code, "Committee "+c.Code+" created.")
}

// handleCommitteeEdit serves GET /committees/{code}/edit.
func (s *Server) handleCommitteeEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committeeFromURL(r)
	if err != nil {
		return err
	}
	return s.renderCommitteeForm(w, r, http.StatusOK, form.CommitteeFrom(c), false)
}

// handleCommitteeUpdate serves POST /committees/{code}/edit.
func (s *Server) handleCommitteeUpdate(w http.ResponseWriter, r *http.Request) error {
	stored, err := s.committeeFromURL(r)
	if err != nil {
		return err
	}
	f, err := form.ParseCommittee(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	c := f.Committee(false)
	if c == nil {
		return s.renderCommitteeForm(w, r, http.StatusUnprocessableEntity, f, false)
	}
	if err := s.store.UpdateCommittee(r.Context(), c); err != nil {
		if status, ok := formFailed(err); ok {
			form.Merge(f.Errors, err)
			if status == http.StatusConflict {
				f.Errors[""] = mb.ErrorMessage(err) + " Your changes are below; the saved version is at " + "/committees/" + stored.Code + ". Saving again replaces it."
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderCommitteeForm(w, r, status, f, false)
		}
		return err
	}
	return s.redirect(w, r, "/committees/"+c.Code, "Committee "+c.Code+" saved.")
}
