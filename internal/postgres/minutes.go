package postgres

import (
	"context"
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Minutes returns a meeting's whole document: header, roll call, items with
// decisions and actions, the actions outstanding table derived from the
// register, and the next meetings.
func (s *Store) Minutes(ctx context.Context, meetingID int64) (*mb.Minutes, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	return s.MinutesOf(ctx, m)
}

// MinutesOf is Minutes for a meeting the caller has already read (a page
// that checked who may open it), so that the meeting is not read again.
func (s *Store) MinutesOf(ctx context.Context, m *mb.Meeting) (*mb.Minutes, error) {
	meetingID := m.ID
	doc := &mb.Minutes{Meeting: m}
	c, seats, err := committeeOn(ctx, s.pool, m.CommitteeID, m.Date)
	if err != nil {
		return nil, fmt.Errorf("postgres: committee of %d: %w", m.ID, err)
	}
	doc.Committee, doc.Categories, doc.Quorum = c, c.Categories, c.Rules.Quorum
	if doc.Quorum.Set() {
		doc.Seats = seats
	}
	if doc.Attendance, err = s.Attendance(ctx, meetingID); err != nil {
		return nil, err
	}
	if doc.Items, err = s.Items(ctx, meetingID); err != nil {
		return nil, err
	}
	if doc.Outstanding, err = s.outstandingAt(ctx, m); err != nil {
		return nil, err
	}
	if doc.NextMeetings, err = s.NextMeetings(ctx, m); err != nil {
		return nil, err
	}
	if m.Status == mb.Approved || m.Status == mb.Published {
		if doc.Signature, err = s.Signature(ctx, m.ID); err != nil {
			return nil, err
		}
	}
	if m.ApprovedMeetingID != nil {
		by, err := s.Meeting(ctx, *m.ApprovedMeetingID)
		if err != nil {
			return nil, err
		}
		doc.ApprovedBy = by.ShortName()
	}
	return doc, nil
}

// NextMeetings derives the dates the minutes end with from the committee's
// schedule: the first main and the first reporting meeting after this one.
// Deriving them, rather than typing them into each document, keeps them
// right when the schedule moves, and a snapshot keeps what a version said.
func (s *Store) NextMeetings(ctx context.Context, m *mb.Meeting) ([]mb.NextMeeting, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT DISTINCT ON (kind) kind, number, date FROM meetings
		WHERE committee_id = $1 AND kind IN ('main', 'reporting') AND (date, number) > ($2, $3)
		ORDER BY kind, date, number`, m.CommitteeID, m.Date, m.Number)
	if err != nil {
		return nil, fmt.Errorf("postgres: next meetings after %d: %w", m.ID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.NextMeeting, error) {
		var n mb.NextMeeting
		var kind string
		err := r.Scan(&kind, &n.Number, &n.Date)
		n.Kind = mb.MeetingKind(kind)
		return n, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: next meetings after %d: %w", m.ID, err)
	}
	// The document lists them soonest first.
	sort.SliceStable(list, func(i, j int) bool { return list[i].Date.Before(list[j].Date) })
	return list, nil
}

// ActionLevels returns, by action id, the classification an action inherits
// from where it was raised: the most restrictive of its meeting's, its
// item's and that item's parent's. Actions raised outside minutebook have
// none. Pages use it to keep actions of protected items out of tables
// shown to readers below that level.
func (s *Store) ActionLevels(ctx context.Context, actionIDs []int64) (map[int64]RaisedLevel, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT a.id, a.raised_meeting_id, coalesce(m.classification, ''), coalesce(i.classification, ''), coalesce(p.classification, '')
		FROM actions a
		LEFT JOIN meetings m ON m.id = a.raised_meeting_id
		LEFT JOIN agenda_items i ON i.id = a.item_id
		LEFT JOIN agenda_items p ON p.id = i.parent_id
		WHERE a.id = ANY($1)`, actionIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: action levels: %w", err)
	}
	defer rows.Close()
	out := map[int64]RaisedLevel{}
	for rows.Next() {
		var id int64
		var lv RaisedLevel
		var levels [3]string
		if err := rows.Scan(&id, &lv.MeetingID, &levels[0], &levels[1], &levels[2]); err != nil {
			return nil, fmt.Errorf("postgres: action levels: %w", err)
		}
		for _, l := range levels {
			if c, err := mb.ParseClassification(l); err == nil && c > lv.Level {
				lv.Level = c
			}
		}
		out[id] = lv
	}
	return out, rows.Err()
}

// RaisedLevel is the classification an action inherits and the meeting
// that raised it (for RED, whose readers are those recorded there).
type RaisedLevel struct {
	MeetingID *int64
	Level     mb.Classification
}
