package server

import (
	"encoding/hex"
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// The agenda's JSON: the meeting's head, the agenda's state and
// revisions, the papers of the meeting and the items with their papers.
// A withheld item or paper carries only its number or reference, level
// and notice.

type apiAgenda struct {
	apiMeeting
	Title        string          `json:"title"`
	AgendaStatus string          `json:"agenda_status"` // "draft" | "published"
	PublishedAt  string          `json:"published_at,omitempty"`
	Revision     int             `json:"revision"`
	Revisions    []apiRevision   `json:"revisions"`
	AgendaURL    string          `json:"agenda_url"`   // the agenda page
	PackURL      string          `json:"pack_url"`     // the meeting pack as a zip
	PackPDFURL   string          `json:"pack_pdf_url"` // the meeting pack as one PDF
	Papers       []apiPaper      `json:"papers"`
	Items        []apiAgendaItem `json:"items"`
}

type apiRevision struct {
	Revision int      `json:"revision"`
	At       string   `json:"at"`
	Changes  []string `json:"changes"`
	Summary  string   `json:"summary"`
}

type apiAgendaItem struct {
	Number          string          `json:"number"`
	Withheld        bool            `json:"withheld,omitempty"`
	Notice          string          `json:"notice,omitempty"`
	Title           string          `json:"title,omitempty"`
	Purpose         string          `json:"purpose,omitempty"` // "decision" | "discussion" | "information"
	Presenter       string          `json:"presenter,omitempty"`
	Start           string          `json:"start,omitempty"`
	DurationMinutes int             `json:"duration_minutes,omitempty"`
	Classification  string          `json:"classification,omitempty"` // the item's own, when above the document's
	Papers          []apiPaper      `json:"papers,omitempty"`
	Items           []apiAgendaItem `json:"items,omitempty"`
}

type apiPaper struct {
	Reference      string            `json:"reference"`
	Classification string            `json:"classification"` // the level the reading rule applies
	Withheld       bool              `json:"withheld,omitempty"`
	Notice         string            `json:"notice,omitempty"`
	Title          string            `json:"title,omitempty"`
	Version        int               `json:"version,omitempty"`
	Filename       string            `json:"filename,omitempty"`
	ContentType    string            `json:"content_type,omitempty"`
	Size           int64             `json:"size,omitempty"`
	SHA256         string            `json:"sha256,omitempty"`
	UploadedAt     string            `json:"uploaded_at,omitempty"`
	DownloadURL    string            `json:"download_url,omitempty"` // …/papers/{id}: the current version
	Versions       []apiPaperVersion `json:"versions,omitempty"`
}

type apiPaperVersion struct {
	Number      int    `json:"number"`
	Filename    string `json:"filename"`
	Size        int64  `json:"size"`
	UploadedAt  string `json:"uploaded_at"`
	DownloadURL string `json:"download_url"`
}

// handleAPIAgenda serves GET /api/v1/committees/{code}/meetings/{number}/agenda:
// the agenda and its papers' metadata as the reader may read them, each
// paper with the address it downloads from.
func (s *Server) handleAPIAgenda(w http.ResponseWriter, r *http.Request) error {
	a, recorded, err := s.readableAgenda(r)
	if err != nil {
		return err
	}
	v := agendaView(reader(r), a, recorded, asIs)
	m, base := a.Meeting, baseURL(r)
	out := apiAgenda{
		apiMeeting: toAPIMeeting(r, m), Title: a.Title(), AgendaStatus: string(a.Status), Revision: a.Revision,
		Revisions: []apiRevision{}, Papers: []apiPaper{}, Items: []apiAgendaItem{},
		AgendaURL:  base + web.AgendaPath(m.CommitteeCode, m.Number),
		PackURL:    base + web.MeetingPackPath(m.CommitteeCode, m.Number, "zip"),
		PackPDFURL: base + web.MeetingPackPath(m.CommitteeCode, m.Number, "pdf"),
	}
	if a.PublishedAt != nil {
		out.PublishedAt = a.PublishedAt.UTC().Format(time.RFC3339)
	}
	for _, rev := range a.Revisions {
		out.Revisions = append(out.Revisions, apiRevision{Revision: rev.Number, At: rev.At.UTC().Format(time.RFC3339), Changes: rev.Changes, Summary: rev.Summary()})
	}
	paper := func(p web.PaperView) apiPaper {
		x := apiPaper{Reference: p.Paper.Reference, Classification: p.Paper.Level.String()}
		if p.Withheld {
			x.Withheld, x.Notice = true, mb.WithheldPaperNotice(p.Paper)
			return x
		}
		c := p.Paper.Current
		x.Title, x.Version, x.Filename, x.ContentType, x.Size = p.Paper.Title, p.Paper.CurrentVersion, c.Filename, c.ContentType, c.Size
		x.SHA256, x.UploadedAt = hex.EncodeToString(c.SHA256), c.UploadedAt.UTC().Format(time.RFC3339)
		x.DownloadURL = base + web.PaperPath(m.CommitteeCode, m.Number, p.Paper.ID)
		for _, ver := range p.Paper.Versions {
			x.Versions = append(x.Versions, apiPaperVersion{Number: ver.Number, Filename: ver.Filename, Size: ver.Size,
				UploadedAt: ver.UploadedAt.UTC().Format(time.RFC3339), DownloadURL: base + web.PaperVersionPath(m.CommitteeCode, m.Number, p.Paper.ID, ver.Number)})
		}
		return x
	}
	papers := func(list []web.PaperView) []apiPaper {
		var ps []apiPaper
		for _, p := range list {
			ps = append(ps, paper(p))
		}
		return ps
	}
	var item func(iv *web.AgendaItemView) apiAgendaItem
	item = func(iv *web.AgendaItemView) apiAgendaItem {
		it := iv.Item.Item
		x := apiAgendaItem{Number: it.Number}
		if iv.Withheld {
			x.Withheld, x.Notice, x.Classification = true, mb.WithheldNotice(it), it.Classification.String()
			return x
		}
		x.Title, x.Purpose, x.Presenter, x.DurationMinutes = it.Title, string(iv.Item.Purpose), iv.Item.Presenter.Label(), iv.Item.Duration
		if iv.Item.Start != nil {
			x.Start = iv.Item.Start.String()
		}
		if it.Classification != 0 {
			x.Classification = it.Classification.String()
		}
		x.Papers = papers(iv.Papers)
		for _, sub := range iv.Subs {
			x.Items = append(x.Items, item(sub))
		}
		return x
	}
	if ps := papers(v.Papers); ps != nil {
		out.Papers = ps
	}
	for _, iv := range v.Items {
		out.Items = append(out.Items, item(iv))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
