package server

import (
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handlePaperDownload serves GET /committees/{code}/meetings/{number}/papers/{paper}:
// the paper's current version, to a reader of the agenda at its level.
func (s *Server) handlePaperDownload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.readablePaper(r)
	if err != nil {
		return err
	}
	return s.sendPaper(w, r, p.Current)
}

// handlePaperVersionDownload serves GET
// /committees/{code}/meetings/{number}/papers/{paper}/versions/{version}:
// an earlier (or the current) version of the paper.
func (s *Server) handlePaperVersionDownload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.readablePaper(r)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(chi.URLParam(r, "version"))
	if err == nil {
		for _, v := range p.Versions {
			if v.Number == n {
				return s.sendPaper(w, r, v)
			}
		}
	}
	return mb.Errorf(mb.ENOTFOUND, "Paper %s has no such version.", p.Reference)
}

// sendPaper streams a version's file as an attachment under its own name,
// as the type its kind is served as. The first bytes are read before the
// headers are sent, so that a file that cannot be read is an error page
// rather than an empty download.
func (s *Server) sendPaper(w http.ResponseWriter, r *http.Request, v mb.PaperVersion) error {
	rc, err := s.store.OpenPaperFile(r.Context(), v)
	if err != nil {
		return err
	}
	defer rc.Close()
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(fileTransferTime))
	first := make([]byte, 32<<10)
	n, err := io.ReadFull(rc, first)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return err
	}
	// Classified papers stay out of shared caches.
	attachment(w, v.ContentType, v.Filename, "private, no-cache")
	w.Header().Set("Content-Length", strconv.FormatInt(v.Size, 10))
	if _, err := w.Write(first[:n]); err != nil {
		return nil // the reader hung up
	}
	if _, err := io.Copy(w, rc); err != nil {
		s.log.Warn("paper download cut short", "file", v.FileKey, "err", err)
	}
	return nil
}

func (s *Server) renderPaperForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.Paper, stored *mb.Paper, fileError string) error {
	p := web.PaperFormPage{Meeting: m, Form: f, IsNew: stored == nil, Paper: stored, FileError: fileError, Levels: web.LevelOptions(m.Classification)}
	title := "Add a paper to " + m.ShortName()
	if stored != nil {
		title = "Paper " + stored.Reference + " of " + m.ShortName()
	} else {
		items, err := s.store.Items(r.Context(), m.ID)
		if err != nil {
			return err
		}
		for _, it := range items {
			p.Items = append(p.Items, web.ItemOption(it))
			for _, c := range it.Children {
				p.Items = append(p.Items, web.ItemOption(c))
			}
		}
	}
	if fileError != "" && f.Errors["file"] == "" {
		f.Errors["file"] = fileError
	}
	p.Chrome = s.chrome(r, title, "committees")
	s.render(w, r, status, web.PaperForm(p))
	return nil
}

// handlePaperNew serves GET /committees/{code}/meetings/{number}/papers/new:
// the upload form, for the item given (?item=) or the meeting, with a
// reference the meeting does not use yet and the item's level.
func (s *Server) handlePaperNew(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	papers, err := s.store.Papers(r.Context(), m.ID)
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for _, p := range papers {
		used[p.Reference] = true
	}
	n := len(papers) + 1
	for used[mb.SuggestedPaperReference(m, n)] {
		n++
	}
	f := &form.Paper{Item: r.URL.Query().Get("item"), Reference: mb.SuggestedPaperReference(m, n), Classification: m.Classification.String(), Errors: form.Errors{}}
	if id, err := strconv.ParseInt(f.Item, 10, 64); err == nil {
		// The item's own level within its parent's and the document's:
		// the least a paper of it may carry.
		if ai, err := s.store.AgendaItem(r.Context(), m.ID, id); err == nil {
			f.Classification = max(m.Classification, ai.Access.Level).String()
		}
	}
	return s.renderPaperForm(w, r, http.StatusOK, m, f, nil, "")
}

