package server

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// csvHeader names the register's CSV columns. Dates are ISO 8601
// (YYYY-MM-DD), which spreadsheets read as dates whatever their locale.
var csvHeader = []string{
	"Reference", "Committee", "Meeting", "Action", "Date Raised", "First Target Date", "Target Date",
	"Owner", "Owner Person", "Status", "Overdue", "Closed On", "Times Revised", "Days Slipped", "URL",
}

// handleActionsCSV serves GET /actions.csv: the register's filtered view
// (every page) as CSV, streamed row by row.
func (s *Server) handleActionsCSV(w http.ResponseWriter, r *http.Request) error {
	v, err := s.registerViewOf(r)
	if err != nil {
		return err
	}
	if len(v.typed.Errors) > 0 {
		return filterError(v.typed.Errors)
	}
	name := "actions-" + v.filter.Today.Format(time.DateOnly) + ".csv"
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	// The byte order mark tells Excel the file is UTF-8, so names such as
	// "Énergie Rhône" come through intact.
	if _, err := w.Write([]byte("\ufeff")); err != nil {
		return nil
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return nil
	}
	base := "http://" + r.Host
	if r.TLS != nil {
		base = "https://" + r.Host
	}
	err = s.store.EachRegisterEntry(r.Context(), v.reader, v.filter, func(e mb.RegisterEntry) error {
		a := e.Action
		return cw.Write([]string{
			a.Reference(), a.CommitteeCode, a.CommitteeCode + " " + strconv.Itoa(a.MeetingNumber), cell(a.Text),
			a.RaisedOn.Format(time.DateOnly), csvDate(a.TargetDate), csvDate(a.CurrentTarget),
			cell(a.OwnerName), cell(a.OwnerPersonName), a.Status.Label(), yesNo(a.Overdue(v.filter.Today)), csvDate(a.ClosedOn),
			strconv.Itoa(e.Slippage.Revisions), strconv.Itoa(e.Slippage.Days), base + web.ActionURL(a),
		})
	})
	cw.Flush()
	if err != nil {
		// The header is gone; all that can be done is log and stop.
		s.log.Error("actions CSV", "err", err)
	}
	return nil
}

func csvDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// cell guards a text cell against formula injection: a spreadsheet runs a
// cell that starts with = + - @ as a formula, so such text gets a leading
// apostrophe, which spreadsheets show as plain text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// filterError reports filters that cannot be read, for the CSV and the API
// (the page shows them beside the filter instead).
func filterError(errs map[string]string) error {
	fields := map[string]string{}
	var msgs []string
	for k, v := range errs {
		fields[k] = v
		msgs = append(msgs, k+": "+v)
	}
	return &mb.Error{Code: mb.EINVALID, Message: "Some filters could not be read: " + strings.Join(msgs, "; "), Fields: fields}
}

// apiAction is an action as the read API gives it.
type apiAction struct {
	Reference     string     `json:"reference"`
	Committee     string     `json:"committee"`
	MeetingNumber int        `json:"meeting_number"`
	Sequence      int        `json:"sequence"`
	Text          string     `json:"text"`
	RaisedOn      string     `json:"raised_on"`
	TargetDate    *string    `json:"target_date"`
	CurrentTarget *string    `json:"current_target_date"`
	Owner         string     `json:"owner"`
	OwnerPerson   string     `json:"owner_person,omitempty"`
	Status        string     `json:"status"`
	Overdue       bool       `json:"overdue"`
	ClosedOn      *string    `json:"closed_on"`
	Revisions     int        `json:"times_revised"`
	DaysSlipped   int        `json:"days_slipped"`
	URL           string     `json:"url"`
	Events        []apiEvent `json:"events,omitempty"`
}

