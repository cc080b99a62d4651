package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleCommitteeIndex serves GET /committees: the coming meetings of the committees they sit on whose published
// agendas they may read, and the tree of bodies.
func (s *Server) handleCommitteeIndex(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.Committees(r.Context())
	if err != nil {
		return err
	}
	rd := reader(r)
	p := web.CommitteesPage{Chrome: s.chrome(r, "Committees", "committees"), Roots: committeeTree(list), CanCreate: rd.CanEditCommittee()}
	if _, mine := rd.Committees(); len(mine) > 0 {
		if p.Coming, err = s.comingMeetings(r, mine); err != nil {
			return err
		}
		p.Sits = true
	}
	return s.page(w, r, web.CommitteesList(p))
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

// handleCommitteeShow serves GET /committees/{code}.
func (s *Server) handleCommitteeShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c, err := s.committee(r)
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
	meetings, err := s.readableMeetings(r, mb.MeetingFilter{CommitteeID: &c.ID})
	if err != nil {
		return err
	}
	attendance, err := s.attendanceRecord(r, c, meetings)
	if err != nil {
		return err
	}
	// A page of meetings at a time, newest first (?page=2 for older ones).
	total := len(meetings)
	pages := max(1, (total+web.MeetingsPerPage-1)/web.MeetingsPerPage)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = min(max(page, 1), pages)
	meetings = meetings[(page-1)*web.MeetingsPerPage : min(page*web.MeetingsPerPage, total)]
	var prevURL, nextURL string
	if page > 1 {
		prevURL = web.CommitteeMeetingsPath(c.Code, page-1)
	}
	if page < pages {
		nextURL = web.CommitteeMeetingsPath(c.Code, page+1)
	}
	today := s.clock.Today()
	members, err := s.store.Memberships(ctx, mb.MembershipFilter{CommitteeID: &c.ID, ActiveOn: &today})
	if err != nil {
		return err
	}
	rd := reader(r)
	coming, err := s.comingMeetings(r, []int64{c.ID})
	if err != nil {
		return err
	}
	return s.page(w, r, web.CommitteeShow(web.CommitteePage{
		Coming:             coming,
		CanReadForwardPlan: rd.CanReadForwardPlan(c.ID),
		Chrome:             s.chrome(r, c.Code+" "+c.Name, "committees"),
		Committee:          c,
		Children:           children,
		Meetings:           meetings,
		MeetingsTotal:      total,
		MeetingPage:        page,
		MeetingPages:       pages,
		PrevURL:            prevURL,
		NextURL:            nextURL,
		Members:            members,
		CanEdit:            rd.CanEditCommittee(),
		CanAddMeeting:      rd.CanEditMeeting(c.ID),
		CanManage:          rd.Admin(),
		CanReadRisks:       rd.CanReadRisks(c.ID),
		CanReadInterests:   rd.CanReadInterests(c),
		Attendance:         attendance,
	}))
}

// readableMeetings lists the meetings matching f whose minutes the reader may open.
func (s *Server) readableMeetings(r *http.Request, f mb.MeetingFilter) ([]*mb.Meeting, error) {
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
			parents = append(parents, web.CommitteeOption(c))
		}
	}
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, nil, err
	}
	return parents, web.Options(orgs, web.OrganisationOption), nil
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
	return saveForm(formSave{
		Converted: c != nil, Save: func() error { return s.store.CreateCommittee(r.Context(), c) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderCommitteeForm(w, r, status, f, true) },
		Done: func() error { return s.redirect(w, r, web.CommitteePath(c.Code), "Committee "+c.Code+" created.") },
	})
}

// handleCommitteeEdit serves GET /committees/{code}/edit.
func (s *Server) handleCommitteeEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	return s.renderCommitteeForm(w, r, http.StatusOK, form.CommitteeFrom(c), false)
}

// handleCommitteeUpdate serves POST /committees/{code}/edit.
func (s *Server) handleCommitteeUpdate(w http.ResponseWriter, r *http.Request) error {
	stored, err := s.committee(r)
	if err != nil {
		return err
	}
	f, err := form.ParseCommittee(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	c := f.Committee(false)
	return saveForm(formSave{
		Converted: c != nil, Save: func() error { return s.store.UpdateCommittee(r.Context(), c) }, Errors: f.Errors,
		Kept: "Your changes are below; the saved version is at " + web.CommitteePath(stored.Code) + ". Saving again replaces it.",
		Back: func(status int, conflict bool) error {
			if conflict {
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderCommitteeForm(w, r, status, f, false)
		},
		Done: func() error { return s.redirect(w, r, web.CommitteePath(c.Code), "Committee "+c.Code+" saved.") },
	})
}

func (s *Server) renderStandingItems(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.StandingItemsForm) error {
	s.render(w, r, status, web.StandingItemsForm(web.StandingItemsPage{
		Chrome: s.chrome(r, "Standing items of "+c.Code, "committees"), Committee: c, Form: f,
	}))
	return nil
}

// handleStandingItemsEdit serves GET /committees/{code}/standing-items.
func (s *Server) handleStandingItemsEdit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "change its standing items")
	if err != nil {
		return err
	}
	f := &form.StandingItemsForm{Version: strconv.Itoa(c.Version), StandingItems: form.StandingItemsFrom(c), Errors: form.Errors{}}
	return s.renderStandingItems(w, r, http.StatusOK, c, f)
}

// handleStandingItemsUpdate serves POST /committees/{code}/standing-items:
// the committee's secretariat keeps the items every meeting starts with.
func (s *Server) handleStandingItemsUpdate(w http.ResponseWriter, r *http.Request) error {
	stored, err := s.secretariatCommittee(r, "change its standing items")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	f := &form.StandingItemsForm{Version: r.PostFormValue("version"), StandingItems: form.ParseStandingItems(r), Errors: form.Errors{}}
	c := *stored
	f.Apply(&c)
	c.Version, err = strconv.Atoi(f.Version)
	if err != nil {
		f.Errors[""] = "The form was missing its version: reload the page and try again."
	}
	return saveForm(formSave{
		Converted: len(f.Errors) == 0, Save: func() error { return s.store.SetStandingItems(r.Context(), &c) }, Errors: f.Errors,
		Kept: "Your list is kept below; saving again replaces the saved one.",
		Back: func(status int, conflict bool) error {
			if conflict {
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderStandingItems(w, r, status, stored, f)
		},
		Done: func() error {
			return s.redirect(w, r, web.CommitteePath(c.Code), "The standing items of "+c.Code+" are saved: every new meeting offers them.")
		},
	})
}
