package server

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/internal/export"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// The meeting pack is one download of the agenda and every paper the reader
// may read: a zip streamed paper by paper, or one PDF (the agenda's pages,
// then each PDF paper, merged; the others listed in the agenda).

// agendaExport is the agenda view as the export package takes it, made at
// made (the PDF's date, and the pack's status line says so); note gives a
// paper's line its note in the pack ("in this PDF").
func agendaExport(v *web.AgendaView, made time.Time, note func(*mb.Paper) string) *export.Agenda {
	a := v.Agenda
	out := &export.Agenda{Meeting: a.Meeting, Status: a.StatusLine(), Made: made}
	for _, r := range a.Revisions {
		if r.Number > 1 {
			out.Revisions = append(out.Revisions, r.Summary())
		}
	}
	out.Status += " This pack was made on " + made.In(mb.Zone).Format("2 January 2006 at 15:04") + "."
	papers := func(list []web.PaperView) []export.AgendaPaper {
		var ps []export.AgendaPaper
		for _, p := range list {
			ep := export.AgendaPaper{Paper: p.Paper, Withheld: p.Withheld}
			if !p.Withheld && note != nil {
				ep.Note = note(p.Paper)
			}
			ps = append(ps, ep)
		}
		return ps
	}
	var item func(iv *web.AgendaItemView) *export.AgendaItem
	item = func(iv *web.AgendaItemView) *export.AgendaItem {
		e := &export.AgendaItem{Item: iv.Item, Withheld: iv.Withheld, Papers: papers(iv.Papers)}
		for _, sub := range iv.Subs {
			e.Subs = append(e.Subs, item(sub))
		}
		return e
	}
	out.Papers = papers(v.Papers)
	for _, iv := range v.Items {
		out.Items = append(out.Items, item(iv))
	}
	return out
}

// packName is the pack's file name: "OPSG_107_2311 Meeting Pack.zip".
func packName(m *mb.Meeting, ext string) string {
	return mb.SafeFileName(m.Reference+" Meeting Pack") + "." + ext
}

// packAgenda loads the URL's agenda for the reader and their view of it.
func (s *Server) packAgenda(r *http.Request) (*web.AgendaView, error) {
	a, recorded, err := s.readableAgenda(r)
	if err != nil {
		return nil, err
	}
	return agendaView(reader(r), a, recorded, asIs), nil
}

// handlePackZip serves GET /committees/{code}/meetings/{number}/pack.zip:
// the agenda as a PDF, then each paper the reader may read, streamed into
// the zip one after another (stored as they are: PDFs and Office files are
// compressed already). Nothing is held whole but the agenda's few pages.
func (s *Server) handlePackZip(w http.ResponseWriter, r *http.Request) error {
	v, err := s.packAgenda(r)
	if err != nil {
		return err
	}
	m := v.Meeting()
	var agenda bytes.Buffer
	if err := export.AgendaPDF(&agenda, agendaExport(v, s.clock.Now(), nil)); err != nil {
		return err
	}
	attachment(w, "application/zip", packName(m, "zip"), "private, no-cache")
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(fileTransferTime))
	zw := zip.NewWriter(w)
	fail := func(err error) error {
		// The headers are sent: the zip is left unfinished, which unzip
		// reports, rather than an error page inside it.
		s.log.Warn("meeting pack cut short", "meeting", m.ShortName(), "err", err)
		return nil
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: "00 " + mb.SafeFileName(m.Reference+" Agenda") + ".pdf", Method: zip.Deflate, Modified: s.clock.Now()})
	if err != nil {
		return fail(err)
	}
	if _, err := fw.Write(agenda.Bytes()); err != nil {
		return fail(err)
	}
	for i, p := range v.Readable() {
		method := zip.Store
		if strings.HasPrefix(p.Current.ContentType, "text/") {
			method = zip.Deflate
		}
		name := fmt.Sprintf("%02d %s", i+1, mb.SafeFileName(p.Reference+" "+p.Current.Filename))
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: p.Current.UploadedAt})
		if err != nil {
			return fail(err)
		}
		rc, err := s.store.OpenPaperFile(r.Context(), p.Current)
		if err != nil {
			return fail(err)
		}
		_, err = io.Copy(fw, rc)
		rc.Close()
		if err != nil {
			return fail(err)
		}
	}
	if err := zw.Close(); err != nil {
		return fail(err)
	}
	return nil
}

// handlePackPDF serves GET /committees/{code}/meetings/{number}/pack.pdf:
// the agenda's pages, then every PDF paper the reader may read, as one
// PDF; each paper's line in the agenda says whether it is in the file. The
// papers are spooled to temporary files for the merge, which pdfcpu makes
// in memory; the result is written to a temporary file and sent with its
// length, so that a failure is an error page, not half a file.
func (s *Server) handlePackPDF(w http.ResponseWriter, r *http.Request) error {
	v, err := s.packAgenda(r)
	if err != nil {
		return err
	}
	m := v.Meeting()
	dir, err := os.MkdirTemp("", "minutebook-pack-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	notes := map[int64]string{}
	var parts []io.ReadSeeker
	for _, p := range v.Readable() {
		if p.Current.Kind().Ext != ".pdf" {
			notes[p.ID] = "not a PDF: in the zip pack"
			continue
		}
		f, err := s.spool(r, dir, p.Current)
		if err != nil {
			return err
		}
		defer f.Close()
		if !export.ReadablePDF(f) {
			notes[p.ID] = "could not be read as a PDF: download it on its own"
			continue
		}
		notes[p.ID] = "in this PDF"
		parts = append(parts, f)
	}
	var agenda bytes.Buffer
	if err := export.AgendaPDF(&agenda, agendaExport(v, s.clock.Now(), func(p *mb.Paper) string { return notes[p.ID] })); err != nil {
		return err
	}
	out, err := os.CreateTemp(dir, "pack-*.pdf")
	if err != nil {
		return err
	}
	defer out.Close()
	if err := export.MergePDF(out, append([]io.ReadSeeker{bytes.NewReader(agenda.Bytes())}, parts...)); err != nil {
		return err
	}
	size, err := out.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	if _, err := out.Seek(0, io.SeekStart); err != nil {
		return err
	}
	attachment(w, "application/pdf", packName(m, "pdf"), "private, no-cache")
	w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(fileTransferTime))
	_, _ = io.Copy(w, out) // a client that hung up has nothing to be told
	return nil
}

// spool copies a version's file into a temporary file in dir.
func (s *Server) spool(r *http.Request, dir string, v mb.PaperVersion) (*os.File, error) {
	rc, err := s.store.OpenPaperFile(r.Context(), v)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	f, err := os.CreateTemp(dir, "paper-*.pdf")
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(f, rc); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
