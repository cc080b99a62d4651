package scaledemo

import (
	"fmt"
	"time"
)

type meeting struct {
	id          int64
	committee   *committee
	seq         int // index in committee.meetings
	number      int
	kind        string
	date        time.Time
	start, end  int // minutes after midnight
	venue       string
	reference   string
	class       string
	status      string
	held        bool // on or before Today: it has minutes
	firstItem   int  // index of its first item in w.items
	approvedBy  *meeting
	approvalDec int64
}

// weekday returns the nth (from 1) given weekday of the month.
func weekday(year int, month time.Month, nth int, wd time.Weekday) time.Time {
	d := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, 1)
	}
	return d.AddDate(0, 0, 7*(nth-1))
}

// makeMeetings schedules every committee's meetings month by month:
// sub-committees a main meeting and a reporting meeting, parent bodies one
// main meeting; now and then an extraordinary meeting. Meetings after Today
// are scheduled and have no minutes yet.
func (w *world) makeMeetings(r rnd) {
	today := w.opts.Today
	horizon := today.AddDate(0, 0, 45)
	for _, c := range w.committees {
		number := 0
		add := func(kind string, date time.Time, start, end int, venue string) {
			if date.Before(w.start) || date.After(horizon) {
				return
			}
			number++
			m := &meeting{
				id: w.next("meetings"), committee: c, seq: len(c.meetings), number: number, kind: kind, date: date,
				start: start, end: end, venue: venue, held: !date.After(today),
			}
			m.reference = fmt.Sprintf("%s_%d_%s", c.code, number, date.Format("0601"))
			m.class = classify(r, c.parent == nil)
			c.meetings = append(c.meetings, m)
			w.meetings = append(w.meetings, m)
		}
		// Spread the committees over the days of the week.
		mainDay := time.Weekday(1 + c.index%4)
		for month := w.start; !month.After(horizon); month = month.AddDate(0, 1, 0) {
			y, mo := month.Year(), month.Month()
			if c.parent == nil {
				add("main", weekday(y, mo, 3, time.Friday), 10*60, 16*60, pick(r, []string{"London", "London", "Teleconference"}))
				continue
			}
			venue := "Teleconference"
			if r.chance(0.3) {
				venue = pick(r, []string{"London", "London", "Birmingham", "Manchester"})
			}
			add("main", weekday(y, mo, 2, mainDay), 10*60+pick(r, []int{0, 0, 30, 140}), 15*60+30, venue)
			if r.chance(0.02) {
				add("extraordinary", weekday(y, mo, 3, mainDay), 14*60, 15*60, "Teleconference")
			}
			add("reporting", weekday(y, mo, 4, time.Monday+time.Weekday(c.index%3)), 13*60, 15*60, "Teleconference")
		}
		w.setStatuses(r, c)
	}
}

// classify draws a document's classification: most minutes are CLEAR or
// GREEN; parent bodies discuss more AMBER business.
func classify(r rnd, parentBody bool) string {
	x := r.Float64()
	if parentBody {
		x -= 0.15
	}
	switch {
	case x < 0.05:
		return "RED"
	case x < 0.30:
		return "AMBER"
	case x < 0.55:
		return "GREEN"
	}
	return "CLEAR"
}

// setStatuses gives the minutes their lifecycle: a meeting's minutes are
// approved at the next meeting, and most approved minutes are published;
// the latest meeting's are still a draft or circulated for comment.
func (w *world) setStatuses(r rnd, c *committee) {
	last := -1
	for i, m := range c.meetings {
		if m.held {
			last = i
		}
	}
	for i, m := range c.meetings {
		switch {
		case !m.held:
			m.status = "draft"
		case i == last:
			// The latest minutes are being written or out for comment. The
			// OPSG's are a draft and the Panel's circulated, always, so that
			// tests and the benchmark find both.
			m.status = pick(r, []string{"draft", "circulated", "circulated"})
			switch c.code {
			case "OPSG":
				m.status = "draft"
			case "PANEL":
				m.status = "circulated"
			}
		case i == last-1:
			m.status = "approved"
			m.approvedBy = c.meetings[i+1]
		default:
			m.status = "published"
			if r.chance(0.08) || m.class == "RED" {
				m.status = "approved"
			}
			m.approvedBy = c.meetings[i+1]
		}
	}
}
