package server

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/web"
)

// noticeChoices is the account page's part on what the reader is sent.
func (s *Server) noticeChoices(r *http.Request) (web.NoticeChoices, error) {
	p, err := s.store.Preferences(r.Context(), reader(r).User.ID)
	if err != nil {
		return web.NoticeChoices{}, err
	}
	return web.NoticeChoicesFor(p, s.cfg.Queue != nil), nil
}

// handleNoticePreferences serves POST /account/notices: the reader's
// choice, per kind of message, of at once, in the digest, or never.
func (s *Server) handleNoticePreferences(w http.ResponseWriter, r *http.Request) error {
	p, errs, err := form.ParseNoticePreferences(r)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, errs, "")
	}
	if err := s.store.SetPreferences(r.Context(), reader(r).User.ID, p, "Chose what they are sent"); err != nil {
		return err
	}
	return s.redirect(w, r, web.AccountNoticesPath(), "Your choices of what you are sent are saved.")
}

// unsubscribing is the person and kind an unsubscribe link names, once its
// signature checks out.
func (s *Server) unsubscribing(r *http.Request) (*mb.User, mb.NoticeKind, error) {
	key, err := s.cfg.Composer.Key(r.Context())
	if err != nil {
		return nil, "", err
	}
	id, kind, err := notify.ParseUnsubscribeToken(key, chi.URLParam(r, "token"))
	if err != nil {
		return nil, "", err
	}
	u, err := s.store.User(r.Context(), id)
	if err != nil {
		return nil, "", mb.Errorf(mb.ENOTFOUND, "This unsubscribe link is not valid any more.")
	}
	return u, kind, nil
}

// handleUnsubscribePage serves GET /unsubscribe/{token}: it asks to
// confirm, since a GET (a mail scanner following links) changes nothing.
func (s *Server) handleUnsubscribePage(w http.ResponseWriter, r *http.Request) error {
	u, kind, err := s.unsubscribing(r)
	if err != nil {
		return err
	}
	return s.page(w, r, web.Unsubscribe(web.UnsubscribePage{Chrome: s.chrome(r, "Unsubscribe", ""),
		Token: chi.URLParam(r, "token"), Kind: kind, Name: u.Name}))
}

// handleUnsubscribe serves POST /unsubscribe/{token}: the button of the
// page above, or a mail program's one-click unsubscribe (RFC 8058: the
// body is "List-Unsubscribe=One-Click"). The kind is never sent again;
// unsubscribing from the digest also stops everything that went into it.
func (s *Server) handleUnsubscribe(w http.ResponseWriter, r *http.Request) error {
	u, kind, err := s.unsubscribing(r)
	if err != nil {
		return err
	}
	prefs, err := s.store.Preferences(r.Context(), u.ID)
	if err != nil {
		return err
	}
	if err := s.store.SetPreferences(r.Context(), u.ID, notify.Unsubscribed(prefs, kind), "Unsubscribed by the link in a message"); err != nil {
		return err
	}
	return s.page(w, r, web.Unsubscribe(web.UnsubscribePage{Chrome: s.chrome(r, "Unsubscribed", ""), Kind: kind, Name: u.Name, Done: true}))
}
