package scaledemo

import (
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// The reading rule's facts (migration 0011) go into the COPY with each row,
// worked out here by the domain's own rules (mb.Meeting.Access, Within) from
// what the generator knows: the database's triggers check every COPY
// against their definition and write only the rows that differ, so facts
// given right cost one read instead of a second write of 1.3 million rows.
// The meetings carry their final status from the start for the same reason
// (see loader.load).

// accessColumns are the facts' columns, appended to a table's own.
var accessColumns = []string{"access_committee", "access_meeting", "access_stage", "access_level"}

// loadCorrection is the reason of the correction every approved and
// published meeting has open while its content goes in: approved minutes
// refuse new content otherwise. The load closes them before it commits.
const loadCorrection = "Loading the generated history."

// meetingAccess is what the rule needs of the meeting's minutes, at their final status.
func meetingAccess(m *meeting) mb.Access {
	level, _ := mb.ParseClassification(m.class)
	return mb.Access{CommitteeID: m.committee.id, MeetingID: m.id, Stage: mb.MinutesStatus(m.status), Level: level}
}

// itemAccess works out every item's facts: its document's, within its
// parent's level and its own.
func (w *world) itemAccess() map[int64]mb.Access {
	out := make(map[int64]mb.Access, len(w.items))
	// Items before their sub-items.
	for _, top := range []bool{true, false} {
		for _, it := range w.items {
			if (it.parentID == 0) != top {
				continue
			}
			a := meetingAccess(it.meeting)
			if !top {
				a = out[it.parentID]
			}
			level, _ := mb.ParseClassification(it.class)
			out[it.id] = a.Within(level)
		}
	}
	return out
}

// withFacts appends the facts' columns to a table's own, as far as the
// schema has them: the rule's (migration 0011) and the record's date (0037).
func (l *loader) withFacts(cols []string) []string {
	if l.access {
		cols = append(cols, accessColumns...)
	}
	if l.dates {
		cols = append(cols, "record_date")
	}
	return cols
}

// facts appends the values of withFacts's columns: the record's date is
// its meeting's (an action's raising, which is its meeting's here).
func (l *loader) facts(v []any, a mb.Access, date time.Time) []any {
	if l.access {
		v = accessValues(v, a)
	}
	if l.dates {
		v = append(v, date)
	}
	return v
}

// accessValues are the facts as the columns hold them.
func accessValues(v []any, a mb.Access) []any {
	var meeting any
	if a.MeetingID != 0 {
		meeting = a.MeetingID
	}
	return append(v, a.CommitteeID, meeting, string(a.Stage), postgres.AccessLevel(a))
}

// slippage is an action's revisions and its first revised target, which
// the register keeps on the action (migration 0012).
type slippage struct {
	revisions int
	first     time.Time
	firstAt   time.Time
	firstID   int64
}

// slipColumns are the slippage's columns, when the schema has them.
func slipColumns(present bool) []string {
	if !present {
		return nil
	}
	return []string{"revisions", "first_revised_target", "committee_code"}
}

// slippage counts every action's revisions and finds its first revised
// target (the earliest revision, by when it was recorded).
func (w *world) slippage() map[int64]slippage {
	out := map[int64]slippage{}
	for _, e := range w.events {
		if e.kind != "revised" {
			continue
		}
		at := eventAt(e)
		s := out[e.actionID]
		if s.revisions == 0 || at.Before(s.firstAt) || (at.Equal(s.firstAt) && e.id < s.firstID) {
			s.first, s.firstAt, s.firstID = e.next, at, e.id
		}
		s.revisions++
		out[e.actionID] = s
	}
	return out
}

// eventAt is when an event was recorded: at the end of its meeting.
func eventAt(e *actionEvent) time.Time {
	return e.meeting.date.Add(time.Duration(e.meeting.end) * time.Minute)
}
