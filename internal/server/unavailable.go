package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	"github.com/minutebook/minutebook/web"
)

// unavailableMessage is what a reader is told while the database is away.
const unavailableMessage = "minutebook cannot reach its database; try again in a moment."

// maxRetryBody bounds how much of a posted form the 503 page reads back.
const maxRetryBody = 16 << 20

// renderUnavailable answers 503 for an error that means the database could
// not be reached (postgres.Unavailable): nothing was saved, and the request
// may succeed in a moment. A posted form comes back with what was typed, in
// a form that sends it again; passwords and files are not written into the
// page.
func (s *Server) renderUnavailable(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Warn("database unavailable", "request_id", middleware.GetReqID(r.Context()), "method", r.Method, "path", r.URL.Path, "err", err)
	w.Header().Set("Retry-After", "5")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "unavailable", "message": unavailableMessage})
		return
	}
	page := web.UnavailablePage{Chrome: s.chrome(r, "Try again in a moment", ""), Message: unavailableMessage}
	if r.Method == http.MethodPost {
		page.Retry = retryForm(w, r)
	}
	s.render(w, r, http.StatusServiceUnavailable, web.Unavailable(page))
}

// retryForm reads back the posted form, unless the handler already did.
func retryForm(w http.ResponseWriter, r *http.Request) *web.RetryForm {
	if r.PostForm == nil {
		r.Body = http.MaxBytesReader(w, r.Body, maxRetryBody)
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			_ = r.ParseMultipartForm(1 << 20)
		} else {
			_ = r.ParseForm()
		}
	}
	f := &web.RetryForm{Action: r.URL.RequestURI()}
	if r.MultipartForm != nil && len(r.MultipartForm.File) > 0 {
		f.Withheld = true
	}
	names := make([]string, 0, len(r.PostForm))
	for name := range r.PostForm {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if strings.Contains(strings.ToLower(name), "password") {
			f.Withheld = true
			continue
		}
		for _, v := range r.PostForm[name] {
			f.Fields = append(f.Fields, web.RetryField{Name: name, Value: v})
		}
	}
	return f
}
