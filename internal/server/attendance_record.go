package server

import (
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// attendanceRecord is the committee page's attendance record over the
// period in ?from= and ?to= (the year to today by default), counted over
// the held meetings among readable, those whose minutes the reader may
// open: what it shows of anyone's attendance, the reader could read in
// those minutes.
func (s *Server) attendanceRecord(r *http.Request, c *mb.Committee, readable []*mb.Meeting) (*web.AttendanceRecordView, error) {
	today := s.clock.Today()
	v := &web.AttendanceRecordView{Code: c.Code, Period: mb.DefaultAttendancePeriod(today), From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to")}
	from, errFrom := queryDay(v.From)
	to, errTo := queryDay(v.To)
	switch {
	case errFrom != nil || errTo != nil:
		v.Error = "Enter the period's days as dates, such as 2023-01-01; the year to today is shown instead."
	case from != nil && to != nil && to.Before(*from):
		v.Error = "The period ends before it starts; the year to today is shown instead."
	default:
		if from != nil {
			v.Period.From = *from
		}
		if to != nil {
			v.Period.To = *to
		}
		if from != nil && to == nil && from.After(v.Period.To) {
			v.Period.To = *from
		}
		if to != nil && from == nil {
			v.Period.From = to.AddDate(-1, 0, 1)
		}
	}
	var ids []int64
	for _, m := range readable {
		if !m.Date.After(today) && !m.Date.Before(v.Period.From) && !m.Date.After(v.Period.To) {
			ids = append(ids, m.ID)
		}
	}
	var err error
	if v.Members, err = s.store.AttendanceRecord(r.Context(), c.ID, ids, v.Period); err != nil {
		return nil, err
	}
	v.Chart = web.NewAttendanceChart(v.Members)
	return v, nil
}

// queryDay reads a YYYY-MM-DD day from a query; "" is none.
func queryDay(s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, err
	}
	return &d, nil
}
