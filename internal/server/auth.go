package server

import (
	"net"
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/web"
)

// Session keys.
const (
	sessionUserID     = "user_id"
	sessionFlash      = "flash"
	sessionFlashError = "flash_error"
)

// handleSignInPage serves GET /sign-in.
func (s *Server) handleSignInPage(w http.ResponseWriter, r *http.Request) error {
	if reader(r).SignedIn() {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	return s.page(w, r, web.SignIn(web.SignInPage{Chrome: s.chrome(r, "Sign in", "account"), Next: safeNext(r.URL.Query().Get("next")),
		Kept: hasKeptSubmission(r)}))
}

// signInRefused is the one message for a wrong address or a wrong password,
// so that sign-in never tells whether an account exists.
const signInRefused = "The email address or password is not right."

// handleSignIn serves POST /sign-in.
func (s *Server) handleSignIn(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	ctx := r.Context()
	email := mb.NormalizeEmail(r.PostFormValue("email"))
	pw := r.PostFormValue("password")
	p := web.SignInPage{Chrome: s.chrome(r, "Sign in", "account"), Email: email, Next: safeNext(r.PostFormValue("next")), Kept: hasKeptSubmission(r)}
	address := clientAddress(r)

	byEmail, byAddress, err := s.store.SignInFailures(ctx, email, address, s.clock.Now().Add(-s.cfg.Throttle.Window))
	if err != nil {
		return err
	}
	if byEmail >= s.cfg.Throttle.PerAccount || byAddress >= s.cfg.Throttle.PerAddress {
		p.Error = "Too many failed sign-ins. Wait " + s.cfg.Throttle.Window.String() + " and try again, or ask an administrator to reset your password."
		s.render(w, r, http.StatusTooManyRequests, web.SignIn(p))
		return nil
	}
	user, hash, err := s.store.UserByEmail(ctx, email)
	ok := false
	switch {
	case mb.ErrorCode(err) == mb.ENOTFOUND:
		password.CheckNothing(pw)
	case err != nil:
		return err
	default:
		ok, err = password.Check(pw, hash)
		if err != nil {
			return err
		}
		ok = ok && user.Active
	}
	if !ok {
		if err := s.store.RecordSignInFailure(ctx, email, address); err != nil {
			return err
		}
		p.Error = signInRefused
		s.render(w, r, http.StatusUnauthorized, web.SignIn(p))
		return nil
	}
	if err := s.store.ClearSignInFailures(ctx, email); err != nil {
		return err
	}
	// A new token at sign-in defeats session fixation.
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, sessionUserID, user.ID)
	// A form sent while the session had ended is completed now (kept_submission.go).
	if done, err := s.completeKeptSubmission(w, r); done || err != nil {
		return err
	}
	return s.redirect(w, r, p.Next, "Signed in as "+user.Name+".")
}

// handleSignOut serves POST /sign-out.
func (s *Server) handleSignOut(w http.ResponseWriter, r *http.Request) error {
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	// Destroy empties the session; a fresh one carries the goodbye.
	return s.redirect(w, r, web.HomePath(), "You have signed out.")
}

// clientAddress is the address a request came from, for throttling. It
// ignores forwarding headers, which a client can forge.
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
