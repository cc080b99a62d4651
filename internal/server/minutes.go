package server

import (
	"context"
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// recordedAt reports whether the reader was recorded present at the meeting,
// which admits them to its RED material.
func (s *Server) recordedAt(r *http.Request, meetingID int64) (bool, error) {
	rd := reader(r)
	if !rd.SignedIn() {
		return false, nil
	}
	return s.store.Recorded(r.Context(), rd.User.PersonID, meetingID)
}

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
// (openMeeting), asked once by the caller.
func (s *Server) minutesView(r *http.Request, doc *mb.Minutes, recorded bool, controls *web.MinutesControls, comments []*mb.Comment) (*web.MinutesView, error) {
	rd := reader(r)
	m := doc.Meeting
	var err error
	v := &web.MinutesView{Meeting: m, Next: doc.NextMeetings, ApprovedBy: doc.ApprovedBy, Controls: controls}
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
	var build func(it *mb.Item, parentWithheld bool) *web.ItemView
	build = func(it *mb.Item, parentWithheld bool) *web.ItemView {
		iv := &web.ItemView{Item: it, Withheld: parentWithheld || rd.Withheld(it, m.CommitteeID, recorded)}
		if iv.Withheld {
			if parentWithheld && it.Classification == 0 {
				// A sub-item of a withheld item is withheld at its parent's level.
				iv.Item = &mb.Item{Number: it.Number, Classification: parentLevel(doc, it)}
			}
			return iv
		}
		iv.Comments = byItem[it.ID]
		if !v.OutstandingInItem && it.HoldsOutstanding() {
			iv.Outstanding, v.OutstandingInItem = true, true
		}
		if list := reviews[it.ID]; len(list) > 0 {
			iv.Reviews, iv.Addenda = list, web.RiskReviewsInItem(list)
		}
		for _, c := range it.Children {
			iv.Children = append(iv.Children, build(c, iv.Withheld))
		}
		return iv
	}
	for _, it := range doc.Items {
		v.Items = append(v.Items, build(it, false))
	}
	return v, nil
}

// parentLevel is the classification of the item holding the sub-item.
func parentLevel(doc *mb.Minutes, sub *mb.Item) mb.Classification {
	for _, it := range doc.Items {
		for _, c := range it.Children {
			if c.ID == sub.ID {
				return it.Classification
			}
		}
	}
	return sub.Classification
}

// handleMeetingShow serves GET /committees/{code}/meetings/{number}: the
// minutes with what the reader may do with them now.
func (s *Server) handleMeetingShow(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.openMeeting(r)
	if err != nil {
		return err
	}
	rd := reader(r)
	doc, err := s.store.MinutesOf(r.Context(), m)
	if err != nil {
		return err
	}
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

// readableOutstanding keeps the rows of the actions outstanding table whose
// actions the reader may see: an action raised in a meeting or item above
// the reader's level is counted, not shown.
func (s *Server) readableOutstanding(r *http.Request, rows []mb.OutstandingAction) ([]mb.OutstandingAction, int, error) {
	if len(rows) == 0 {
		return rows, 0, nil
	}
	rd := reader(r)
	ids := make([]int64, len(rows))
	for i, row := range rows {
		ids[i] = row.Action.ID
	}
	levels, err := s.store.ActionLevels(r.Context(), ids)
	if err != nil {
		return nil, 0, err
	}
	// Only RED admits by attendance: ask about the meetings that raised RED
	// actions, not every meeting the reader ever attended.
	var red []int64
	for _, lv := range levels {
		if lv.Level == mb.Red && lv.MeetingID != nil {
			red = append(red, *lv.MeetingID)
		}
	}
	recorded := map[int64]bool{}
	if rd.SignedIn() && len(red) > 0 {
		if recorded, err = s.store.RecordedAmong(r.Context(), rd.User.PersonID, red); err != nil {
			return nil, 0, err
		}
	}
	var out []mb.OutstandingAction
	withheld := 0
	for _, row := range rows {
		lv := levels[row.Action.ID]
		here := lv.MeetingID != nil && recorded[*lv.MeetingID]
		if lv.Level != 0 && !rd.CanRead(lv.Level, row.Action.CommitteeID, here) {
			withheld++
			continue
		}
		out = append(out, row)
	}
	return out, withheld, nil
}
