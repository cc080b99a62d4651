package server

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// handleCommentCreate serves POST /committees/{code}/meetings/{number}/items/{item}/comments:
// a member's comment on an item of a circulated draft.
func (s *Server) handleCommentCreate(w http.ResponseWriter, r *http.Request) error {
	m, recorded, err := s.openMeeting(r)
	if err != nil {
		return err
	}
	rd := reader(r)
	if !rd.Member(m.CommitteeID) {
		return mb.Errorf(mb.EFORBIDDEN, "Only the committee's members may comment on its draft minutes.")
	}
	it, err := s.itemFromURL(r, m)
	if err != nil {
		return err
	}
	// An item the reader may not read is not there to comment on.
	if rd.Withheld(it, recorded) {
		return mb.Errorf(mb.ENOTFOUND, "There is no such agenda item.")
	}
	c := &mb.Comment{MeetingID: m.ID, ItemID: &it.ID, Body: r.PostFormValue("body")}
	if err := s.store.AddComment(r.Context(), c); err != nil {
		if code := mb.ErrorCode(err); code == mb.EINVALID || code == mb.ECONFLICT {
			s.sessions.Put(r.Context(), sessionFlashError, mb.ErrorMessage(err))
			http.Redirect(w, r, meetingPath(m), http.StatusSeeOther)
			return nil
		}
		return err
	}
	return s.redirect(w, r, meetingPath(m), "Your comment on item “"+it.Title+"” is sent to the secretariat.")
}

// handleCommentResolve serves POST /committees/{code}/meetings/{number}/comments/{comment}/resolve.
func (s *Server) handleCommentResolve(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(chi.URLParam(r, "comment"), 10, 64)
	if err != nil {
		return mb.Errorf(mb.ENOTFOUND, "There is no such comment.")
	}
	c, err := s.store.Comment(r.Context(), id)
	if err != nil {
		return err
	}
	if c.MeetingID != m.ID {
		return mb.Errorf(mb.ENOTFOUND, "There is no such comment.")
	}
	if err := s.store.ResolveComment(r.Context(), id, r.PostFormValue("resolution")); err != nil {
		if mb.ErrorCode(err) == mb.ECONFLICT {
			s.sessions.Put(r.Context(), sessionFlashError, mb.ErrorMessage(err))
			http.Redirect(w, r, meetingPath(m), http.StatusSeeOther)
			return nil
		}
		return err
	}
	return s.redirect(w, r, meetingPath(m), "Comment by "+c.AuthorName+" marked resolved.")
}
