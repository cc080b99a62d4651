package server

import (
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// recoverPanics turns a panic into a logged 500 page.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "request_id", middleware.GetReqID(r.Context()), "panic", v, "stack", string(debug.Stack()))
				s.renderError(w, r, mb.Errorf(mb.EINTERNAL, "panic"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows no inline script and no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// strictTransportSecurity tells a browser to reach the site only over HTTPS
// for two years from its last visit.
const strictTransportSecurity = "max-age=63072000"

// securityHeaders sets the headers every response carries; over HTTPS
// (--secure-cookies), Strict-Transport-Security too.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.cfg.SecureCookies {
			h.Set("Strict-Transport-Security", strictTransportSecurity)
		}
		next.ServeHTTP(w, r)
	})
}

// authenticate works out who is asking, from a bearer token or the session,
// and puts the reader into the request's context.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var user *mb.User
		if auth := r.Header.Get("Authorization"); auth != "" {
			secret, ok := strings.CutPrefix(auth, "Bearer ")
			if !ok {
				s.renderError(w, r, mb.Errorf(mb.EUNAUTHORIZED, "Send an API token as “Authorization: Bearer …”."))
				return
			}
			u, err := s.store.UserByAPIToken(ctx, strings.TrimSpace(secret))
			if err != nil {
				s.renderError(w, r, err)
				return
			}
			user = u
		} else if id := s.sessions.GetInt64(ctx, sessionUserID); id != 0 {
			u, err := s.store.User(ctx, id)
			switch {
			case mb.ErrorCode(err) == mb.ENOTFOUND || (err == nil && !s.sessionCurrent(ctx, u)):
				// The account went away or was deactivated, or every session
				// of it was ended since this one began: end this one.
				_ = s.sessions.Destroy(ctx)
			case err != nil:
				s.renderError(w, r, err)
				return
			default:
				user = u
			}
		}
		reader := mb.Anonymous
		if user != nil {
			noteUser(ctx, user.ID)
			rd, err := s.store.Reader(ctx, user)
			if err != nil {
				s.renderError(w, r, err)
				return
			}
			reader = rd
		}
		next.ServeHTTP(w, r.WithContext(mb.NewContextWithReader(ctx, reader)))
	})
}

// reader returns who is asking.
func reader(r *http.Request) *mb.Reader { return mb.ReaderFromContext(r.Context()) }

// requireAdmin refuses everyone but administrators.
func (s *Server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !reader(r).Admin() {
			s.renderError(w, r, mb.Errorf(mb.EFORBIDDEN, "Only administrators may do that."))
			return
		}
		next.ServeHTTP(w, r)
	})
}
