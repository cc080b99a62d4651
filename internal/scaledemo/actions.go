package scaledemo

import (
	"sort"
	"time"
)

// actionLives plays out what later meetings of the committee do with each
// action: most are closed at a meeting soon after their target date, some
// after a revised target date or two, a few slip again and again, and the
// chronic ones stay open months past a target revised three times or more.
// Recent actions are still open because their meetings have not come yet.
func (w *world) actionLives(r rnd, c *committee, actions []*action) {
	lastHeld := -1
	for i, m := range c.meetings {
		if m.held {
			lastHeld = i
		}
	}
	recent := w.opts.Today.AddDate(-3, 0, 0)
	mw := &minuteWriter{r: r}
	for _, a := range actions {
		mw.c = c.textCtx(a.meeting.date)
		fate := r.Float64()
		chronic := fate < 0.05 && a.meeting.date.After(recent)
		revisions := 0
		switch {
		case chronic:
			revisions = r.between(3, 6)
		case fate < 0.15:
			revisions = r.between(2, 4)
		case r.chance(0.3):
			revisions = 1
		}
		j := a.meeting.seq + 1
		for made := 0; made < revisions; made++ {
			k := w.meetingFrom(c, j, a.current.AddDate(0, 0, -7))
			if k < 0 || k > lastHeld {
				break
			}
			m := c.meetings[k]
			next := m.date.AddDate(0, 0, pick(r, []int{28, 42, 56, 84, 120}))
			w.event(a, m, "revised", a.current, next, mw.sentence(pick(r, revisionNotes)))
			a.current = next
			j = k + 1
		}
		if r.chance(0.15) && j <= lastHeld {
			m := c.meetings[j+r.IntN(min(3, lastHeld-j+1))]
			w.event(a, m, "update", time.Time{}, time.Time{}, pick(r, updateNotes))
			j = m.seq + 1
		}
		if chronic {
			continue
		}
		k := w.meetingFrom(c, j, a.current.AddDate(0, 0, -14))
		if k >= 0 {
			k += r.IntN(3)
		}
		if k < 0 || k > lastHeld {
			continue
		}
		w.close(a, c.meetings[k], mw.sentence(pick(r, closureNotes)))
		// Now and then a closed action is reopened at a later meeting, and
		// mostly closed again after that.
		if r.chance(0.01) && k+1 <= lastHeld {
			ro := c.meetings[k+1+r.IntN(min(4, lastHeld-k))]
			w.event(a, ro, "reopened", time.Time{}, time.Time{}, "Reopened: the members asked for the work to be completed.")
			a.closedAt = nil
			if k2 := ro.seq + 1 + r.IntN(3); k2 <= lastHeld {
				w.close(a, c.meetings[k2], "Closed after the work was completed.")
			}
		}
	}
}

// meetingFrom returns the index of the committee's first meeting from
// index j on that is on or after day, or -1.
func (w *world) meetingFrom(c *committee, j int, day time.Time) int {
	if j >= len(c.meetings) {
		return -1
	}
	rest := c.meetings[j:]
	k := sort.Search(len(rest), func(i int) bool { return !rest[i].date.Before(day) })
	if k == len(rest) {
		return -1
	}
	return j + k
}

func (w *world) close(a *action, m *meeting, note string) {
	w.event(a, m, "closed", time.Time{}, time.Time{}, note)
	a.closedAt = m
}

func (w *world) event(a *action, m *meeting, kind string, prev, next time.Time, note string) {
	w.events = append(w.events, &actionEvent{
		id: w.next("action_events"), actionID: a.id, meeting: m, kind: kind, prev: prev, next: next, note: note,
		actor: w.secretaryAt(m),
	})
	w.eventCount++
}

// secretaryAt returns a member of the committee's secretariat on the day of
// the meeting who has an account, to be the recorded actor, or nil.
func (w *world) secretaryAt(m *meeting) *person {
	for _, s := range m.committee.seats {
		if s.role != "secretariat" {
			continue
		}
		for _, t := range s.tenures {
			if t.holds(m.date) && t.person.userID != 0 {
				return t.person
			}
		}
	}
	return nil
}
