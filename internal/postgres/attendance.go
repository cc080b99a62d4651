package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// lockMeeting reads the meeting and locks its row for the rest of the
// transaction, so that lifecycle moves and edits of its content serialise.
func lockMeeting(ctx context.Context, tx pgx.Tx, id int64) (*mb.Meeting, error) {
	m, err := scanMeeting(tx.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1 FOR UPDATE OF m`, id))
	if err != nil {
		return nil, notFound(err, "There is no such meeting.")
	}
	return m, nil
}

// lockedError is the refusal to change approved minutes.
func lockedError(m *mb.Meeting) error {
	return mb.Errorf(mb.ECONFLICT, "The minutes of %s are %s and can no longer be changed, except through a correction.", m.ShortName(), strings.ToLower(m.Status.Label()))
}

// lockEditable locks the meeting and refuses when its minutes are locked.
func lockEditable(ctx context.Context, tx pgx.Tx, id int64) (*mb.Meeting, error) {
	m, err := lockMeeting(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if m.Locked() {
		return nil, lockedError(m)
	}
	return m, nil
}

// lockedConstraints turns the database's own refusal into the same message
// the store gives, for writes that race a lifecycle move.
var lockedConstraints = map[string]*mb.Error{
	"minutes_locked": {Code: mb.ECONFLICT, Message: "These minutes are approved and can no longer be changed, except through a correction."},
}

// Attendance returns the meeting's roll call in the order it was recorded.
func (s *Store) Attendance(ctx context.Context, meetingID int64) ([]mb.Attendee, error) {
	return attendanceOf(ctx, s.pool, meetingID)
}

// attendanceOf reads the roll call through q, a pool or a transaction.
func attendanceOf(ctx context.Context, q querier, meetingID int64) ([]mb.Attendee, error) {
	rows, err := q.Query(ctx, `
		SELECT a.id, a.meeting_id, a.person_id, p.name, a.status, coalesce(a.category, ''),
		       a.representing, coalesce(o.name, ''), a.part_items, a.part_item_ids, a.alternate_for, coalesce(alt.name, ''), a.position
		FROM attendance a
		JOIN people p ON p.id = a.person_id
		LEFT JOIN organisations o ON o.id = a.representing
		LEFT JOIN people alt ON alt.id = a.alternate_for
		WHERE a.meeting_id = $1
		ORDER BY a.position, a.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: attendance of %d: %w", meetingID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.Attendee, error) {
		var a mb.Attendee
		var status string
		err := r.Scan(&a.ID, &a.MeetingID, &a.PersonID, &a.PersonName, &status, &a.Category,
			&a.RepresentingID, &a.RepresentingName, &a.PartItems, &a.PartItemIDs, &a.AlternateForID, &a.AlternateForName, &a.Position)
		a.Status = mb.AttendanceStatus(status)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: attendance of %d: %w", meetingID, err)
	}
	return list, nil
}

var attendanceConstraints = map[string]*mb.Error{
	"attendance_once_per_meeting":   {Code: mb.EINVALID, Message: "A person appears once per meeting."},
	"attendance_person_id_fkey":     {Code: mb.EINVALID, Message: "Choose people who exist."},
	"attendance_representing_fkey":  {Code: mb.EINVALID, Message: "Choose organisations that exist."},
	"attendance_alternate_for_fkey": {Code: mb.EINVALID, Message: "Choose an existing member to attend for."},
	"minutes_locked":                lockedConstraints["minutes_locked"],
}

// SaveAttendance replaces the meeting's roll call with list (absent people
// left out) when the stored attendance version is still version, in one
// transaction, and returns the new version.
func (s *Store) SaveAttendance(ctx context.Context, meetingID int64, version int, list []mb.Attendee) (int, error) {
	var recorded []mb.Attendee
	for _, a := range list {
		if a.Status != mb.Absent {
			recorded = append(recorded, a)
		}
	}
	if err := mb.ValidateAttendance(recorded); err != nil {
		return 0, err
	}
	var newVersion int
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockEditable(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if m.AttendanceVersion != version {
			return mb.Errorf(mb.ECONFLICT, "Someone else saved the attendance of %s while you were editing it.", m.ShortName())
		}
		newVersion, err = writeAttendance(ctx, tx, m, recorded)
		return err
	})
	if e := constraintError(err, attendanceConstraints); e != nil {
		return 0, e
	}
	if err != nil {
		return 0, fmt.Errorf("postgres: save attendance of %d: %w", meetingID, err)
	}
	return newVersion, nil
}

