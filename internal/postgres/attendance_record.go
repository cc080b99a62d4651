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
			WHERE cm.committee_id = $1 AND cm.role IN ('member', 'chair') AND cm.alternate_for IS NULL)
		SELECT e.person_id, p.name, coalesce(seat.category, ''), count(*),
		       count(*) FILTER (WHERE a.status IN ('present', 'part')),
		       count(*) FILTER (WHERE alt.person_id IS NOT NULL AND a.status IS DISTINCT FROM 'present' AND a.status IS DISTINCT FROM 'part')
		FROM eligible e
		JOIN people p ON p.id = e.person_id
		LEFT JOIN attendance a ON a.meeting_id = e.meeting_id AND a.person_id = e.person_id
		LEFT JOIN LATERAL (SELECT x.person_id FROM attendance x WHERE x.meeting_id = e.meeting_id AND x.alternate_for = e.person_id
		                   AND x.status IN ('present', 'part') LIMIT 1) alt ON true
		LEFT JOIN LATERAL (SELECT cm.category, cc.position FROM committee_memberships cm
		                   LEFT JOIN committee_categories cc ON cc.committee_id = cm.committee_id AND cc.name = cm.category
		                   WHERE cm.committee_id = $1 AND cm.person_id = e.person_id AND cm.role IN ('member', 'chair')
		                   ORDER BY cm.ends_on IS NULL DESC, cm.starts_on DESC LIMIT 1) seat ON true
		GROUP BY e.person_id, p.name, seat.category, seat.position
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
