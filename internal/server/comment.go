package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleCommentCreate serves POST /committees/{code}/meetings/{number}/items/{item}/comments:
// a member's comment on an item of a circulated draft.
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.memberMeeting(r)
	if err != nil {
		return err
	}
	it, err := s.itemIn(r, m)
	if err != nil {
		return err
	}
	c := &mb.Comment{MeetingID: m.ID, ItemID: &it.ID, Body: r.PostFormValue("body")}
	if err := s.store.AddComment(r.Context(), c); err != nil {
		if code := mb.ErrorCode(err); code == mb.EINVALID || code == mb.ECONFLICT {
			s.sessions.Put(r.Context(), sessionFlashError, mb.ErrorMessage(err))
			http.Redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), http.StatusSeeOther)
			return nil
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Your comment on item “"+it.Title+"” is sent to the secretariat.")
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
	if err := s.store.ResolveComment(r.Context(), c.ID, r.PostFormValue("resolution")); err != nil {
		if mb.ErrorCode(err) == mb.ECONFLICT {
			s.sessions.Put(r.Context(), sessionFlashError, mb.ErrorMessage(err))
			http.Redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), http.StatusSeeOther)
			return nil
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Comment by "+c.AuthorName+" marked resolved.")
}
