package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/web"
)

// Session keys.
const (
	sessionUserID     = "user_id"
	sessionEpoch      = "session_epoch" // the user's mb.User.SessionEpoch at sign-in
	sessionFlash      = "flash"
	sessionFlashError = "flash_error"
)

// handleSignInPage serves GET /sign-in.
func (s *Server) handleSignInPage(w http.ResponseWriter, r *http.Request) error {
	if reader(r).SignedIn() {
		http.Redirect(w, r, sameSitePath(r.URL.Query().Get("next")), http.StatusSeeOther)
		return nil
	}
	return s.page(w, r, web.SignIn(web.SignInPage{Chrome: s.chrome(r, "Sign in", "account"), Next: sameSitePath(r.URL.Query().Get("next")), Lockout: s.lockoutRule(),
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
	p := web.SignInPage{Chrome: s.chrome(r, "Sign in", "account"), Email: email, Next: sameSitePath(r.PostFormValue("next")), Lockout: s.lockoutRule(),
		Kept: hasKeptSubmission(r)}
	address := clientAddress(r)

	byEmail, byAddress, err := s.store.SignInFailures(ctx, email, address, s.clock.Now().Add(-s.cfg.Throttle.Window))
	if err != nil {
		return err
	}
	if byEmail >= s.cfg.Throttle.PerAccount || byAddress >= s.cfg.Throttle.PerAddress {
		p.Error = "Too many failed sign-ins with this email address, or from your network. For " + minutes(s.cfg.Throttle.Window) +
			" sign-in is refused, even with the right password. Wait and try again, or ask an administrator to lift the lockout."
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
	if err := s.beginSession(ctx, user.ID, user.SessionEpoch); err != nil {
		return err
	}
	// A form sent while the session had ended is completed now (kept_submission.go).
	if done, err := s.completeKeptSubmission(w, r); done || err != nil {
		return err
	}
	return s.redirect(w, r, p.Next, "Signed in as "+user.Name+".")
}

// beginSession makes the request's session the user's, under a new token
// (which defeats session fixation) and at the user's session epoch. Sign-in
// does it, and so does a password change for the session that made it,
// which goes on while every other session of the user ends.
func (s *Server) beginSession(ctx context.Context, userID int64, epoch int) error {
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, sessionUserID, userID)
	s.sessions.Put(ctx, sessionEpoch, epoch)
	return nil
}

// sessionCurrent reports whether the request's session was signed in under
// the user's present session epoch: a password change or reset, or a
// deactivation, since then ended it.
func (s *Server) sessionCurrent(ctx context.Context, u *mb.User) bool {
	return u.Active && s.sessions.GetInt(ctx, sessionEpoch) == u.SessionEpoch
}

// lockoutRule is the throttle as the sign-in page states it. It speaks of
// an email address, not an account, since a lockout falls on an address
// whether or not an account has it.
func (s *Server) lockoutRule() string {
	return fmt.Sprintf("After %d failed sign-ins with one email address within %s, sign-in with that address is refused for %[2]s, "+
		"even with the right password. An administrator can lift the lockout sooner.", s.cfg.Throttle.PerAccount, minutes(s.cfg.Throttle.Window))
}

// minutes says a duration of whole minutes in words: "15 minutes".
func minutes(d time.Duration) string {
	if n := int(d.Round(time.Minute) / time.Minute); n != 1 {
		return strconv.Itoa(n) + " minutes"
	}
	return "1 minute"
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
