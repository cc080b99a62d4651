package server

import (
	"context"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/web"
)

// A form posted after its sender's session ended (the idle timeout struck
// while they typed a minute) is not lost: requireSignIn keeps it for a
// short while and answers with the sign-in page, and signing in again in
// the same browser completes it (completeKeptSubmission), exactly as if it
// had been posted then: saved, or sent back filled in when the record
// changed meanwhile (409) or the form has a problem (422). Only the
// browser that sent the form can complete it: the secret naming the kept
// form lives in an HttpOnly, SameSite=Strict cookie sent to the sign-in
// form alone, so no other site can make a reader sign in into someone
// else's submission.

// keptFor is how long a form sent after the session ended is kept.
const keptFor = 30 * time.Minute

// keptCookie names the cookie holding the kept form's secret.
const keptCookie = "minutebook_kept"

// requireSignIn sends anonymous visitors of pages to the sign-in page and
// answers API calls with a 401 in JSON, as every API refusal is; a form
// posted without a session is kept.
func (s *Server) requireSignIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case reader(r).SignedIn():
			next.ServeHTTP(w, r)
		case strings.HasPrefix(r.URL.Path, "/api/"):
			s.renderError(w, r, mb.Errorf(mb.EUNAUTHORIZED, "Sign in first: send a personal API token as “Authorization: Bearer …”."))
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			http.Redirect(w, r, web.SignInPath(r.URL.RequestURI()), http.StatusSeeOther)
		default:
			s.keepSubmission(w, r)
		}
	})
}

// keepSubmission keeps a form posted without a session and asks its sender
// to sign in. An upload (a multipart form) cannot be kept: the sign-in page
// asks for it to be sent again.
func (s *Server) keepSubmission(w http.ResponseWriter, r *http.Request) {
	back := sameSiteReferer(r)
	page := web.SignInPage{Chrome: s.chrome(r, "Sign in", "account"), Next: back}
	mediatype, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediatype == "application/x-www-form-urlencoded" && r.ParseForm() == nil {
		secret := password.Token("kept_", 24)
		err := s.store.KeepSubmission(r.Context(), secret, r.URL.RequestURI(), r.PostForm, s.clock.Now().Add(keptFor))
		if err != nil {
			s.renderError(w, r, err)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: keptCookie, Value: secret, Path: web.SignInPath(""), MaxAge: int(keptFor.Seconds()),
			HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
		page.Kept = true
	} else {
		page.Error = "Your session ended: sign in again, then send the form again."
	}
	if r.Header.Get("HX-Request") == "true" {
		// The workspace's script follows this to the sign-in page.
		w.Header().Set("HX-Redirect", web.SignInPath(back))
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	s.render(w, r, http.StatusUnauthorized, web.SignIn(page))
}

// sameSiteReferer is the page of this site the form was sent from, where
// a sign-in returns to when there is nothing kept to complete; "/" when
// there is none.
func sameSiteReferer(r *http.Request) string {
	u, err := url.Parse(r.Referer())
	if err != nil || u.Host != r.Host {
		return "/"
	}
	return sameSitePath(u.RequestURI())
}

// hasKeptSubmission reports whether the browser holds a kept form.
func hasKeptSubmission(r *http.Request) bool {
	c, err := r.Cookie(keptCookie)
	return err == nil && c.Value != ""
}

// completeKeptSubmission, just after a sign-in, posts the form the browser
// had kept, through the whole router as the reader now signed in, and
// reports whether it did (the answer is then the form's). A kept form
// whose time is up is dropped with a message.
func (s *Server) completeKeptSubmission(w http.ResponseWriter, r *http.Request) (bool, error) {
	c, err := r.Cookie(keptCookie)
	if err != nil || c.Value == "" {
		return false, nil
	}
	http.SetCookie(w, &http.Cookie{Name: keptCookie, Path: web.SignInPath(""), MaxAge: -1, HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
	k, err := s.store.TakeKeptSubmission(r.Context(), c.Value, s.clock.Now())
	if mb.ErrorCode(err) == mb.ENOTFOUND {
		s.sessions.Put(r.Context(), sessionFlashError, "The form you sent before signing in was kept for 30 minutes only, and is gone.")
		return false, nil
	} else if err != nil {
		return false, err
	}
	target, err := url.Parse(k.Path)
	if err != nil {
		return false, err
	}
	body := url.Values(k.Fields).Encode()
	// The session (with the reader just signed in) goes along in the
	// context; the route does not, so the router routes afresh.
	replay := r.Clone(context.WithValue(r.Context(), chi.RouteCtxKey, nil))
	replay.URL, replay.RequestURI = target, k.Path
	replay.Body, replay.ContentLength = io.NopCloser(strings.NewReader(body)), int64(len(body))
	replay.Form, replay.PostForm = nil, nil
	replay.Header = r.Header.Clone()
	replay.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	s.handler.ServeHTTP(w, replay)
	return true, nil
}
