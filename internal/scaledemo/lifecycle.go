package scaledemo

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// The minutes lifecycle (migration 0005): which meeting approved each set
// of minutes and by which decision, members' comments on circulated drafts,
// and the immutable version stored at each transition.

// versionedMeetings is how many of each committee's latest held meetings
// get their stored versions. Older minutes are loaded as history imported
// without versions: a version holds the whole document, and fifteen years
// of them (some 40,000 documents) would take longer to write than
// everything else together.
const versionedMeetings = 12

var commentBodies = []string{
	"Please add that the DCC agreed to share the report with the {short}.",
	"The second paragraph should say that CSP North achieved Minimum Service Level, not Target Service Level.",
	"Could the minute record that the {code} asked for the trend over twelve months?",
	"Our organisation's name is misspelt in the attendance list.",
	"The action should name the DCC as owner, not SECAS.",
	"Please record that {party} disagreed with the proposed severity.",
}

// loadLifecycle links approved minutes to the meeting and decision that
// approved them, and adds comments on circulated and recently approved
// drafts, each with its item's access facts (items) when the schema has
// them. It runs inside the load's transaction, before the load's
// corrections close.
func (l *loader) loadLifecycle(ctx context.Context, items map[int64]mb.Access) error {
	w := l.w
	var ids, by, decisions []int64
	for _, m := range w.meetings {
		if m.approvedBy != nil && m.approvalDec != 0 {
			ids, by, decisions = append(ids, m.id), append(by, m.approvedBy.id), append(decisions, m.approvalDec)
		}
	}
	start := time.Now()
	if err := l.b.SetApprovals(ctx, ids, by, decisions); err != nil {
		return err
	}
	l.p.logf("  %-22s %9d set     %6.1fs", "approvals", len(ids), time.Since(start).Seconds())

	type comment struct {
		meeting  *meeting
		itemID   int64
		author   *person
		body     string
		resolved bool
	}
	var comments []comment
	r := newRnd(w.opts.Seed, 8)
	for _, c := range w.committees {
		mw := &minuteWriter{r: r}
		for _, m := range c.meetings {
			if m.status != "circulated" && !(m.status == "approved" && m.held) {
				continue
			}
			var readers []*person
			for _, s := range c.seats {
				for _, t := range s.tenures {
					if s.role != "secretariat" && t.holds(m.date) && t.person.userID != 0 {
						readers = append(readers, t.person)
					}
				}
			}
			items := w.items[m.firstItem:]
			if len(readers) == 0 || len(items) == 0 {
				continue
			}
			mw.c = c.textCtx(m.date)
			for n := r.IntN(4); n > 0; n-- {
				comments = append(comments, comment{meeting: m, itemID: pick(r, items).id, author: pick(r, readers),
					body: mw.sentence(pick(r, commentBodies)), resolved: m.status != "circulated"})
			}
		}
	}
	cols := l.withFacts([]string{"meeting_id", "item_id", "author_id", "body", "created_at", "resolved_at", "resolved_by", "resolution"})
	return l.copy(ctx, "minutes_comments", cols,
		len(comments), func(i int, v []any) []any {
			c := comments[i]
			created := c.meeting.date.AddDate(0, 0, 8+i%5)
			var resolvedAt, resolvedBy any
			resolution := ""
			if c.resolved {
				if s := w.secretaryAt(c.meeting); s != nil {
					resolvedAt, resolvedBy, resolution = created.AddDate(0, 0, 2), s.userID, "Agreed and the minute amended."
				}
			}
			v = append(v, c.meeting.id, c.itemID, c.author.userID, c.body, created, resolvedAt, resolvedBy, resolution)
			return l.facts(v, items[c.itemID], c.meeting.date)
		})
}

// version is one stored version of a meeting's minutes.
type version struct {
	meeting *meeting
	number  int
	kind    mb.VersionKind
	status  mb.MinutesStatus
	at      time.Time
}

// versions lists the transitions of the latest minutes of each committee.
func (w *world) versions() []version {
	var out []version
	for _, c := range w.committees {
		var held []*meeting
		for _, m := range c.meetings {
			if m.held && m.status != "draft" {
				held = append(held, m)
			}
		}
		if len(held) > versionedMeetings {
			held = held[len(held)-versionedMeetings:]
		}
		for _, m := range held {
			circulated := m.date.AddDate(0, 0, 7).Add(10 * time.Hour)
			out = append(out, version{m, 1, mb.VersionCirculated, mb.Circulated, circulated})
			if m.status == "circulated" || m.approvedBy == nil {
				continue
			}
			approved := m.approvedBy.date.Add(time.Duration(m.approvedBy.end) * time.Minute)
			out = append(out, version{m, 2, mb.VersionApproved, mb.Approved, approved})
			if m.status == "published" {
				out = append(out, version{m, 3, mb.VersionPublished, mb.Published, approved.AddDate(0, 0, 3)})
			}
		}
	}
	return out
}

// loadVersions stores the versions of the latest minutes, each the whole
// document as the store reads it, in a second transaction once the content
// is committed (the store reads through its pool, not the load's
// transaction). Versions come meeting by meeting, so each document is read
// once and its status set for each version.
func loadVersions(ctx context.Context, store *postgres.Store, w *world, p *progress) (int64, error) {
	list := w.versions()
	var doc *mb.Minutes
	var docOf int64
	src := &source{n: len(list), v: make([]any, 0, 9), p: p, table: "minutes_versions"}
	src.row = func(i int, v []any) []any {
		ver := list[i]
		if ver.meeting.id != docOf {
			d, err := store.Minutes(ctx, ver.meeting.id)
			if err != nil {
				src.err = err
				return v
			}
			doc, docOf = d, ver.meeting.id
		}
		doc.Meeting.Status = ver.status
		body, err := json.Marshal(doc)
		if err != nil {
			src.err = err
			return v
		}
		actorID, actorName := any(nil), "system"
		if s := w.secretaryAt(ver.meeting); s != nil {
			actorID, actorName = s.userID, s.name
		}
		return append(v, ver.meeting.id, ver.number, string(ver.kind), string(ver.status), "", body, actorID, actorName, ver.at)
	}
	var n int64
	start := time.Now()
	err := store.BulkLoad(ctx, func(ctx context.Context, b *postgres.Bulk) error {
		var err error
		n, err = b.Copy(ctx, "minutes_versions", []string{"meeting_id", "number", "kind", "status", "reason", "snapshot", "actor_id", "actor_name", "at"}, src)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("scaledemo: minutes versions: %w", err)
	}
	p.logf("  %-22s %9d rows  %6.1fs", "minutes_versions", n, time.Since(start).Seconds())
	return n, nil
}
