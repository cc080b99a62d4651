package server

import (
	"net/http"

	"github.com/minutebook/minutebook/internal/form"
	"github.com/minutebook/minutebook/web"
)

// handleReferencePatterns serves GET /admin/references.
func (s *Server) handleReferencePatterns(w http.ResponseWriter, r *http.Request) error {
	list, err := s.store.ReferencePatterns(r.Context())
	if err != nil {
		return err
	}
	return s.renderReferencePatterns(w, r, http.StatusOK, form.ReferencePatternsFrom(list))
}

// handleReferencePatternsSave serves POST /admin/references.
func (s *Server) handleReferencePatternsSave(w http.ResponseWriter, r *http.Request) error {
	f, err := form.ParseReferencePatterns(r)
	if err != nil {
		return err
	}
	list := f.List()
	return saveForm(formSave{
		Converted: list != nil || len(f.Errors) == 0, Save: func() error { return s.store.SetReferencePatterns(r.Context(), list) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderReferencePatterns(w, r, status, f) },
		Done: func() error {
			return s.redirect(w, r, web.ReferencePatternsPath(), "Reference patterns saved; every text's references were found again.")
		},
	})
}

func (s *Server) renderReferencePatterns(w http.ResponseWriter, r *http.Request, status int, f *form.ReferencePatterns) error {
	s.render(w, r, status, web.ReferencePatterns(web.ReferencePatternsPage{Chrome: s.chrome(r, "Reference patterns", "references"), Form: f}))
	return nil
}
