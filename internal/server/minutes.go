package server

import (
	"context"
	"net/http"

	"github.com/a-h/templ"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
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

// minutesView lays out the document as the reader may read it (the
// store's MinutesFor: withheld items and the readable actions outstanding
// are decided there), and controls, when given, add the comments the reader
// may see from comments (the meeting's, read once by the caller).
func (s *Server) minutesView(r *http.Request, doc *mb.Minutes, controls *web.MinutesControls, comments []*mb.Comment) (*web.MinutesView, error) {
	m := doc.Meeting
	v := &web.MinutesView{Meeting: m, Next: doc.NextMeetings, ApprovedBy: doc.ApprovedBy, Controls: controls,
		Outstanding: doc.Outstanding, OutstandingWithheld: doc.OutstandingWithheld,
		Quorum: mb.JudgeQuorum(doc), Signature: doc.Signature}
	inquorate := map[int64]*mb.ItemQuorum{}
	for i, iq := range v.Quorum.Items {
		if v.Quorum.Rule.Set() && v.Quorum.Recorded && !iq.Quorate {
			inquorate[iq.ItemID] = &v.Quorum.Items[i]
		}
	}
	v.Members, v.Others, v.Apologies = mb.GroupAttendance(doc.Attendance, doc.Categories)
	reviews, err := s.itemReviews(r.Context(), doc)
	if err != nil {
		return nil, err
	}
	byItem := map[int64][]*mb.Comment{}
	for _, c := range comments {
		if c.ItemID != nil {
			byItem[*c.ItemID] = append(byItem[*c.ItemID], c)
		}
	}
	var build func(it *mb.Item) *web.ItemView
	build = func(it *mb.Item) *web.ItemView {
		iv := &web.ItemView{Item: it, Withheld: it.Withheld}
		if iv.Withheld {
			return iv
		}
		iv.Comments, iv.Quorum = byItem[it.ID], inquorate[it.ID]
		// The list near the top names only the declarations of items the
		// reader may read.
		for _, d := range it.Declarations {
			d.ItemNumber = it.Number
			v.Declarations = append(v.Declarations, d)
		}
		if !v.OutstandingInItem && it.HoldsOutstanding() {
			iv.Outstanding, v.OutstandingInItem = true, true
		}
		if list := reviews[it.ID]; len(list) > 0 {
			iv.Reviews, iv.Addenda = list, web.RiskReviewsInItem(list)
		}
		for _, c := range it.Children {
			iv.Children = append(iv.Children, build(c))
		}
		return iv
	}
	for _, it := range doc.Items {
		v.Items = append(v.Items, build(it))
	}
	return v, nil
}

// handleMeetingShow serves GET /committees/{code}/meetings/{number}: the
// minutes with what the reader may do with them now. Locked minutes are
// served again as rendered (documentKey) while they cannot change.
func (s *Server) handleMeetingShow(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.readableMeeting(r)
	if err != nil {
		return err
	}
	key, aud, err := s.documentKey(r, m, recorded, "page")
	if err != nil {
		return err
	}
	if s.notModified(w, r, key) {
		return nil
	}
	p, err := s.minutesPage(r, m, recorded, key, aud, nil)
	if err != nil {
		return err
	}
	return s.page(w, r, web.MeetingMinutes(p))
}

// renderWorkspace renders the meeting's page, the secretariat's workspace,
// with the editor open in place (a form's GET route, or its post sent
// back with what was typed) and the status. Editable minutes are never
// kept, so the page is rendered now.
func (s *Server) renderWorkspace(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, ed *web.Editor) error {
	p, err := s.minutesPage(r, m, false, "", nil, ed)
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
// moves they may make, and the minutes as the reader may read them (the
// store's MinutesFor) with their controls and the editor open in place,
// if any. The document is the one kept under key, when there is one
// (documentKey; aud is its audience), or rendered now.
func (s *Server) minutesPage(r *http.Request, m *mb.Meeting, recorded bool, key string, aud *postgres.MinutesAudience, ed *web.Editor) (web.MeetingMinutesPage, error) {
	ctx := r.Context()
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
	var err error
	if controls != nil && controls.CanEdit {
		if controls.Approvable, err = s.approvableAt(r, m); err != nil {
			return web.MeetingMinutesPage{}, err
		}
	}
	openComments, firstOpen, canSign := 0, int64(0), false
	if aud != nil {
		openComments, firstOpen = aud.OpenComments, aud.FirstOpenComment
		canSign = !aud.Signed && rd.MaySign(m.CommitteeID, aud.Signatory)
	}
	// Minutes still in draft are rendered for every request: their quorum
	// is judged as they are read, for the warning on circulating.
	var quorum *mb.QuorumRecord
	document, err := s.document(ctx, key, func() (templ.Component, error) {
		doc, err := s.store.MinutesFor(ctx, rd, m, recorded)
		if err != nil {
			return nil, err
		}
		if ed != nil && ed.Item != nil {
			placeItemEditor(ed, doc)
		}
		var comments []*mb.Comment
		if controls != nil {
			// Read once: the items show them, the secretariat's header counts the open ones.
			if comments, err = s.store.CommentsFor(ctx, rd, m.ID); err != nil {
				return nil, err
			}
			openComments, firstOpen = 0, 0
			for _, c := range comments {
				if !c.Resolved() {
					if openComments == 0 {
						firstOpen = c.ID
					}
					openComments++
				}
			}
		}
		v, err := s.minutesView(r, doc, controls, comments)
		if err == nil {
			err = s.linkReferences(r, v)
		}
		if err != nil {
			return nil, err
		}
		quorum = v.Quorum
		return web.MinutesDocument(v), nil
	})
	if err != nil {
		return web.MeetingMinutesPage{}, err
	}
	p := web.MeetingMinutesPage{
		Chrome:              s.chrome(r, m.ShortName()+" "+m.Status.DocumentLabel(), "committees"),
		Minutes:             &web.MinutesView{Meeting: m, Controls: controls},
		Document:            document,
		CanEditHeader:       secretariat && m.Editable(),
		CanCirculate:        secretariat && m.Status == mb.Draft,
		CanApprove:          secretariat && m.Status == mb.Circulated,
		CanPublish:          secretariat && m.Status == mb.Approved && m.CorrectionReason == "",
		CanCorrect:          secretariat && m.Locked(),
		CanFinishCorrection: secretariat && m.CorrectionReason != "",
		CanSeeHistory:       rd.CanReadHistory(m, recorded),
		CanSign:             m.Locked() && canSign,
	}
	if p.CanCirculate && quorum != nil {
		p.InquorateDecisions = quorum.InquorateDecisions()
	}
	if secretariat {
		p.OpenComments, p.FirstOpenComment = openComments, firstOpen
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

// linkReferences links the references the minutes name to their
// histories, on the pages (the files do not link them).
func (s *Server) linkReferences(r *http.Request, v *web.MinutesView) error {
	refs, err := s.store.MeetingReferences(r.Context(), v.Meeting.ID)
	if err != nil {
		return err
	}
	v.Links = web.NewReferenceLinks(refs)
	return nil
}
