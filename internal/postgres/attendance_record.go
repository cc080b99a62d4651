package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AttendanceRecord returns each voting member's attendance over the period
// at the committee's meetings among meetingIDs (the held meetings the
// reader may open): the meetings held while they held a voting seat, those
// they attended present or in part, and those an alternate attended for
// them; members by category order and name. It is one grouped statement
// over the committee's seats and those meetings' roll calls.
func (s *Store) AttendanceRecord(ctx context.Context, committeeID int64, meetingIDs []int64, p mb.AttendancePeriod) ([]mb.MemberAttendance, error) {
	rows, err := s.pool.Query(ctx, `
		WITH held AS (SELECT id, date FROM meetings WHERE id = ANY($2) AND committee_id = $1 AND date BETWEEN $3 AND $4),
		eligible AS (
			SELECT DISTINCT cm.person_id, h.id AS meeting_id
			FROM committee_memberships cm JOIN held h ON h.date >= cm.starts_on AND (cm.ends_on IS NULL OR h.date <= cm.ends_on)
			WHERE cm.committee_id = $1 AND cm.role IN ('member', 'chair') AND cm.alternate_for IS NULL),
		alternates AS (
			SELECT DISTINCT x.meeting_id, x.alternate_for AS person_id FROM attendance x
			WHERE x.meeting_id IN (SELECT id FROM held) AND x.alternate_for IS NOT NULL AND x.status IN ('present', 'part')),
		counts AS (
			SELECT e.person_id, count(*) AS eligible,
			       count(*) FILTER (WHERE a.status IN ('present', 'part')) AS attended,
			       count(*) FILTER (WHERE alt.person_id IS NOT NULL AND a.status IS DISTINCT FROM 'present' AND a.status IS DISTINCT FROM 'part') AS by_alternate
			FROM eligible e
			LEFT JOIN attendance a ON a.meeting_id = e.meeting_id AND a.person_id = e.person_id
			LEFT JOIN alternates alt ON alt.meeting_id = e.meeting_id AND alt.person_id = e.person_id
			GROUP BY e.person_id)
		SELECT n.person_id, p.name, coalesce(seat.category, ''), n.eligible, n.attended, n.by_alternate
		FROM counts n
		JOIN people p ON p.id = n.person_id
		LEFT JOIN LATERAL (SELECT cm.category, cc.position FROM committee_memberships cm
		                   LEFT JOIN committee_categories cc ON cc.committee_id = cm.committee_id AND cc.name = cm.category
		                   WHERE cm.committee_id = $1 AND cm.person_id = n.person_id AND cm.role IN ('member', 'chair')
		                   ORDER BY cm.ends_on IS NULL DESC, cm.starts_on DESC LIMIT 1) seat ON true
		ORDER BY seat.position NULLS LAST, lower(p.name)`, committeeID, meetingIDs, p.From, p.To)
	if err != nil {
		return nil, fmt.Errorf("postgres: attendance record of %d: %w", committeeID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.MemberAttendance, error) {
		var m mb.MemberAttendance
		return m, r.Scan(&m.PersonID, &m.Name, &m.Category, &m.Eligible, &m.Attended, &m.ByAlternate)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: attendance record of %d: %w", committeeID, err)
	}
	return list, nil
}