// writeAttendance replaces the roll call of m, locked within tx, with the
// validated list, creating the people it adds who were not yet known, and
// returns the new attendance version. Part attendance keeps the items
// attended by id, so that it follows a reorder: the ids must be the
// meeting's items, and text recorded before ("5") is turned into the
// items it numbers when they exist.
func writeAttendance(ctx context.Context, tx pgx.Tx, m *mb.Meeting, recorded []mb.Attendee) (int, error) {
	before, err := attendanceSummary(ctx, tx, m.ID)
	if err != nil {
		return 0, err
	}
	numbers, err := itemNumbers(ctx, tx, m.ID)
	if err != nil {
		return 0, err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM attendance WHERE meeting_id = $1`, m.ID); err != nil {
		return 0, err
	}
	for i, a := range recorded {
		if a.NewPerson != nil {
			if err := addNewPerson(ctx, tx, m, &a); err != nil {
				return 0, err
			}
		}
		var category *string
		if a.Category != "" {
			category = &a.Category
		}
		part, ids := "", []int64{}
		if a.Status == mb.Part {
			part, ids = partItems(a, numbers)
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO attendance (meeting_id, person_id, status, category, representing, part_items, part_item_ids, alternate_for, position)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			m.ID, a.PersonID, string(a.Status), category, a.RepresentingID, part, ids, a.AlternateForID, i+1); err != nil {
			return 0, err
		}
	}
	var version int
	if err := tx.QueryRow(ctx, `UPDATE meetings SET attendance_version = attendance_version + 1 WHERE id = $1 RETURNING attendance_version`,
		m.ID).Scan(&version); err != nil {
		return 0, err
	}
	after, err := attendanceSummary(ctx, tx, m.ID)
	if err != nil {
		return 0, err
	}
	var c changeList
	c.add("attendance", before, after)
	return version, audit(ctx, tx, "attendance", m.ID, &m.CommitteeID, "update", "Recorded the attendance of "+m.ShortName()+": "+c.String())
}

// addNewPerson creates the person a line of the roll call adds, in their
// organisation (created too when new), whom they represent unless the line
// says otherwise.
func addNewPerson(ctx context.Context, tx pgx.Tx, m *mb.Meeting, a *mb.Attendee) error {
	org, _, err := ensureOrganisation(ctx, tx, strings.Join(strings.Fields(a.NewPerson.Organisation), " "))
	if err != nil {
		return err
	}
	p := &mb.Person{Name: strings.Join(strings.Fields(a.NewPerson.Name), " "), OrganisationID: &org.ID}
	if err := p.Validate(); err != nil {
		return err
	}
	if err := tx.QueryRow(ctx, `INSERT INTO people (name, organisation_id) VALUES ($1, $2) RETURNING id`, p.Name, p.OrganisationID).Scan(&p.ID); err != nil {
		return err
	}
	a.PersonID, a.PersonName = p.ID, p.Name
	if a.Category == "" && a.RepresentingID == nil {
		a.RepresentingID = &org.ID
	}
	return audit(ctx, tx, "person", p.ID, &m.CommitteeID, "create", "Created person "+p.Name+" ("+org.Name+") with the attendance of "+m.ShortName())
}

// itemNumbers numbers the meeting's items from their positions, by id.
func itemNumbers(ctx context.Context, tx pgx.Tx, meetingID int64) (map[int64]string, error) {
	rows, err := tx.Query(ctx, `SELECT i.id, CASE WHEN p.id IS NULL THEN i.position::text ELSE p.position || '.' || i.position END
		FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id WHERE i.meeting_id = $1`, meetingID)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// partItems is what a part attendee's line records: the meeting's items
// among those chosen, or, for text recorded before, the items it numbers
// when all of them exist, else the text as it was.
func partItems(a mb.Attendee, numbers map[int64]string) (string, []int64) {
	ids := []int64{}
	for _, id := range a.PartItemIDs {
		if _, ok := numbers[id]; ok {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 || strings.TrimSpace(a.PartItems) == "" {
		return "", ids
	}
	byNumber := map[string]int64{}
	for id, n := range numbers {
		byNumber[n] = id
	}
	wanted, ok := mb.PartItemNumbers(a.PartItems)
	for _, n := range wanted {
		id, found := byNumber[n]
		ok = ok && found
		ids = append(ids, id)
	}
	if !ok {
		return strings.TrimSpace(a.PartItems), []int64{}
	}
	return "", ids
}

// attendanceSummary is the roll call in a line, for the audit log.
func attendanceSummary(ctx context.Context, tx pgx.Tx, meetingID int64) (string, error) {
	var s string
	err := tx.QueryRow(ctx, `
		SELECT coalesce(string_agg(p.name || ' (' || a.status || ')', ', ' ORDER BY a.position), '')
		FROM attendance a JOIN people p ON p.id = a.person_id WHERE a.meeting_id = $1`, meetingID).Scan(&s)
	return s, err
}
