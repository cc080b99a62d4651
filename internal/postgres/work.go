package postgres

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Work returns the reader's own work on the day: the home page and the
// weekly digest. Each part is read through the reading rule: the actions
// through the register's query, the drafts through the reading rule's SQL
// (readable), the meetings on the schedule of the reader's committees, the escalations for the bodies
// Reader.Oversees, the to-do for the committees whose secretariat the
// reader runs (who reads everything of them). Every statement is bounded
// by the reader's committees or organisation and by an index.
func (s *Store) Work(ctx context.Context, rd *mb.Reader, today time.Time) (*mb.Work, error) {
	w := &mb.Work{Today: today}
	if !rd.SignedIn() {
		return w, nil
	}
	if err := s.workActions(ctx, rd, w); err != nil {
		return nil, err
	}
	secretariat, committees := rd.Committees()
	if err := s.workMeetings(ctx, rd, w, committees); err != nil {
		return nil, err
	}
	if err := s.workEscalations(ctx, rd, w); err != nil {
		return nil, err
	}
	for _, id := range secretariat {
		sw, err := s.secretariatWork(ctx, id, today)
		if err != nil {
			return nil, err
		}
		w.Secretariat = append(w.Secretariat, sw)
	}
	return w, nil
}

// workActions lists the reader's and their organisation's open actions and
// counts them, through the reading rule (the register's query).
func (s *Store) workActions(ctx context.Context, rd *mb.Reader, w *mb.Work) error {
	f := mb.ActionFilter{OwnedBy: &mb.Ownership{PersonID: rd.User.PersonID, OrganisationID: rd.User.OrganisationID},
		Status: mb.FilterOpen, Sort: mb.SortTarget, Limit: mb.WorkListed, Today: w.Today}
	entries, err := s.RegisterEntries(ctx, rd, f)
	if err != nil {
		return err
	}
	for _, e := range entries {
		w.Actions = append(w.Actions, e.Action)
	}
	q := newRegisterQuery(rd, f, true)
	err = s.pool.QueryRow(ctx, `SELECT count(*)::int, (count(*) FILTER (WHERE `+fmt.Sprintf(overdueSQL, q.arg(f.Today))+`))::int
		FROM actions a`+q.whereSQL(), q.args...).Scan(&w.Open, &w.Overdue)
	if err != nil {
		return fmt.Errorf("postgres: work actions: %w", err)
	}
	return nil
}

// workMeetings finds, among the reader's committees' meetings, the
// circulated drafts the reader may read (the reading rule) and the coming
// meetings, all of which the committee's members see on its schedule.
func (s *Store) workMeetings(ctx context.Context, rd *mb.Reader, w *mb.Work, committees []int64) error {
	if len(committees) == 0 {
		return nil
	}
	var q args
	var readable bool
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+`, (m.minutes_status = 'circulated' AND `+q.readable(rd, meetingFacts("m"))+`)`+meetingFrom+`
		WHERE m.committee_id = ANY(`+q.add(committees)+`) AND (m.minutes_status = 'circulated' OR m.date BETWEEN `+
		q.add(w.Today)+` AND `+q.add(w.Today.AddDate(0, 0, mb.WorkHorizon))+`)
		ORDER BY m.date, c.code, m.number`, q...)
	if err != nil {
		return fmt.Errorf("postgres: work meetings: %w", err)
	}
	_, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Meeting, error) {
		m, err := scanMeeting(rowWith{Row: r, extra: []any{&readable}})
		if err != nil {
			return nil, err
		}
		if readable && len(w.Drafts) < mb.WorkListed {
			w.Drafts = append(w.Drafts, m)
		}
		if !m.Date.Before(w.Today) && rd.Member(m.CommitteeID) && len(w.Meetings) < mb.WorkListed {
			w.Meetings = append(w.Meetings, m)
		}
		return m, nil
	})
	if err != nil {
		return fmt.Errorf("postgres: work meetings: %w", err)
	}
	return nil
}

// workEscalations lists the open escalations from beneath the bodies the
// reader chairs or runs (an administrator oversees every body).
func (s *Store) workEscalations(ctx context.Context, rd *mb.Reader, w *mb.Work) error {
	var beneath []int64
	for child := range rd.Parents {
		if rd.Oversees(child) {
			beneath = append(beneath, child)
		}
	}
	if len(beneath) == 0 {
		return nil
	}
	slices.Sort(beneath)
	list, err := s.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: beneath, OpenOnly: true, WithRisks: true})
	if err != nil {
		return err
	}
	w.Escalated = len(list)
	w.Escalations = list[:min(len(list), mb.WorkListed)]
	return nil
}

// secretariatWork is the committee's to-do for its secretariat.
func (s *Store) secretariatWork(ctx context.Context, committeeID int64, today time.Time) (*mb.SecretariatWork, error) {
	c, err := s.Committee(ctx, committeeID)
	if err != nil {
		return nil, err
	}
	sw := &mb.SecretariatWork{CommitteeID: c.ID, CommitteeCode: c.Code, CommitteeName: c.Name}
	var comments int
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+`,
			(SELECT count(*)::int FROM minutes_comments mc WHERE mc.meeting_id = m.id AND mc.resolved_at IS NULL)`+meetingFrom+`
		WHERE m.committee_id = $1 AND m.minutes_status IN ('circulated', 'approved')
		ORDER BY m.date, m.number`, committeeID)
	if err != nil {
		return nil, fmt.Errorf("postgres: secretariat work: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Meeting, error) {
		m, err := scanMeeting(rowWith{Row: r, extra: []any{&comments}})
		if err == nil && comments > 0 {
			sw.Comments += comments
			sw.CommentsOn = append(sw.CommentsOn, m)
		}
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: secretariat work: %w", err)
	}
	for _, m := range list {
		if m.Status == mb.Circulated {
			sw.Circulated = append(sw.Circulated, m)
		} else {
			sw.Approved = append(sw.Approved, m)
		}
	}
	// Past target with nothing recorded since: no update, revision or
	// closure on or after the target day.
	rows, err = s.pool.Query(ctx, `SELECT `+actionColumns+`, count(*) OVER ()::int`+actionFrom+`
		WHERE a.committee_id = $1 AND a.status = 'open' AND coalesce(a.current_target_date, a.target_date) < $2
		  AND NOT EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = a.id
			AND e.at >= coalesce(a.current_target_date, a.target_date)::timestamp AT TIME ZONE 'Europe/London')
		ORDER BY coalesce(a.current_target_date, a.target_date), a.meeting_number, a.sequence
		LIMIT $3`, committeeID, today, mb.WorkListed)
	if err != nil {
		return nil, fmt.Errorf("postgres: secretariat work: %w", err)
	}
	sw.Stale, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Action, error) {
		return scanAction(rowWith{Row: r, extra: []any{&sw.StaleCount}})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: secretariat work: %w", err)
	}
	return sw, nil
}
