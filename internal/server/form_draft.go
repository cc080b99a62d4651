package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// Never lose a word: the workspace's script keeps what the secretariat is
// typing into a form as their private draft every few seconds (POST
// /drafts), and a form reopened while a draft of it is kept says so
// ("Unsaved draft from 10:42") and offers it back or discards it. A draft
// is named by the form's address, and is thrown away when the form is
// saved (clearDraftOnSave).

// draftKeyParam names the form a draft is of, in the autosave's post.
const draftKeyParam = "draft_key"

// draftKey is the address of the form a request shows or saves, which
// names its draft: the path and query, without the ask to restore it.
func draftKey(r *http.Request) string {
	q := r.URL.Query()
	q.Del("draft")
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}

// restoring reports whether the address asks for the reader's draft.
func restoring(r *http.Request) bool { return r.URL.Query().Get("draft") == "restore" }

// restoreDraft, when the address asks for it and the reader has a draft of
// the form, parses the draft with parse, as the form would be posted.
func (s *Server) restoreDraft(r *http.Request, parse func(*http.Request) error) error {
	if !restoring(r) {
		return nil
	}
	d, err := s.store.FormDraft(r.Context(), reader(r).User.ID, draftKey(r))
	if mb.ErrorCode(err) == mb.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	dr := r.Clone(r.Context())
	dr.Method = http.MethodPost
	dr.PostForm, dr.Form = url.Values(d.Fields), url.Values(d.Fields)
	return parse(dr)
}

// draftNotice offers the reader's draft of the form at formPath when one
// is kept and the form is opened afresh (not restored, not sent back).
func (s *Server) draftNotice(r *http.Request, formPath string) (*web.DraftNotice, error) {
	if r.Method != http.MethodGet || restoring(r) {
		return nil, nil
	}
	d, err := s.store.FormDraft(r.Context(), reader(r).User.ID, formPath)
	if mb.ErrorCode(err) == mb.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	when := d.SavedAt.In(mb.Zone).Format("15:04")
	if mb.DayOf(d.SavedAt) != s.clock.Today() {
		when += " on " + d.SavedAt.In(mb.Zone).Format("2 January")
	}
	return &web.DraftNotice{When: when, FormPath: formPath, Restore: web.DraftRestorePath(formPath), Back: formPath}, nil
}

// handleDraftSave serves POST /drafts: the workspace's script keeping the
// form named by draft_key, with every field as typed, as the reader's
// draft. It answers 204, or 401 once the session has ended (the script
// says so; the form itself is kept when it is posted).
func (s *Server) handleDraftSave(w http.ResponseWriter, r *http.Request) error {
	rd := reader(r)
	if !rd.SignedIn() {
		http.Error(w, "Sign in again: the draft was not kept.", http.StatusUnauthorized)
		return nil
	}
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The draft could not be read.")
	}
	key := r.PostForm.Get(draftKeyParam)
	if !s.isFormAddress(key) {
		return mb.Errorf(mb.EINVALID, "Drafts are kept of minutebook's own forms only.")
	}
	fields := map[string][]string{}
	for k, v := range r.PostForm {
		if k != draftKeyParam {
			fields[k] = v
		}
	}
	if err := s.store.SaveFormDraft(r.Context(), rd.User.ID, key, fields); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// handleDraftDiscard serves POST /drafts/discard: the reader throws their
// draft of the form at form_path away and goes back to it.
func (s *Server) handleDraftDiscard(w http.ResponseWriter, r *http.Request) error {
	rd := reader(r)
	if !rd.SignedIn() {
		http.Error(w, "Sign in first.", http.StatusUnauthorized)
		return nil
	}
	if err := s.store.DiscardFormDraft(r.Context(), rd.User.ID, r.PostFormValue("form_path")); err != nil {
		return err
	}
	return s.redirect(w, r, sameSitePath(r.PostFormValue("back")), "The draft is discarded.")
}

// isFormAddress reports whether path is an address of this site that takes
// a form: a committee's page the router serves a POST at.
func (s *Server) isFormAddress(path string) bool {
	u, err := url.Parse(path)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, "/committees/") || len(path) > 500 {
		return false
	}
	routes, ok := s.handler.(chi.Routes)
	return ok && routes.Match(chi.NewRouteContext(), http.MethodPost, u.Path)
}

// clearDraftOnSave throws away the reader's draft of a form once a post of
// it succeeds (a redirect), before the redirect is answered, so that the
// page it leads to never offers a draft of what was just saved.
func (s *Server) clearDraftOnSave(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(&beforeRedirect{ResponseWriter: w, fn: func() {
			if rd := reader(r); rd.SignedIn() {
				if err := s.store.DiscardFormDraft(r.Context(), rd.User.ID, draftKey(r)); err != nil {
					s.log.Error("discard draft", "request_id", middleware.GetReqID(r.Context()), "err", err)
				}
			}
		}}, r)
	})
}

// beforeRedirect calls fn once, just before a 303 is written.
type beforeRedirect struct {
	http.ResponseWriter
	fn   func()
	done bool
}

func (w *beforeRedirect) WriteHeader(code int) {
	if code == http.StatusSeeOther && !w.done {
		w.done = true
		w.fn()
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the writer beneath.
func (w *beforeRedirect) Unwrap() http.ResponseWriter { return w.ResponseWriter }