type apiEvent struct {
	Kind           string  `json:"kind"`
	Meeting        string  `json:"meeting,omitempty"`
	MeetingDate    *string `json:"meeting_date,omitempty"`
	PreviousTarget *string `json:"previous_target,omitempty"`
	NewTarget      *string `json:"new_target,omitempty"`
	Note           *string `json:"note"` // null when withheld
	NoteWithheld   bool    `json:"note_withheld,omitempty"`
	RecordedAt     string  `json:"recorded_at"`
}

func apiDate(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func toAPIAction(e mb.RegisterEntry, day time.Time) apiAction {
	a := e.Action
	return apiAction{
		Reference: a.Reference(), Committee: a.CommitteeCode, MeetingNumber: a.MeetingNumber, Sequence: a.Sequence,
		Text: a.Text, RaisedOn: a.RaisedOn.Format(time.DateOnly), TargetDate: apiDate(a.TargetDate), CurrentTarget: apiDate(a.CurrentTarget),
		Owner: a.OwnerName, OwnerPerson: a.OwnerPersonName, Status: string(a.Status), Overdue: a.Overdue(day), ClosedOn: apiDate(a.ClosedOn),
		Revisions: e.Slippage.Revisions, DaysSlipped: e.Slippage.Days, URL: web.ActionURL(a),
	}
}

// handleAPIActions serves GET /api/v1/actions: the register's filtered view
// as JSON, with the same filters and access rules as the page, a page at a
// time (per_page up to 500).
func (s *Server) handleAPIActions(w http.ResponseWriter, r *http.Request) error {
	v, err := s.registerViewOf(r)
	if err != nil {
		return err
	}
	if len(v.typed.Errors) > 0 {
		return filterError(v.typed.Errors)
	}
	perPage := registerPageSize
	if pp := r.URL.Query().Get("per_page"); pp != "" {
		n, err := strconv.Atoi(pp)
		if err != nil || n < 1 || n > 500 {
			return mb.Errorf(mb.EINVALID, "per_page is a whole number from 1 to 500.")
		}
		perPage = n
	}
	totals, err := s.store.RegisterTotals(r.Context(), v.reader, v.filter)
	if err != nil {
		return err
	}
	counts := mb.CountsOf(totals)
	f := v.filter
	f.Limit, f.Offset = perPage, (v.typed.Page-1)*perPage
	out := struct {
		Total   int            `json:"total"`
		Counts  map[string]int `json:"counts"`
		Page    int            `json:"page"`
		PerPage int            `json:"per_page"`
		Actions []apiAction    `json:"actions"`
	}{Total: counts.For(f.Status), Page: v.typed.Page, PerPage: perPage, Actions: []apiAction{},
		Counts: map[string]int{"all": counts.All, "open": counts.Open, "overdue": counts.Overdue, "closed": counts.Closed}}
	err = s.store.EachRegisterEntry(r.Context(), v.reader, f, func(e mb.RegisterEntry) error {
		out.Actions = append(out.Actions, toAPIAction(e, f.Today))
		return nil
	})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// handleAPIAction serves GET /api/v1/actions/{code}/{meeting}/{sequence}:
// one action with its history; notes from minutes the reader may not read
// are withheld.
func (s *Server) handleAPIAction(w http.ResponseWriter, r *http.Request) error {
	a, err := s.actionFromURL(r)
	if err != nil {
		return err
	}
	out := toAPIAction(mb.RegisterEntry{Action: a, Slippage: mb.SlippageOf(a)}, today())
	for _, e := range a.Events {
		ev := apiEvent{Kind: string(e.Kind), MeetingDate: apiDate(e.MeetingDate), PreviousTarget: apiDate(e.PreviousTarget),
			NewTarget: apiDate(e.NewTarget), RecordedAt: e.At.UTC().Format(time.RFC3339)}
		if e.MeetingID != nil {
			ev.Meeting = a.CommitteeCode + " " + strconv.Itoa(e.MeetingNumber)
		}
		if !e.NoteWithheld {
			note := e.Note
			ev.Note = &note
		} else {
			ev.NoteWithheld = true
		}
		out.Events = append(out.Events, ev)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
