package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/a-h/templ"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/minutebook/minutebook/internal/form"
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

// codeMethodNotAllowed is the code of a request with a method its address
// does not serve. It is HTTP's, not the domain's, so it lives here.
const codeMethodNotAllowed = "method_not_allowed"

var statusByCode = map[string]int{
	codeMethodNotAllowed: http.StatusMethodNotAllowed,
	mb.ECONFLICT:         http.StatusConflict,
	mb.EINVALID:          http.StatusUnprocessableEntity,
	mb.ENOTFOUND:         http.StatusNotFound,
	mb.EFORBIDDEN:        http.StatusForbidden,
	mb.EUNAUTHORIZED:     http.StatusUnauthorized,
	mb.ETOOMANY:          http.StatusTooManyRequests,
	mb.ETOOLARGE:         http.StatusRequestEntityTooLarge,
	mb.EINTERNAL:         http.StatusInternalServerError,
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
		http.StatusNotFound:              "Page not found",
		http.StatusForbidden:             "Not allowed",
		http.StatusUnauthorized:          "Sign in needed",
		http.StatusConflict:              "That could not be saved",
		http.StatusUnprocessableEntity:   "That could not be saved",
		http.StatusTooManyRequests:       "Too many attempts",
		http.StatusRequestEntityTooLarge: "The file is too large",
		http.StatusMethodNotAllowed:      "Not at this address",
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
	if err := c.Render(web.WithStatus(r.Context(), status), w); err != nil {
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

// doneOrRefused answers a button's post (a move, a lifecycle step, a
// comment): back to the page at to with done as the flash when err is nil;
// when err is a refusal with one of the codes (a move past the end, a step
// that no longer applies), back to the page with the refusal's message as
// the error flash; any other error goes to the error page.
func (s *Server) doneOrRefused(w http.ResponseWriter, r *http.Request, to string, err error, done string, refusals ...string) error {
	if err == nil {
		return s.redirect(w, r, to, done)
	}
	if !slices.Contains(refusals, mb.ErrorCode(err)) {
		return err
	}
	s.sessions.Put(r.Context(), sessionFlashError, mb.ErrorMessage(err))
	return s.redirect(w, r, to, "")
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

// formSave is one form post's last steps, which every form that saves a
// record shares: a form that did not convert goes back with 422; a refused
// save goes back with its messages and status; a saved one goes on.
type formSave struct {
	// Converted says the form converted to a record; false sends it back
	// with the messages the conversion left in Errors.
	Converted bool
	// Save stores the record.
	Save   func() error
	Errors form.Errors
	// Kept, for a form that edits a stored record, says what becomes of
	// the reader's text when the record was saved by someone else since
	// the form was read: "Your text is kept in the form; …".
	Kept string
	// Back renders the form again with the status; conflict says the save
	// was refused as stale, for the form to take the stored version's
	// number (and show the stored record) so that saving again replaces it
	// knowingly.
	Back func(status int, conflict bool) error
	// Done answers a save that succeeded, usually with a redirect.
	Done func() error
}

// saveForm runs a form post's last steps.
func saveForm(fs formSave) error {
	if !fs.Converted {
		return fs.Back(http.StatusUnprocessableEntity, false)
	}
	if err := fs.Save(); err != nil {
		status, ok := formFailed(err)
		if !ok {
			return err
		}
		return fs.Back(status, keptOnConflict(fs.Errors, err, fs.Kept))
	}
	return fs.Done()
}

// keptOnConflict puts a refused save's messages into errs and reports
// whether the refusal is a conflict (409). With kept given, the conflict's
// message above the form goes on to say what becomes of the reader's text.
func keptOnConflict(errs form.Errors, err error, kept string) bool {
	errs.Merge(err)
	if mb.ErrorCode(err) != mb.ECONFLICT {
		return false
	}
	if kept != "" {
		errs[""] = mb.ErrorMessage(err) + " " + kept
	}
	return true
}

// chrome returns the layout's data, consuming the flash messages.
func (s *Server) chrome(r *http.Request, title, section string) web.Chrome {
	rd := reader(r)
	c := web.Chrome{Title: title, User: rd.User, Section: section}
	c.Flash = s.popFlash(r, sessionFlash)
	c.FlashError = s.popFlash(r, sessionFlashError)
	if rd.SignedIn() {
		c.Nav = append(c.Nav, web.NavLink{Section: "actions", Label: "Actions", Href: web.ActionsPath("")})
		if rd.OverseesAny() {
			c.Nav = append(c.Nav, web.NavLink{Section: "escalations", Label: "Escalations", Href: web.EscalationsPath()})
		}
		if rd.Admin() || len(secretariatOf(rd)) > 0 {
			c.Nav = append(c.Nav, web.NavLink{Section: "audit", Label: "Audit log", Href: web.AuditPath()})
		}
		if rd.Admin() {
			c.Nav = append(c.Nav, web.NavLink{Section: "admin", Label: "Users", Href: web.UsersPath()},
				web.NavLink{Section: "people", Label: "People", Href: web.PeoplePath()},
				web.NavLink{Section: "references", Label: "References", Href: web.ReferencePatternsPath()},
				web.NavLink{Section: "outbox", Label: "Outbox", Href: web.OutboxPath("", 1)})
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
