package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// PlannedMeeting is a coming meeting of the forward plan with the items
// planned for it.
type PlannedMeeting struct {
	Meeting *mb.Meeting
	Agenda  *mb.Agenda
}

// coming is the condition on meeting m of being a coming meeting on the
// day given as $2: from that day on, or not yet minuted (its minutes still
// a draft) and after the last meeting whose minutes have gone out, so that
// a meeting just held stays with what members prepare for until its
// minutes are circulated, and a draft from long ago (an import) does not.
const coming = `(m.date >= $2 OR (m.minutes_status = 'draft' AND m.date > coalesce(
	(SELECT max(x.date) FROM meetings x WHERE x.committee_id = m.committee_id AND x.minutes_status <> 'draft'), '-infinity'::date)))`

// ForwardPlan returns the committee's coming meetings on the day given,
// the soonest first (at most limit), each with its agenda's state and items.
func (s *Store) ForwardPlan(ctx context.Context, committeeID int64, today time.Time, limit int) ([]PlannedMeeting, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+`, coalesce(a.status, 'draft'), a.published_at, coalesce(a.revision, 0)`+meetingFrom+`
		LEFT JOIN agendas a ON a.meeting_id = m.id
		WHERE m.committee_id = $1 AND `+coming+` ORDER BY m.date, m.number LIMIT $3`, committeeID, today, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: forward plan: %w", err)
	}
	plan, err := pgx.CollectRows(rows, scanMeetingWithAgenda)
	if err != nil {
		return nil, fmt.Errorf("postgres: forward plan: %w", err)
	}
	ids := make([]int64, len(plan))
	for i, p := range plan {
		ids[i] = p.Meeting.ID
	}
	items, err := s.agendaItems(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, p := range plan {
		p.Agenda.Items = items[p.Meeting.ID]
	}
	return plan, nil
}

func scanMeetingWithAgenda(r pgx.CollectableRow) (PlannedMeeting, error) {
	a := &mb.Agenda{}
	var status string
	m, err := scanMeeting(r, &status, &a.PublishedAt, &a.Revision)
	if err != nil {
		return PlannedMeeting{}, err
	}
	a.Status, a.Meeting = mb.AgendaStatus(status), m
	return PlannedMeeting{Meeting: m, Agenda: a}, nil
}

// ComingAgendas returns the coming meetings (as ForwardPlan's) of the
// committees whose agenda is published and the reader may read (the reading
// rule over the agenda's facts), the soonest first, at most limit.
func (s *Store) ComingAgendas(ctx context.Context, rd *mb.Reader, committeeIDs []int64, today time.Time, limit int) ([]PlannedMeeting, error) {
	q := args{committeeIDs, today, limit}
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+`, a.status, a.published_at, a.revision`+meetingFrom+`
		JOIN agendas a ON a.meeting_id = m.id AND a.status = 'published'
		WHERE m.committee_id = ANY($1) AND `+coming+` AND `+q.readable(rd, agendaFacts("m", "a"))+`
		ORDER BY m.date, c.code, m.number LIMIT $3`, q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: coming agendas: %w", err)
	}
	list, err := pgx.CollectRows(rows, scanMeetingWithAgenda)
	if err != nil {
		return nil, fmt.Errorf("postgres: coming agendas: %w", err)
	}
	return list, nil
}

// PublishedAgendas returns the committee's meetings with a published
// agenda, the latest meeting first, at most limit, each agenda with its
// latest revision (in Revisions), those the reader may read: for the
// public site and its feed.
func (s *Store) PublishedAgendas(ctx context.Context, rd *mb.Reader, committeeID int64, limit int) ([]PlannedMeeting, error) {
	q := args{committeeID, limit}
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+`, a.status, a.published_at, a.revision, r.at, r.changes`+meetingFrom+`
		JOIN agendas a ON a.meeting_id = m.id AND a.status = 'published'
		JOIN agenda_revisions r ON r.meeting_id = a.meeting_id AND r.revision = a.revision
		WHERE m.committee_id = $1 AND `+q.readable(rd, agendaFacts("m", "a"))+`
		ORDER BY m.date DESC, m.number DESC LIMIT $2`, q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: published agendas: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (PlannedMeeting, error) {
		a := &mb.Agenda{}
		var status string
		var latest mb.AgendaRevision
		m, err := scanMeeting(r, &status, &a.PublishedAt, &a.Revision, &latest.At, &latest.Changes)
		if err != nil {
			return PlannedMeeting{}, err
		}
		latest.Number = a.Revision
		a.Status, a.Meeting, a.Revisions = mb.AgendaStatus(status), m, []mb.AgendaRevision{latest}
		return PlannedMeeting{Meeting: m, Agenda: a}, nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: published agendas: %w", err)
	}
	return list, nil
}

// PublishedAgendaStates returns the published agendas of the committees'
// meetings that the reader may read, by meeting id, without their
// contents: for the calendars' events to link to.
func (s *Store) PublishedAgendaStates(ctx context.Context, rd *mb.Reader, committeeIDs []int64) (map[int64]*mb.Agenda, error) {
	q := args{committeeIDs}
	rows, err := s.pool.Query(ctx, `SELECT a.meeting_id, a.published_at, a.revision FROM agendas a
		JOIN meetings m ON m.id = a.meeting_id WHERE m.committee_id = ANY($1) AND a.status = 'published'
		AND `+q.readable(rd, agendaFacts("m", "a")), q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: published agendas: %w", err)
	}
	out := map[int64]*mb.Agenda{}
	var id int64
	var at *time.Time
	var rev int
	_, err = pgx.ForEachRow(rows, []any{&id, &at, &rev}, func() error {
		out[id] = &mb.Agenda{Status: mb.AgendaPublished, PublishedAt: at, Revision: rev}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: published agendas: %w", err)
	}
	return out, nil
}
