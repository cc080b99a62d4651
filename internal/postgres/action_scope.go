package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ActionScope is the reader's part of the register. The register's queries
// decide it in SQL from who the reader is (see registerQuery.scope), so it
// reads nothing; Sees and its kin need ActionScopeFor.
func (s *Store) ActionScope(ctx context.Context, rd *mb.Reader) (mb.ActionScope, error) {
	return rd.ActionScope(nil, nil, nil), nil
}

// ActionScopeFor is the reader's scope with the decisions for one action:
// the meetings it was raised, closed and updated at, and the item it was
// raised in, read by id, so that Sees, SeesNote and ReadsMeeting answer
// for it as the register's queries do.
func (s *Store) ActionScopeFor(ctx context.Context, rd *mb.Reader, a *mb.Action) (mb.ActionScope, error) {
	if rd.Admin() {
		return rd.ActionScope(nil, nil, nil), nil
	}
	ids := []int64{}
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
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = ANY($1)`, ids)
	if err != nil {
		return mb.ActionScope{}, fmt.Errorf("postgres: action scope: %w", err)
	}
	meetings, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Meeting, error) { return scanMeeting(r) })
	if err != nil {
		return mb.ActionScope{}, fmt.Errorf("postgres: action scope: %w", err)
	}
	var items []mb.ItemLevel
	if a.ItemID != nil {
		// A sub-item is as protected as its item, whichever is stricter.
		var it mb.ItemLevel
		var own, parent string
		err := s.pool.QueryRow(ctx, `
			SELECT i.id, i.meeting_id, m.committee_id, coalesce(i.classification, ''), coalesce(p.classification, '')
			FROM agenda_items i
			JOIN meetings m ON m.id = i.meeting_id
			LEFT JOIN agenda_items p ON p.id = i.parent_id
			WHERE i.id = $1`, *a.ItemID).Scan(&it.ID, &it.MeetingID, &it.CommitteeID, &own, &parent)
		if err != nil {
			return mb.ActionScope{}, fmt.Errorf("postgres: action scope: %w", err)
		}
		for _, c := range []string{own, parent} {
			if l, err := mb.ParseClassification(c); err == nil && l > it.Classification {
				it.Classification = l
			}
		}
		items = append(items, it)
		ids = append(ids, it.MeetingID)
	}
	recorded := map[int64]bool{}
	if rd.SignedIn() {
		rows, err := s.pool.Query(ctx, `SELECT meeting_id FROM attendance
			WHERE person_id = $1 AND meeting_id = ANY($2) AND status IN ('present', 'part')`, rd.User.PersonID, ids)
		if err != nil {
			return mb.ActionScope{}, fmt.Errorf("postgres: action scope: %w", err)
		}
		met, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return mb.ActionScope{}, fmt.Errorf("postgres: action scope: %w", err)
		}
		for _, id := range met {
			recorded[id] = true
		}
	}
	return rd.ActionScope(meetings, recorded, items), nil
}

// levelSQL ranks a classification column as mb.Classification does.
func levelSQL(col string) string {
	return `CASE ` + col + ` WHEN 'CLEAR' THEN 1 WHEN 'GREEN' THEN 2 WHEN 'AMBER' THEN 3 WHEN 'RED' THEN 4 END`
}

// scope is the SQL form of ActionScope.Sees for the action a: Reader.
// CanReadMinutes of the raising meeting and Reader.CanRead of the item,
// decided against the meetings and items in the same statement from the
// reader's committees and person, so that the planner can use its indexes
// and no list of every readable meeting travels with the query.
func (q *registerQuery) scope(sc mb.ActionScope) string {
	sec, mem := q.arg(nonNil(sc.Secretariat)), q.arg(nonNil(sc.HistoryCommittees))
	signed, person := q.arg(sc.SignedIn), q.arg(sc.PersonID)
	recorded := func(meeting string) string {
		return `EXISTS (SELECT 1 FROM attendance at WHERE at.person_id = ` + person + ` AND at.meeting_id = ` + meeting +
			` AND at.status IN ('present', 'part'))`
	}
	// Reader.CanRead(level, committee, recorded).
	canRead := func(level, committee, meeting string) string {
		return `CASE ` + level + ` WHEN 1 THEN true WHEN 2 THEN ` + signed +
			` WHEN 3 THEN ` + committee + ` = ANY(` + mem + `)` +
			` WHEN 4 THEN ` + committee + ` = ANY(` + sec + `) OR (` + signed + ` AND ` + recorded(meeting) + `) ELSE false END`
	}
	// Reader.CanReadMinutes(m): the secretariat reads everything; drafts
	// are for it alone; circulated and approved minutes for the members.
	readable := `m.committee_id = ANY(` + sec + `) OR ((m.minutes_status = 'published'
		OR (m.minutes_status IN ('circulated', 'approved') AND m.committee_id = ANY(` + mem + `)))
		AND ` + canRead(levelSQL("m.classification"), "m.committee_id", "m.id") + `)`
	// Items classified on their own or beneath a classified item, at a
	// level the reader may not read; an unclassified item hides nothing.
	level := `greatest(` + levelSQL("x.own") + `, ` + levelSQL("x.parent") + `)`
	hidden := `SELECT x.id FROM (
			SELECT i.id, i.meeting_id, i.classification AS own, p.classification AS parent
			FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id AND p.classification IS NOT NULL
			WHERE i.classification IS NOT NULL
			UNION ALL
			SELECT i.id, i.meeting_id, NULL, p.classification
			FROM agenda_items p JOIN agenda_items i ON i.parent_id = p.id
			WHERE p.classification IS NOT NULL AND i.classification IS NULL
		) x JOIN meetings im ON im.id = x.meeting_id
		WHERE NOT (` + canRead(level, "im.committee_id", "im.id") + `)`
	return strings.Join([]string{
		`((a.raised_meeting_id IN (SELECT m.id FROM meetings m WHERE `, readable, `)`,
		` AND (a.item_id IS NULL OR a.item_id NOT IN (`, hidden, `)))`,
		` OR (a.raised_meeting_id IS NULL AND a.committee_id = ANY(`, mem, `)))`,
	}, "")
}
