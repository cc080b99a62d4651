package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/minutebook/minutebook/internal/form"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// previewPage is the preview to show; conflict says its problem is a
// refusal (409) rather than bad input (422).
type previewPage struct {
	web.ImportPreviewPage
	conflict bool
}

// correctImport reads the preview's form and keeps it with the upload: the
// corrections, applied to the document, and the choices of renumbering and
// side effects. A value that cannot be read (a date that is no date) is not
// applied; the form comes back as typed, with a message by each.
func (s *Server) correctImport(r *http.Request, c *mb.Committee, p *postgres.PendingImport, doc *minutesimport.Document) (*form.ImportPreview, error) {
	f, err := form.ParseImportPreview(r)
	if err != nil {
		return nil, err
	}
	p.Renumber, p.Skip = f.Renumber, nil
	for _, v := range f.Skip {
		if kind, key, ok := strings.Cut(v, "|"); ok && slices.Contains(mb.ImportEffects, mb.ImportEffect(kind)) {
			p.Skip = append(p.Skip, mb.SideEffect{Kind: mb.ImportEffect(kind), Key: key})
		}
	}
	corrections, fe := importer.ReadCorrections(doc, f.Values)
	if len(fe) > 0 {
		f.Errors.Merge(fe.Err())
	}
	corrections.Apply(doc, c.Categories)
	if p.Document, err = json.Marshal(doc); err != nil {
		return nil, err
	}
	return f, s.store.UpdatePendingImport(r.Context(), p)
}

// saveImport saves the corrected minutes; a problem comes back as the
// preview to show.
func (s *Server) saveImport(r *http.Request, c *mb.Committee, p *postgres.PendingImport, doc *minutesimport.Document) (*mb.ImportReport, *previewPage, error) {
	in, err := importer.Convert(doc, importOptions(c, p))
	var rep *mb.ImportReport
	if err == nil {
		in.Skip = importSkip(p)
		rep, err = s.store.ImportMinutes(r.Context(), in, postgres.ImportOptions{})
	}
	if err == nil {
		return rep, nil, nil
	}
	if _, ok := formFailed(err); !ok {
		return nil, nil, err
	}
	page, err := s.importPreview(r, c, p, doc, nil, form.Errors{})
	return nil, page, err
}

func importOptions(c *mb.Committee, p *postgres.PendingImport) importer.Options {
	return importer.Options{Committee: c.Code, Source: p.Filename, Renumber: p.Renumber}
}

func importSkip(p *postgres.PendingImport) mb.ImportSkip {
	var skip mb.ImportSkip
	for _, e := range p.Skip {
		skip.Add(e.Kind, e.Key)
	}
	return skip
}

