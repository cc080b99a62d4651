package server

import (
	"context"
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// itemReviews returns the sections other registers add inside the items
// of the meeting, by item id: the risk reviews recorded in each item, as
// item 6 of the model document lists them. They are part of the minutes,
// so whoever may read the item reads them; withheld items never ask for
// theirs.
func (s *Server) itemReviews(ctx context.Context, doc *mb.Minutes) (map[int64][]mb.RiskReview, error) {
	return s.store.RiskReviewsByItem(ctx, doc.Meeting.ID)
}

// minutesView shapes the document for the reader: items above their level
// are withheld (never dropped), and controls, when given, add the comments
// the reader may see from comments (the meeting's, read once by the caller).
// recorded says whether the reader was recorded present at the meeting
// (readableMeeting), asked once by the caller.
func (s *Server) minutesView(r *http.Request, doc *mb.Minutes, recorded bool, controls *web.MinutesControls, comments []*mb.Comment) (*web.MinutesView, error) {
	var err error
	v := &web.MinutesView{Meeting: doc.Meeting, Next: doc.NextMeetings, ApprovedBy: doc.ApprovedBy, Controls: controls}
	if v.Outstanding, v.OutstandingWithheld, err = s.readableOutstanding(r, doc.Outstanding); err != nil {
		return nil, err
	}
	v.Members, v.Others, v.Apologies = mb.GroupAttendance(doc.Attendance, doc.Categories)
	reviews, err := s.itemReviews(r.Context(), doc)
	if err != nil {
		return nil, err
	}
	byItem := map[int64][]*mb.Comment{}
	if controls != nil {
		for _, c := range comments {
			if c.ItemID != nil && (controls.SeesAllComments || c.AuthorID == controls.ViewerID) {
				byItem[*c.ItemID] = append(byItem[*c.ItemID], c)
			}
		}
	}
	var view func(ri *readableItem) *web.ItemView
	view = func(ri *readableItem) *web.ItemView {
		iv := &web.ItemView{Item: ri.Item, Withheld: ri.Withheld}
		if ri.Withheld {
			return iv
		}
		iv.Comments = byItem[ri.Item.ID]
		if !v.OutstandingInItem && ri.Item.HoldsOutstanding() {
			iv.Outstanding, v.OutstandingInItem = true, true
		}
		if list := reviews[ri.Item.ID]; len(list) > 0 {
			iv.Reviews, iv.Addenda = list, web.RiskReviewsInItem(list)
		}
		for _, c := range ri.Children {
			iv.Children = append(iv.Children, view(c))
		}
		return iv
	}
	for _, ri := range readableItems(reader(r), doc, recorded) {
		v.Items = append(v.Items, view(ri))
	}
	return v, nil
}

// handleMeetingShow serves GET /committees/{code}/meetings/{number}: the
// minutes with what the reader may do with them now.
func (s *Server) handleMeetingShow(w http.ResponseWriter, r *http.Request) error {
	m, doc, recorded, err := s.readableMinutes(r)
	if err != nil {
		return err
	}
	p, err := s.minutesPage(r, m, doc, recorded, nil)
	if err != nil {
		return err
	}
	return s.page(w, r, web.MeetingMinutes(p))
}

// renderWorkspace renders the meeting's page, the secretariat's workspace,
// with the editor open in place (a form's GET route, or its post sent
// back with what was typed) and the status.
func (s *Server) renderWorkspace(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, ed *web.Editor) error {
	doc, err := s.store.MinutesOf(r.Context(), m)
	if err != nil {
		return err
	}
	if ed.Item != nil {
		placeItemEditor(ed, doc)
	}
	p, err := s.minutesPage(r, m, doc, false, ed)
	if err != nil {
		return err
	}
	s.render(w, r, status, web.MeetingMinutes(p))
	return nil
}

// placeItemEditor tells an item's editor what the document knows of it:
// its number, whether it holds sub-items and, for a new item, the items it
// may go beneath.
func placeItemEditor(ed *web.Editor, doc *mb.Minutes) {
	ie := ed.Item
	for _, it := range doc.Items {
		if ie.IsNew {
			ie.Parents = append(ie.Parents, web.ItemOption(it))
		}
	}
	doc.Walk(func(it *mb.Item) {
		if it.ID == ie.Form.ID {
			ie.Number, ie.HasSubItems = it.Number, len(it.Children) > 0
		}
	})
}

// minutesPage shapes the meeting's page for the reader: the lifecycle
// moves they may make, and the minutes with their controls and the editor
// open in place, if any.
func (s *Server) minutesPage(r *http.Request, m *mb.Meeting, doc *mb.Minutes, recorded bool, ed *web.Editor) (web.MeetingMinutesPage, error) {
	rd := reader(r)
	secretariat := rd.CanEditMeeting(m.CommitteeID)
	var controls *web.MinutesControls
	if rd.SignedIn() {
		controls = &web.MinutesControls{
			CanEdit: secretariat && m.Editable(), CanComment: rd.CanComment(m),
			SeesAllComments: secretariat, ViewerID: rd.User.ID, Editor: ed,
			CanReview: secretariat && m.Status != mb.Approved && m.Status != mb.Published,
		}
	}
	var comments []*mb.Comment
	var err error
	if controls != nil {
		// Read once: the items show them, the secretariat's header counts the open ones.
		if comments, err = s.store.Comments(r.Context(), m.ID); err != nil {
			return web.MeetingMinutesPage{}, err
		}
	}
	if controls != nil && controls.CanEdit {
		if controls.Approvable, err = s.approvableAt(r, m); err != nil {
			return web.MeetingMinutesPage{}, err
		}
	}
	v, err := s.minutesView(r, doc, recorded, controls, comments)
	if err != nil {
		return web.MeetingMinutesPage{}, err
	}
	p := web.MeetingMinutesPage{
		Chrome: s.chrome(r, m.ShortName()+" "+m.Status.DocumentLabel(), "committees"), Minutes: v,
		CanEditHeader:       secretariat && m.Editable(),
		CanCirculate:        secretariat && m.Status == mb.Draft,
		CanApprove:          secretariat && m.Status == mb.Circulated,
		CanPublish:          secretariat && m.Status == mb.Approved && m.CorrectionReason == "",
		CanCorrect:          secretariat && m.Locked(),
		CanFinishCorrection: secretariat && m.CorrectionReason != "",
		CanSeeHistory:       rd.CanReadHistory(m, recorded),
	}
	if secretariat {
		for _, c := range comments {
			if !c.Resolved() {
				if p.OpenComments == 0 {
					p.FirstOpenComment = c.ID
				}
				p.OpenComments++
			}
		}
	}
	return p, nil
}

// approvableAt lists the committee's earlier meetings whose minutes are
// circulated, which the meeting m may approve.
func (s *Server) approvableAt(r *http.Request, m *mb.Meeting) ([]*mb.Meeting, error) {
	list, err := s.store.Meetings(r.Context(), mb.MeetingFilter{CommitteeID: &m.CommitteeID, Statuses: []mb.MinutesStatus{mb.Circulated}})
	if err != nil {
		return nil, err
	}
	var out []*mb.Meeting
	for _, x := range list {
		if x.Date.Before(m.Date) || (x.Date.Equal(m.Date) && x.Number < m.Number) {
			out = append(out, x)
		}
	}
	return out, nil
}
