package server

import (
	"errors"
	"io"
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/upload"
)

// fieldsAllowance is what a paper's form may send beside its file.
const fieldsAllowance = 1 << 20

// fileTransferTime is how long a paper's upload or download, or a pack's,
// may take: the server's read and write timeouts are for pages.
const fileTransferTime = 15 * time.Minute

// paperUpload is a paper's form as it arrived: its fields, and its file,
// already stored when one was sent and accepted, or why it was refused.
type paperUpload struct {
	fields  map[string]string
	version *mb.PaperVersion
	refusal error // the file's kind or content is not a paper's, or it is too large
}

// readPaperUpload reads a paper's multipart form as a stream: the fields
// into memory (64 KiB each at most), the file straight through the checks
// (internal/upload) into storage, a chunk at a time, never whole in memory
// or on disk. A file refused (its kind, its content, its size) is stored
// nowhere; a file stored but then not saved must be discarded by the caller
// (discardUpload).
func (s *Server) readPaperUpload(w http.ResponseWriter, r *http.Request) (*paperUpload, error) {
	u := &paperUpload{fields: map[string]string{}}
	// A body over the limit is refused as it is read, after the fields
	// that come before the file, so that the form comes back as typed.
	limit := int64(mb.MaxPaperBytes) + fieldsAllowance
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	// 25 MB takes longer than the server's read timeout on a slow line.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(fileTransferTime))
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	for {
		part, err := mr.NextPart()
		// The form's own end; a body cut short before its closing
		// boundary is an error that wraps io.EOF.
		if err == io.EOF {
			return u, nil
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			u.refusal = mb.PaperTooLarge("The file")
			return u, nil
		}
		if err != nil {
			s.discardUpload(r, u)
			return nil, mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
		}
		if part.FormName() != "file" {
			b, err := io.ReadAll(io.LimitReader(part, 64<<10))
			if err != nil {
				s.discardUpload(r, u)
				return nil, mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
			}
			u.fields[part.FormName()] = string(b)
			continue
		}
		if part.FileName() == "" || u.version != nil || u.refusal != nil {
			continue // no file chosen, or a second file: only the first is a paper's
		}
		up, err := upload.Paper(part.FileName(), part)
		if err == nil {
			var v mb.PaperVersion
			if v, err = s.store.PutPaperFile(r.Context(), up); err == nil {
				u.version = &v
				continue
			}
		}
		switch mb.ErrorCode(err) {
		case mb.ETOOLARGE:
			u.refusal = err
			// Read what remains (up to the limit), so that the browser,
			// still sending, receives the answer.
			_, _ = io.Copy(io.Discard, r.Body)
			return u, nil
		case mb.EINVALID:
			u.refusal = err
		default:
			s.discardUpload(r, u)
			return nil, err
		}
	}
}

// discardUpload deletes the upload's stored file, if any, when the paper
// is not saved.
func (s *Server) discardUpload(r *http.Request, u *paperUpload) {
	if u != nil && u.version != nil {
		s.store.DiscardPaperFile(r.Context(), *u.version)
		u.version = nil
	}
}

// refusalStatus is the status a refused file comes back with: 413 for one
// too large, 422 for the rest.
func refusalStatus(err error) int {
	if mb.ErrorCode(err) == mb.ETOOLARGE {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusUnprocessableEntity
}
