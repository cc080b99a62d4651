package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// CommitteeUsers returns the active accounts of the people who sit on the
// committee today in one of the roles, by name.
func (s *Store) CommitteeUsers(ctx context.Context, committeeID int64, roles ...mb.MemberRole) ([]*mb.User, error) {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+userFrom+`
		WHERE u.active AND EXISTS (SELECT 1 FROM committee_memberships cm
			WHERE cm.person_id = u.person_id AND cm.committee_id = $1 AND cm.role = ANY($2)
			  AND cm.starts_on <= current_date AND (cm.ends_on IS NULL OR cm.ends_on >= current_date))
		ORDER BY lower(p.name), u.id`, committeeID, names)
	if err != nil {
		return nil, fmt.Errorf("postgres: users of committee %d: %w", committeeID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.User, error) { return scanUser(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: users of committee %d: %w", committeeID, err)
	}
	return list, nil
}

// ReminderCandidate is an open action whose current target falls within its
// committee's reminder days of today or before, and one person to remind:
// the owner person's account, or, when the owner person has none, each
// account of the owner organisation's contacts: its people who sit on the
// committee, or who were recorded at the meeting that raised the action.
type ReminderCandidate struct {
	ActionID     int64
	CommitteeID  int64
	Target       time.Time
	ReminderDays int
	UserID       int64
}

// ReminderCandidates returns the candidates for reminders on the day, by
// person. Which reminder each is due, if any, is mb.ReminderFor's to say.
func (s *Store) ReminderCandidates(ctx context.Context, day time.Time) ([]ReminderCandidate, error) {
	rows, err := s.pool.Query(ctx, `
		WITH due AS (
			SELECT a.id, a.committee_id, a.raised_meeting_id AS meeting, a.owner_organisation_id AS org, a.owner_person_id AS person,
			       coalesce(a.current_target_date, a.target_date) AS target, c.reminder_days AS days
			FROM actions a JOIN committees c ON c.id = a.committee_id
			WHERE a.status = 'open' AND coalesce(a.current_target_date, a.target_date) <= $1::date + c.reminder_days
		)
		SELECT d.id, d.committee_id, d.target, d.days, u.id FROM due d JOIN users u ON u.person_id = d.person AND u.active
		UNION ALL
		SELECT d.id, d.committee_id, d.target, d.days, u.id FROM due d
		JOIN people p ON p.organisation_id = d.org
		JOIN users u ON u.person_id = p.id AND u.active
		WHERE NOT EXISTS (SELECT 1 FROM users ou WHERE ou.person_id = d.person AND ou.active)
		  AND (EXISTS (SELECT 1 FROM committee_memberships cm WHERE cm.person_id = p.id AND cm.committee_id = d.committee_id
			AND cm.starts_on <= $1::date AND (cm.ends_on IS NULL OR cm.ends_on >= $1::date))
		    OR EXISTS (SELECT 1 FROM attendance at WHERE at.person_id = p.id AND at.meeting_id = d.meeting
			AND at.status IN ('present', 'part')))
		ORDER BY 5, 3, 1`, day)
	if err != nil {
		return nil, fmt.Errorf("postgres: reminder candidates: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ReminderCandidate, error) {
		var c ReminderCandidate
		err := r.Scan(&c.ActionID, &c.CommitteeID, &c.Target, &c.ReminderDays, &c.UserID)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: reminder candidates: %w", err)
	}
	return list, nil
}

// ToldReminders returns which of the person's reminders were recorded
// already (by index in list).
func (s *Store) ToldReminders(ctx context.Context, userID int64, list []mb.Reminder) (map[int]bool, error) {
	out := map[int]bool{}
	if len(list) == 0 {
		return out, nil
	}
	actions, targets, stages, weeks := make([]int64, len(list)), make([]time.Time, len(list)), make([]string, len(list)), make([]int32, len(list))
	for i, r := range list {
		actions[i], targets[i], stages[i], weeks[i] = r.ActionID, r.Target, string(r.Stage), int32(r.Week)
	}
	rows, err := s.pool.Query(ctx, `
		SELECT k.i - 1 FROM unnest($2::bigint[], $3::date[], $4::text[], $5::int[]) WITH ORDINALITY AS k(action_id, target, stage, week, i)
		WHERE EXISTS (SELECT 1 FROM notices n WHERE n.action_id = k.action_id AND n.user_id = $1
			AND n.target_date = k.target AND n.stage = k.stage AND n.week = k.week)`, userID, actions, targets, stages, weeks)
	if err != nil {
		return nil, fmt.Errorf("postgres: reminders told: %w", err)
	}
	told, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("postgres: reminders told: %w", err)
	}
	for _, i := range told {
		out[int(i)] = true
	}
	return out, nil
}
