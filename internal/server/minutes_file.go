package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/export"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// minutesFormat is one of the two files the minutes download as.
type minutesFormat struct {
	ext         string
	contentType string
	render      func(io.Writer, *export.Document) error
}

var (
	pdfFile  = minutesFormat{"pdf", "application/pdf", export.PDF}
	docxFile = minutesFormat{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", export.DOCX}
)

// handleMinutesFile serves GET /committees/{code}/meetings/{number}.pdf and
// .docx: the minutes as they stand, to whoever may open the minutes page,
// and holding what that page shows them: the same view (minutesView)
// withholds the same items and actions outstanding.
func (s *Server) handleMinutesFile(f minutesFormat) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		_, v, err := s.openMinutesView(r)
		if err != nil {
			return err
		}
		return sendMinutesFile(w, f, exportDocument(v, "", s.clock.Now()), export.FileName(v.Meeting, 0, f.ext))
	}
}

// openMinutesView loads the URL's meeting for a reader who may open its
// minutes (readableMinutes), and the minutes as the minutes page shows them
// to that reader, without the page's controls: for the files.
func (s *Server) openMinutesView(r *http.Request) (*mb.Minutes, *web.MinutesView, error) {
	_, doc, _, err := s.readableMinutes(r)
	if err != nil {
		return nil, nil, err
	}
	v, err := s.minutesView(r, doc, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	return doc, v, nil
}

// handleVersionFile serves GET
// /committees/{code}/meetings/{number}/versions/{version}.pdf and .docx: a
// stored version of the minutes, to whoever may read their history, with
// what the reader may read of it.
func (s *Server) handleVersionFile(f minutesFormat) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		m, recorded, err := s.historyMeeting(r)
		if err != nil {
			return err
		}
		n, err := strconv.Atoi(chi.URLParam(r, "version"))
		if err != nil {
			return mb.Errorf(mb.ENOTFOUND, "There is no such version of these minutes.")
		}
		ver, err := s.store.MinutesVersionFor(r.Context(), reader(r), m, n, recorded)
		if err != nil {
			return err
		}
		doc := ver.Minutes
		// The snapshot's header says what it said then; the document
		// title follows the version's own status ("Draft Minutes" for a
		// circulated draft), and the rules follow the meeting's committee.
		if doc.Meeting == nil {
			doc.Meeting = &mb.Meeting{}
		}
		snap := *doc.Meeting
		snap.ID, snap.CommitteeID, snap.CommitteeCode, snap.Status = m.ID, m.CommitteeID, m.CommitteeCode, ver.Status
		doc.Meeting = &snap
		v, err := s.minutesView(r, doc, nil, nil)
		if err != nil {
			return err
		}
		label := fmt.Sprintf("Version %d – %s by %s, %s", ver.Number, ver.Kind.Label(), ver.ActorName, ver.At.Format("2 January 2006 15:04"))
		return sendMinutesFile(w, f, exportDocument(v, label, s.clock.Now()), export.FileName(&snap, ver.Number, f.ext))
	}
}

// exportDocument is the page's view of the minutes as the exports take it.
// A withheld item goes over as its number and level only.
func exportDocument(v *web.MinutesView, version string, made time.Time) *export.Document {
	d := &export.Document{
		Meeting: v.Meeting, Members: v.Members, Others: v.Others, Apologies: v.Apologies,
		Outstanding: v.Outstanding, OutstandingWithheld: v.OutstandingWithheld, OutstandingInItem: v.OutstandingInItem,
		Next: v.Next, ApprovedBy: v.ApprovedBy, Version: version, Made: made,
		Declarations: v.Declarations, Quorum: v.Quorum,
	}
	// A stored version's file is that version: it carries no signature,
	// which the minutes as they stand carry.
	if version == "" {
		d.Signature = v.Signature
	}
	var item func(iv *web.ItemView) *export.Item
	item = func(iv *web.ItemView) *export.Item {
		if iv.Withheld {
			return &export.Item{Item: &mb.Item{Number: iv.Item.Number, Classification: iv.Item.Classification}, Withheld: true}
		}
		e := &export.Item{Item: iv.Item, Outstanding: iv.Outstanding, Reviews: iv.Reviews, Quorum: iv.Quorum}
		for _, c := range iv.Children {
			e.Children = append(e.Children, item(c))
		}
		return e
	}
	for _, iv := range v.Items {
		d.Items = append(d.Items, item(iv))
	}
	return d
}

// sendMinutesFile renders the file whole before it answers, so that a
// failure is an error page rather than half a file, and sends it as an
// attachment under a safe name.
func sendMinutesFile(w http.ResponseWriter, f minutesFormat, d *export.Document, name string) error {
	var buf bytes.Buffer
	if err := f.render(&buf, d); err != nil {
		return err
	}
	// Classified minutes stay out of shared caches.
	attachment(w, f.contentType, name, "private, no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, _ = w.Write(buf.Bytes()) // a client that hung up has nothing to be told
	return nil
}
