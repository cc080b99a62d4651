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
	v := &web.MinutesView{Meeting: doc.Meeting, Next: doc.NextMeetings, ApprovedBy: doc.ApprovedBy, Controls: controls,
		Quorum: mb.JudgeQuorum(doc), Signature: doc.Signature}
	inquorate := map[int64]*mb.ItemQuorum{}
	for i, iq := range v.Quorum.Items {
		if v.Quorum.Rule.Set() && v.Quorum.Recorded && !iq.Quorate {
			inquorate[iq.ItemID] = &v.Quorum.Items[i]
		}
	}
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
		iv.Comments, iv.Quorum = byItem[ri.Item.ID], inquorate[ri.Item.ID]
		// The list near the top names only the declarations of items the
		// reader may read.
		for _, d := range ri.Item.Declarations {
			d.ItemNumber = ri.Item.Number
			v.Declarations = append(v.Declarations, d)
		}
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
	rd := reader(r)
	secretariat := rd.CanEditMeeting(m.CommitteeID)
	var controls *web.MinutesControls
	if rd.SignedIn() {
		controls = &web.MinutesControls{
			CanEdit: secretariat && m.Editable(), CanComment: rd.CanComment(m),
			SeesAllComments: secretariat, ViewerID: rd.User.ID,
		}
	}
	var comments []*mb.Comment
	if controls != nil {
		// Read once: the items show them, the secretariat's header counts the open ones.
		if comments, err = s.store.Comments(r.Context(), m.ID); err != nil {
			return err
		}
	}
	v, err := s.minutesView(r, doc, recorded, controls, comments)
	if err != nil {
		return err
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
		CanSign:             (m.Status == mb.Approved || m.Status == mb.Published) && m.CorrectionReason == "" && !doc.Signature.Standing() && rd.CanSign(doc.Committee),
	}
	if p.CanCirculate {
		p.InquorateDecisions = v.Quorum.InquorateDecisions()
	}
	if secretariat {
		for _, c := range comments {
			if !c.Resolved() {
				p.OpenComments++
			}
		}
	}
	return s.page(w, r, web.MeetingMinutes(p))
}
