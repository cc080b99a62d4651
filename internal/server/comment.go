package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleCommentCreate serves POST /committees/{code}/meetings/{number}/items/{item}/comments:
// a member's comment on an item of a circulated draft.
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.memberMeeting(r)
	if err != nil {
		return err
	}
	it, err := s.itemIn(r, m)
	if err != nil {
		return err
	}
	// An item the reader may not read is not there to comment on.
	if reader(r).Withheld(it, recorded) {
		return mb.Errorf(mb.ENOTFOUND, "There is no such agenda item.")
	}
	err = s.store.AddComment(r.Context(), &mb.Comment{MeetingID: m.ID, ItemID: &it.ID, Body: r.PostFormValue("body")})
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err,
		"Your comment on item “"+it.Title+"” is sent to the secretariat.", mb.EINVALID, mb.ECONFLICT)
}

// handleCommentResolve serves POST /committees/{code}/meetings/{number}/comments/{comment}/resolve.
func (s *Server) handleCommentResolve(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	c, err := s.commentIn(r, m)
	if err != nil {
		return err
	}
	err = s.store.ResolveComment(r.Context(), c.ID, r.PostFormValue("resolution"))
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, "Comment by "+c.AuthorName+" marked resolved.", mb.ECONFLICT)
}
