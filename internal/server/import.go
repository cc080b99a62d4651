package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// maxImportMB is the largest document the import page accepts. Minutes are
// text; a Word document ten times the model's size still fits, images and all.
const maxImportMB = 10

// handleImportPage serves GET /committees/{code}/import: the upload form.
func (s *Server) handleImportPage(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "import minutes")
	if err != nil {
		return err
	}
	return s.renderUpload(w, r, http.StatusOK, c, "")
}

func (s *Server) renderUpload(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, problem string) error {
	pending, err := s.store.PendingImports(r.Context(), c.ID, reader(r).User.ID)
	if err != nil {
		return err
	}
	p := web.ImportUploadPage{Chrome: s.chrome(r, "Import minutes into "+c.Code, "committees"), Committee: c, Error: problem, MaxMB: maxImportMB}
	for _, x := range pending {
		p.Pending = append(p.Pending, web.ImportPendingLink{Filename: x.Filename, Href: web.ImportPreviewPath(c.Code, x.Token), Uploaded: x.CreatedAt})
	}
	s.render(w, r, status, web.ImportUpload(p))
	return nil
}

// handleImportUpload serves POST /committees/{code}/import: it reads the
// document, keeps what was read beside its text for the uploader to check,
// and shows them the preview.
func (s *Server) handleImportUpload(w http.ResponseWriter, r *http.Request) error {
	c, err := s.secretariatCommittee(r, "import minutes")
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImportMB<<20+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return s.renderUpload(w, r, http.StatusRequestEntityTooLarge, c,
				"The file is larger than 10 MB, the most minutebook reads: save the document without its images, or as plain text (.txt).")
		}
		return s.renderUpload(w, r, http.StatusUnprocessableEntity, c, "Choose a minutes document to upload.")
	}
	defer r.MultipartForm.RemoveAll()
	file, header, err := r.FormFile("document")
	if err != nil {
		return s.renderUpload(w, r, http.StatusUnprocessableEntity, c, "Choose a minutes document to upload.")
	}
	defer file.Close()
	name := filepath.Base(strings.ReplaceAll(header.Filename, "\\", "/"))
	if ext := strings.ToLower(filepath.Ext(name)); ext != ".txt" && ext != ".docx" {
		return s.renderUpload(w, r, http.StatusUnprocessableEntity, c,
			name+" is neither a Word document (.docx) nor plain text (.txt): save it as one of those, or copy a PDF's text into a .txt file.")
	}
	// Read in the committee's decision words: a word outside them is text,
	// for the secretariat to make a decision in one of them.
	doc, text, err := minutesimport.ParseSource(file, name, minutesimport.Options{Committee: c.Code, DecisionWords: c.DecisionVocabulary})
	if errors.Is(err, minutesimport.ErrUnreadable) {
		return s.renderUpload(w, r, http.StatusUnprocessableEntity, c, unreadable(err))
	}
	if err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return s.renderUpload(w, r, http.StatusUnprocessableEntity, c, name+" is empty.")
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	p := &postgres.PendingImport{CommitteeID: c.ID, UserID: reader(r).User.ID, Filename: name, Source: text, Document: body}
	if err := s.store.CreatePendingImport(r.Context(), p); err != nil {
		return err
	}
	return s.redirect(w, r, web.ImportPreviewPath(c.Code, p.Token), "")
}

// unreadable is the parser's reason, without its package's prefix.
func unreadable(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "minutesimport: "); i >= 0 {
		msg = msg[i+len("minutesimport: "):]
	}
	msg, _, _ = strings.Cut(msg, ": "+minutesimport.ErrUnreadable.Error())
	if msg == "" {
		return "The file could not be read."
	}
	// Capitalise the sentence, not a file name: the parser's messages begin
	// with words ("the file x.docx …", "not a readable …").
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// handleImportPreview serves GET /committees/{code}/import/{token}: what
// was read beside the document, with what saving will do.
func (s *Server) handleImportPreview(w http.ResponseWriter, r *http.Request) error {
	c, p, doc, err := s.ownPendingImport(r)
	if err != nil {
		return err
	}
	page, err := s.importPreview(r, c, p, doc, nil, form.Errors{})
	if err != nil {
		return err
	}
	return s.page(w, r, web.ImportPreview(page.ImportPreviewPage))
}

// handleImportSave serves POST /committees/{code}/import/{token}: it keeps
// the corrections; then, for "check again", shows the preview again with a
// new trial import, and otherwise saves the minutes as a draft meeting in
// one transaction and deletes the upload. A problem sends the preview back
// with it, as typed.
func (s *Server) handleImportSave(w http.ResponseWriter, r *http.Request) error {
	c, p, doc, err := s.ownPendingImport(r)
	if err != nil {
		return err
	}
	f, err := s.correctImport(r, c, p, doc)
	if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		page, err := s.importPreview(r, c, p, doc, f.Values, f.Errors)
		if err != nil {
			return err
		}
		s.render(w, r, http.StatusUnprocessableEntity, web.ImportPreview(page.ImportPreviewPage))
		return nil
	}
	if f.Check {
		return s.redirect(w, r, web.ImportPreviewPath(c.Code, p.Token), "Your corrections are kept; below is what saving will now do.")
	}
	rep, page, err := s.saveImport(r, c, p, doc)
	if err != nil {
		return err
	}
	if page != nil {
		status := http.StatusUnprocessableEntity
		if page.conflict {
			status = http.StatusConflict
		}
		s.render(w, r, status, web.ImportPreview(page.ImportPreviewPage))
		return nil
	}
	if err := s.store.DeletePendingImport(r.Context(), p, true); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingPath(c.Code, rep.Meeting.Number), rep.Summary()+" from "+p.Filename+".")
}

// handleImportCancel serves POST /committees/{code}/import/{token}/cancel:
// the upload is deleted and nothing is saved.
func (s *Server) handleImportCancel(w http.ResponseWriter, r *http.Request) error {
	c, p, _, err := s.ownPendingImport(r)
	if err != nil {
		return err
	}
	if err := s.store.DeletePendingImport(r.Context(), p, false); err != nil {
		return err
	}
	return s.redirect(w, r, web.ImportPath(c.Code), "Cancelled the import of "+p.Filename+": nothing was saved.")
}
