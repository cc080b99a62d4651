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
	a, sc, err := s.readableAction(r)
	if err != nil {
		return err
	}
	return s.renderActionPage(w, r, http.StatusOK, a, sc, nil, nil)
}

// renderActionPage shows the action; change and reopen carry a form sent
// back with its messages.
func (s *Server) renderActionPage(w http.ResponseWriter, r *http.Request, status int, a *mb.Action, sc mb.ActionScope, change, reopen *form.ActionChange) error {
	ctx := r.Context()
	p := web.ActionPage{Chrome: s.chrome(r, a.Reference(), "actions"), Action: a, Slippage: mb.SlippageOf(a), Overdue: a.Overdue(s.clock.Today()),
		CanChange: reader(r).CanEditMeeting(a.CommitteeID), Change: change, Reopen: reopen}
	if p.Change == nil {
		p.Change = &form.ActionChange{Errors: form.Errors{}}
	}
	if p.Reopen == nil {
		p.Reopen = &form.ActionChange{Errors: form.Errors{}}
	}
	meetings, err := s.store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &a.CommitteeID})
	if err != nil {
		return err
	}
	byID := map[int64]*mb.Meeting{}
	for _, m := range meetings {
		byID[m.ID] = m
		if p.CanChange && m.Number > a.MeetingNumber && (m.Status == mb.Draft || m.Status == mb.Circulated) {
			p.Meetings = append(p.Meetings, web.Option{Value: strconv.FormatInt(m.ID, 10), Label: m.ShortName() + " – " + m.DateLabel()})
		}
	}
	readable := func(id *int64) *mb.Meeting {
		if id == nil || !sc.ReadsMeeting(*id) {
			return nil
		}
		return byID[*id]
	}
	p.RaisedMeeting, p.ClosedMeeting = readable(a.RaisedMeetingID), readable(a.ClosedMeetingID)
	for _, e := range a.Events {
		row := web.EventRow{Event: e, NoteHidden: !sc.SeesNote(e, a.CommitteeID)}
		if e.MeetingID != nil {
			row.MeetingName = a.CommitteeCode + " " + strconv.Itoa(e.MeetingNumber)
			if m := readable(e.MeetingID); m != nil {
				row.MeetingURL = web.MeetingPath(m.CommitteeCode, m.Number)
			}
		}
		if row.NoteHidden {
			row.Event.Note = ""
		}
		p.Events = append(p.Events, row)
	}
	s.render(w, r, status, web.ActionShow(p))
	return nil
}