// importPreview builds the preview: what was read, as corrected so far (or
// as typed, when typed is given), the document's lines, and what saving
// would do, found by a trial import that is rolled back.
func (s *Server) importPreview(r *http.Request, c *mb.Committee, p *postgres.PendingImport, doc *minutesimport.Document, typed map[string]string, errs form.Errors) (*previewPage, error) {
	page := &previewPage{ImportPreviewPage: web.ImportPreviewPage{
		Chrome: s.chrome(r, "Check the imported minutes", "committees"), Committee: c,
		Action: web.ImportPreviewPath(c.Code, p.Token), CancelAction: web.ImportCancelPath(c.Code, p.Token),
		Filename: p.Filename, Expires: p.ExpiresAt, Values: importer.FormValues(doc), Errors: errs,
		CommitteeRead: doc.Meeting.Committee, Renumber: p.Renumber,
	}}
	// A heading or a role that names one of the committee's categories
	// seats the person in it when saved: the preview says so.
	for i, a := range importer.Roll(doc) {
		field, org := importer.PersonField(i, "category"), importer.PersonField(i, "organisation")
		switch {
		case a.Category != "":
		case c.Category(a.Organisation) != "":
			page.Values[field], page.Values[org] = c.Category(a.Organisation), "" // "Large Suppliers" under "Representing"
		case i < len(doc.Attendees):
			page.Values[field] = c.RoleCategory(doc.Attendees[i].Role)
		}
	}
	for k, v := range typed {
		page.Values[k] = v
	}
	in, err := importer.Convert(doc, importOptions(c, p))
	if in != nil {
		page.RefsDiffer = in.RefsDiffer
	}
	if err == nil && len(errs) == 0 {
		in.Skip = importSkip(p)
		var rep *mb.ImportReport
		if rep, err = s.store.ImportMinutes(r.Context(), in, postgres.ImportOptions{DryRun: true}); err == nil {
			page.Outcome = rep.Lines()
			for _, n := range rep.Notes {
				page.Notes = append(page.Notes, web.ImportLine{Line: n.Line, Text: n.Text})
			}
			page.Effects = effects(rep)
		}
	}
	if err != nil {
		var e *mb.Error
		if !errors.As(err, &e) || e.Code == mb.EINTERNAL {
			return nil, err
		}
		// A refusal (approved minutes) is said once, above the form; bad
		// input goes beside the fields to correct.
		switch {
		case e.Code == mb.ECONFLICT && e.Fields["renumber"] != "":
			page.Errors.Merge(err)
			page.conflict = true
		case len(e.Fields) == 0 || e.Code == mb.ECONFLICT:
			page.Problem, page.conflict = e.Message, e.Code == mb.ECONFLICT
		default:
			page.Errors.Merge(err)
		}
	}
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return nil, err
	}
	page.Categories = c.Categories
	for _, o := range orgs {
		page.Organisations = append(page.Organisations, o.Name)
	}
	// Only the committee's words: a document's own words outside them
	// were read as text, and an administrator extends the vocabulary.
	page.DecisionWords = c.DecisionVocabulary
	fillRead(&page.ImportPreviewPage, doc, p.Source)
	return page, nil
}

// effectKinds names the kinds of side effect as the preview lists them.
var effectKinds = map[mb.ImportEffect]string{
	mb.EffectPerson: "New person", mb.EffectOrganisation: "New organisation", mb.EffectMeeting: "New meeting",
	mb.EffectReview: "Risk review", mb.EffectEscalation: "Escalation",
}

// effects lists what the trial import would create and record, and what
// it left out as asked, in the preview's order.
func effects(rep *mb.ImportReport) []web.ImportEffect {
	var out []web.ImportEffect
	for _, kind := range mb.ImportEffects {
		for _, list := range []struct {
			effects []mb.SideEffect
			skipped bool
		}{{rep.Effects, false}, {rep.Skipped, true}} {
			for _, e := range list.effects {
				if e.Kind == kind {
					out = append(out, web.ImportEffect{Kind: effectKinds[kind], Label: e.Label, Value: string(e.Kind) + "|" + e.Key, Skipped: list.skipped})
				}
			}
		}
	}
	return out
}

// fillRead puts what the parser read, and the document's lines, into the page.
func fillRead(page *web.ImportPreviewPage, doc *minutesimport.Document, source string) {
	for i, a := range doc.Attendees {
		page.People = append(page.People, web.ImportPerson{Index: i, Line: a.Line, Role: a.Role})
	}
	for i, a := range doc.Apologies {
		page.People = append(page.People, web.ImportPerson{Index: len(doc.Attendees) + i, Line: a.Line, Role: a.Role})
	}
	for k, it := range doc.Items {
		v := web.ImportItem{Index: k, Line: it.Line}
		for j, d := range it.Decisions {
			row := web.ImportRow{Index: j, Line: d.Line}
			if d.Kind == "" {
				row.Held = d.Word // kept as text: its word is not the committee's
			}
			v.Decisions = append(v.Decisions, row)
		}
		for j, a := range it.Actions {
			v.Actions = append(v.Actions, web.ImportRow{Index: j, Line: a.Line})
		}
		for j, r := range it.Risks {
			v.Risks = append(v.Risks, web.ImportRow{Index: j, Line: r.Line})
		}
		page.Items = append(page.Items, v)
		page.ItemChoices = append(page.ItemChoices, web.Option{Value: "item " + it.Number, Label: "Part of item " + it.Number + ", " + it.Title})
	}
	for r, o := range doc.OutstandingActions {
		page.Outstanding = append(page.Outstanding, web.ImportRow{Index: r, Line: o.Line})
	}
	for n := range doc.NextMeetings {
		page.NextMeetings = append(page.NextMeetings, web.ImportRow{Index: n})
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