// handlePaperCreate serves POST /committees/{code}/meetings/{number}/papers/new:
// the file is checked and streamed into storage as it arrives; a file too
// large comes back with 413, one that is not what its name says with 422,
// and in either case nothing is saved.
func (s *Server) handlePaperCreate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	u, err := s.readPaperUpload(w, r)
	if err != nil {
		return err
	}
	f := form.PaperFromValues(u.fields)
	p := f.Paper(true, m.ID)
	switch {
	case u.refusal != nil:
		s.discardUpload(r, u)
		return s.renderPaperForm(w, r, refusalStatus(u.refusal), m, f, nil, mb.ErrorMessage(u.refusal))
	case u.version == nil:
		return s.renderPaperForm(w, r, http.StatusUnprocessableEntity, m, f, nil, "Choose the paper's file.")
	case p == nil:
		s.discardUpload(r, u)
		return s.renderPaperForm(w, r, http.StatusUnprocessableEntity, m, f, nil, "Choose the file again: it was not kept while the form had problems.")
	}
	return saveForm(formSave{
		Converted: true, Save: func() error { return s.store.CreatePaper(r.Context(), p, *u.version) }, Errors: f.Errors,
		Back: func(status int, _ bool) error {
			return s.renderPaperForm(w, r, status, m, f, nil, "Choose the file again: it was not kept while the form had problems.")
		},
		Done: func() error {
			return s.redirect(w, r, web.AgendaPath(m.CommitteeCode, m.Number), "Paper "+p.Reference+" added.")
		},
	})
}

// handlePaperEdit serves GET /committees/{code}/meetings/{number}/papers/{paper}/edit.
func (s *Server) handlePaperEdit(w http.ResponseWriter, r *http.Request) error {
	m, p, err := s.editablePaper(r)
	if err != nil {
		return err
	}
	return s.renderPaperForm(w, r, http.StatusOK, m, form.PaperFrom(p), p, "")
}

// handlePaperUpdate serves POST /committees/{code}/meetings/{number}/papers/{paper}/edit:
// the paper's title, reference and classification.
func (s *Server) handlePaperUpdate(w http.ResponseWriter, r *http.Request) error {
	m, stored, err := s.editablePaper(r)
	if err != nil {
		return err
	}
	f, err := form.ParsePaper(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	p := f.Paper(false, m.ID)
	return saveForm(formSave{
		Converted: p != nil, Save: func() error { return s.store.UpdatePaper(r.Context(), p) }, Errors: f.Errors,
		Kept: "Your changes are kept in the form; save again to replace the saved ones.",
		Back: func(status int, conflict bool) error {
			if conflict {
				f.Version = strconv.Itoa(stored.Version)
			}
			return s.renderPaperForm(w, r, status, m, f, stored, "")
		},
		Done: func() error {
			return s.redirect(w, r, web.AgendaPath(m.CommitteeCode, m.Number), "Paper "+p.Reference+" saved.")
		},
	})
}

// handlePaperReplace serves POST /committees/{code}/meetings/{number}/papers/{paper}/replace:
// a new version of the paper, checked and streamed as a new paper is; the
// earlier versions are kept.
func (s *Server) handlePaperReplace(w http.ResponseWriter, r *http.Request) error {
	m, p, err := s.editablePaper(r)
	if err != nil {
		return err
	}
	u, err := s.readPaperUpload(w, r)
	if err != nil {
		return err
	}
	f := form.PaperFrom(p)
	switch {
	case u.refusal != nil:
		s.discardUpload(r, u)
		return s.renderPaperForm(w, r, refusalStatus(u.refusal), m, f, p, mb.ErrorMessage(u.refusal))
	case u.version == nil:
		return s.renderPaperForm(w, r, http.StatusUnprocessableEntity, m, f, p, "Choose the new version's file.")
	}
	version, err := strconv.Atoi(u.fields["version"])
	if err != nil {
		version = 0 // refused as stale below
	}
	err = s.store.ReplacePaper(r.Context(), m.ID, p.ID, version, *u.version)
	if status, ok := formFailed(err); ok {
		if fresh, ferr := s.store.PaperIn(r.Context(), m.ID, p.ID); ferr == nil {
			p, f = fresh, form.PaperFrom(fresh)
		}
		return s.renderPaperForm(w, r, status, m, f, p, mb.ErrorMessage(err))
	}
	if err != nil {
		return err
	}
	return s.redirect(w, r, web.AgendaPath(m.CommitteeCode, m.Number), "Paper "+p.Reference+" replaced: its earlier versions are kept.")
}

// handlePaperDelete serves POST /committees/{code}/meetings/{number}/papers/{paper}/delete.
func (s *Server) handlePaperDelete(w http.ResponseWriter, r *http.Request) error {
	m, p, err := s.editablePaper(r)
	if err != nil {
		return err
	}
	if err := s.store.DeletePaper(r.Context(), m.ID, p.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.AgendaPath(m.CommitteeCode, m.Number), "Paper "+p.Reference+" removed.")
}
