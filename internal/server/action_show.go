package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleActionShow serves GET /actions/{code}/{meeting}/{sequence}.
func (s *Server) handleActionShow(w http.ResponseWriter, r *http.Request) error {
	a, err := s.readableAction(r)
	if err != nil {
		return err
	}
	return s.renderActionPage(w, r, http.StatusOK, a, nil, nil)
}

// renderActionPage shows the action; change and reopen carry a form sent
// back with its messages.
func (s *Server) renderActionPage(w http.ResponseWriter, r *http.Request, status int, a *mb.Action, change, reopen *form.ActionChange) error {
	ctx := r.Context()
	p := web.ActionPage{Chrome: s.chrome(r, a.Reference(), "actions"), Action: a, Slippage: mb.SlippageOf(a), Overdue: a.Overdue(s.clock.Today()),
		CanChange: reader(r).CanEditMeeting(a.CommitteeID), Change: change, Reopen: reopen}
	if p.Change == nil {
		p.Change = &form.ActionChange{Errors: form.Errors{}}
	}
	if p.Reopen == nil {
		p.Reopen = &form.ActionChange{Errors: form.Errors{}}
	}
	if p.CanChange {
		// The meetings a change may be recorded at: later ones still open.
		open, err := s.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &a.CommitteeID, Statuses: []mb.MinutesStatus{mb.Draft, mb.Circulated}})
		if err != nil {
			return err
		}
		for _, m := range open {
			if m.Number > a.MeetingNumber {
				p.Meetings = append(p.Meetings, web.Option{Value: strconv.FormatInt(m.ID, 10), Label: m.ShortName() + " – " + m.DateLabel()})
			}
		}
	}
	// The meetings the action names link to their minutes when the reader
	// may open them.
	var ids []int64
	for _, id := range []*int64{a.RaisedMeetingID, a.ClosedMeetingID} {
		if id != nil {
			ids = append(ids, *id)
		}
	}
	for _, e := range a.Events {
		if e.MeetingID != nil {
			ids = append(ids, *e.MeetingID)
		}
	}
	readable := map[int64]*mb.Meeting{}
	if len(ids) > 0 {
		list, err := s.store.Meetings(ctx, mb.MeetingFilter{IDs: ids, Reader: reader(r)})
		if err != nil {
			return err
		}
		for _, m := range list {
			readable[m.ID] = m
		}
	}
	of := func(id *int64) *mb.Meeting {
		if id == nil {
			return nil
		}
		return readable[*id]
	}
	p.RaisedMeeting, p.ClosedMeeting = of(a.RaisedMeetingID), of(a.ClosedMeetingID)
	for _, e := range a.Events {
		row := web.EventRow{Event: e, NoteHidden: e.NoteWithheld}
		if e.MeetingID != nil {
			row.MeetingName = a.CommitteeCode + " " + strconv.Itoa(e.MeetingNumber)
			if m := of(e.MeetingID); m != nil {
				row.MeetingURL = web.MeetingPath(m.CommitteeCode, m.Number)
			}
		}
		p.Events = append(p.Events, row)
	}
	s.render(w, r, status, web.ActionShow(p))
	return nil
}
