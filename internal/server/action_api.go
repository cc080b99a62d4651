package server

import (
	"net/http"
	"strconv"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

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
		Revisions: e.Slippage.Revisions, DaysSlipped: e.Slippage.Days, URL: web.ActionPath(a.CommitteeCode, a.MeetingNumber, a.Sequence),
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
	totals, err := s.totalsFor(r, v)
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
	a, err := s.readableAction(r)
	if err != nil {
		return err
	}
	out := toAPIAction(mb.RegisterEntry{Action: a, Slippage: mb.SlippageOf(a)}, s.clock.Today())
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
