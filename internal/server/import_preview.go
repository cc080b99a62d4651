package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/minutebook/minutebook/internal/form"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// checkFrom fills the preview's form from the document as read (with the
// corrections kept so far).
func checkFrom(doc *minutesimport.Document) *form.ImportCheck {
	m := doc.Meeting
	f := &form.ImportCheck{Kind: m.Kind, Date: m.Date, Start: m.Start, End: m.End, Venue: m.Venue, Classification: m.Classification,
		Titles: map[int]string{}, Groups: map[int]string{}, Errors: form.Errors{}}
	if m.Number > 0 {
		f.Number = strconv.Itoa(m.Number)
	}
	for k, it := range doc.Items {
		f.Titles[k] = it.Title
	}
	for i := range len(doc.Attendees) + len(doc.Apologies) {
		f.Groups[i] = importer.Group(doc, i)
	}
	return f
}

// previewPage is the preview sent back with a problem; conflict says the
// problem is a refusal (409) rather than bad input (422).
type previewPage struct {
	web.ImportPreviewPage
	conflict bool
}

// saveImport applies the person's corrections, keeps them with the upload,
// and saves the minutes. A problem comes back as the preview to show.
func (s *Server) saveImport(r *http.Request, c *mb.Committee, p *postgres.PendingImport, doc *minutesimport.Document) (*mb.ImportReport, *previewPage, error) {
	f, err := form.ParseImportCheck(r, len(doc.Items), len(doc.Attendees)+len(doc.Apologies))
	if err != nil {
		return nil, nil, err
	}
	importer.Corrections{Number: f.MeetingNumber(), Kind: f.Kind, Date: f.Date, Start: f.Start, End: f.End,
		Venue: f.Venue, Classification: f.Classification, Titles: f.Titles, Groups: f.Groups}.Apply(doc, c.Categories)
	if p.Document, err = json.Marshal(doc); err != nil {
		return nil, nil, err
	}
	if err := s.store.UpdatePendingImport(r.Context(), p); err != nil {
		return nil, nil, err
	}
	var rep *mb.ImportReport
	if len(f.Errors) == 0 {
		var in *mb.MinutesImport
		if in, err = importer.Convert(doc, importer.Options{Committee: c.Code, Source: p.Filename}); err == nil {
			rep, err = s.store.ImportMinutes(r.Context(), in, postgres.ImportOptions{})
		}
		if err == nil {
			return rep, nil, nil
		}
		if _, ok := formFailed(err); !ok {
			return nil, nil, err
		}
	}
	page, err := s.importPreview(r, c, p, doc, f)
	if err != nil {
		return nil, nil, err
	}
	return nil, page, nil
}

// importPreview builds the preview: what was read, the document's lines,
// and what saving would do, found by a trial import that is rolled back.
func (s *Server) importPreview(r *http.Request, c *mb.Committee, p *postgres.PendingImport, doc *minutesimport.Document, f *form.ImportCheck) (*previewPage, error) {
	page := &previewPage{ImportPreviewPage: web.ImportPreviewPage{
		Chrome: s.chrome(r, "Check the imported minutes", "committees"), Committee: c, Action: web.ImportPreviewPath(c.Code, p.Token), CancelAction: web.ImportCancelPath(c.Code, p.Token),
		Filename: p.Filename, Expires: p.ExpiresAt, Form: f, CommitteeRead: doc.Meeting.Committee,
	}}
	in, err := importer.Convert(doc, importer.Options{Committee: c.Code, Source: p.Filename})
	if err == nil && len(f.Errors) == 0 {
		var rep *mb.ImportReport
		if rep, err = s.store.ImportMinutes(r.Context(), in, postgres.ImportOptions{DryRun: true}); err == nil {
			page.Outcome = rep.Lines()
			for _, n := range rep.Notes {
				page.Notes = append(page.Notes, web.ImportLine{Line: n.Line, Text: n.Text})
			}
		}
	}
	if err != nil {
		var e *mb.Error
		if !errors.As(err, &e) || e.Code == mb.EINTERNAL {
			return nil, err
		}
		// A refusal (approved minutes) is said once, above the form; bad
		// input goes beside the fields to correct.
		if len(e.Fields) == 0 || e.Code == mb.ECONFLICT {
			page.Problem, page.conflict = e.Message, e.Code == mb.ECONFLICT
		} else {
			f.Errors.Merge(err)
		}
	}
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, err
	}
	page.Groups = append(page.Groups, c.Categories...)
	for _, o := range orgs {
		page.Groups = append(page.Groups, o.Name)
	}
	fillRead(&page.ImportPreviewPage, doc, p.Source)
	return page, nil
}

// fillRead puts what the parser read, and the document's lines, into the page.
func fillRead(page *web.ImportPreviewPage, doc *minutesimport.Document, source string) {
	for i, a := range doc.Attendees {
		att := "Present"
		if len(a.PartItems) > 0 {
			att = "Part (" + mb.PartItemsLabel(strings.Join(a.PartItems, ", ")) + ")"
		}
		if a.AlternateFor != "" {
			att += ", as alternate for " + a.AlternateFor
		}
		page.People = append(page.People, web.ImportPerson{Index: i, Line: a.Line, Name: a.Name, Attendance: att})
	}
	for i, a := range doc.Apologies {
		page.People = append(page.People, web.ImportPerson{Index: len(doc.Attendees) + i, Line: a.Line, Name: a.Name, Attendance: "Apologies"})
	}
	for k, it := range doc.Items {
		v := web.ImportItem{Index: k, Number: it.Number, Line: it.Line}
		for _, d := range it.Decisions {
			v.Decisions = append(v.Decisions, d.Text)
		}
		for _, a := range it.Actions {
			owner := ""
			if a.Owner != "" {
				owner = " (owner: " + a.Owner + ")"
			}
			v.Actions = append(v.Actions, "ACTION "+a.Ref+": "+a.Text+owner)
		}
		for _, x := range it.Risks {
			v.Risks = append(v.Risks, fmt.Sprintf("%s (%s): %s", x.Ref, mb.SeverityLabel(x.Severity, x.Band), x.Text))
		}
		page.Items = append(page.Items, v)
	}
	for _, o := range doc.OutstandingActions {
		page.Outstanding = append(page.Outstanding, web.ImportOutstanding{Line: o.Line, Ref: o.Ref, Text: o.Text,
			Raised: ukDate(o.Raised), Target: ukDate(o.Target), Revised: ukDate(o.RevisedTarget), Owner: o.Owner, Status: o.Status})
	}
	for _, n := range doc.NextMeetings {
		page.NextMeetings = append(page.NextMeetings, mb.MeetingKind(n.Kind).Label()+": "+longDate(n.Date))
	}
	flagged, warned := map[int]bool{}, map[int]bool{}
	for _, u := range doc.Unrecognised {
		flagged[u.Line] = true
		page.Unrecognised = append(page.Unrecognised, web.ImportLine{Line: u.Line, Text: u.Text})
	}
	for _, x := range doc.Warnings {
		warned[x.Line] = true
		page.Warnings = append(page.Warnings, web.ImportLine{Line: x.Line, Text: x.Text})
	}
	for i, l := range minutesimport.SourceLines(source) {
		page.Source = append(page.Source, web.SourceLine{N: i + 1, Text: l, Unrecognised: flagged[i+1], Warning: warned[i+1]})
	}
}

// ukDate shows a YYYY-MM-DD date as the minutes print it: 12/09/2023.
func ukDate(s string) string {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d.Format("02/01/2006")
	}
	return s
}

func longDate(s string) string {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d.Format("2 January 2006")
	}
	return s
}
