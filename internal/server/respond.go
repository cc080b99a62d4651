package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5/middleware"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// handlerFunc is a handler that returns its error for one place to render.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc: an error becomes the error page for its code.
func (s *Server) handle(fn handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.renderError(w, r, err)
		}
	}
}

var statusByCode = map[string]int{
	mb.ECONFLICT:     http.StatusConflict,
	mb.EINVALID:      http.StatusUnprocessableEntity,
	mb.ENOTFOUND:     http.StatusNotFound,
	mb.EFORBIDDEN:    http.StatusForbidden,
	mb.EUNAUTHORIZED: http.StatusUnauthorized,
	mb.ETOOMANY:      http.StatusTooManyRequests,
	mb.EINTERNAL:     http.StatusInternalServerError,
}

// errorStatus returns the HTTP status for err.
func errorStatus(err error) int {
	if st, ok := statusByCode[mb.ErrorCode(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// renderError answers with the status for err's code: JSON under /api/, an
// error page elsewhere. Internal errors are logged and shown only as
// "Internal error."; a database that cannot be reached is a 503.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	if postgres.Unavailable(err) {
		s.renderUnavailable(w, r, err)
		return
	}
	status := errorStatus(err)
	if status == http.StatusInternalServerError {
		s.log.Error("internal error", "request_id", middleware.GetReqID(r.Context()), "method", r.Method, "path", r.URL.Path, "err", err)
	}
	msg := mb.ErrorMessage(err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": mb.ErrorCode(err), "message": msg})
		return
	}
	heading := map[int]string{
		http.StatusNotFound:            "Page not found",
		http.StatusForbidden:           "Not allowed",
		http.StatusUnauthorized:        "Sign in needed",
		http.StatusConflict:            "That could not be saved",
		http.StatusUnprocessableEntity: "That could not be saved",
		http.StatusTooManyRequests:     "Too many attempts",
	}[status]
	if heading == "" {
		heading = "Something went wrong"
	}
	if status == http.StatusNotFound && mb.ErrorCode(err) != mb.ENOTFOUND {
		msg = "There is nothing at this address."
	}
	if status == http.StatusInternalServerError {
		msg = "Internal error. The problem has been logged; please try again later."
	}
	s.render(w, r, status, web.Error(web.ErrorPage{
		Chrome: s.chrome(r, heading, ""), Status: status, Heading: heading, Message: msg,
	}))
}

// render writes a templ component as an HTML page with the status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := c.Render(r.Context(), w); err != nil {
		s.log.Error("render", "request_id", middleware.GetReqID(r.Context()), "err", err)
	}
}

// page renders a page with 200 OK.
func (s *Server) page(w http.ResponseWriter, r *http.Request, c templ.Component) error {
	s.render(w, r, http.StatusOK, c)
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// redirect answers a successful form with 303 See Other and a flash message.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to, flash string) error {
	if flash != "" {
		s.sessions.Put(r.Context(), sessionFlash, flash)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// formFailed reports whether err should send the form back with messages
// (status 422, or 409 for a conflict) rather than an error page.
func formFailed(err error) (int, bool) {
	var e *mb.Error
	if !errors.As(err, &e) {
		return 0, false
	}
	switch e.Code {
	case mb.EINVALID:
		return http.StatusUnprocessableEntity, true
	case mb.ECONFLICT:
		return http.StatusConflict, true
	}
	return 0, false
}

// chrome returns the layout's data, consuming the flash messages.
func (s *Server) chrome(r *http.Request, title, section string) web.Chrome {
	rd := reader(r)
	c := web.Chrome{Title: title, User: rd.User, Section: section}
	c.Flash = s.popFlash(r, sessionFlash)
	c.FlashError = s.popFlash(r, sessionFlashError)
	if rd.SignedIn() {
		c.Nav = append(c.Nav, web.NavLink{Section: "actions", Label: "Actions", Href: "/actions"})
		if rd.OverseesAny() {
			c.Nav = append(c.Nav, web.NavLink{Section: "escalations", Label: "Escalations", Href: "/escalations"})
		}
		if rd.Admin() || len(secretariatOf(rd)) > 0 {
			c.Nav = append(c.Nav, web.NavLink{Section: "audit", Label: "Audit log", Href: "/audit"})
		}
		if rd.Admin() {
			c.Nav = append(c.Nav, web.NavLink{Section: "admin", Label: "Users", Href: "/admin/users"},
				web.NavLink{Section: "people", Label: "People", Href: "/admin/people"})
		}
	}
	return c
}

// popFlash consumes a flash message. A request that failed before its
// session was loaded (a panic in early middleware) has none, and scs panics
// when asked, so that case reads as no message.
func (s *Server) popFlash(r *http.Request, key string) (msg string) {
	defer func() {
		if recover() != nil {
			msg = ""
		}
	}()
	return s.sessions.PopString(r.Context(), key)
}

// secretariatOf lists the committees whose secretariat the reader runs.
func secretariatOf(rd *mb.Reader) []int64 {
	var ids []int64
	for id, roles := range rd.Roles {
		for _, role := range roles {
			if role == mb.RoleSecretariat {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// safeNext returns next when it is a local path, else "/".
func safeNext(next string) string {
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.HasPrefix(next, "/\\") {
		return next
	}
	return "/"
}
