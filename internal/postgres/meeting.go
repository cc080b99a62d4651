package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

const meetingColumns = `
	m.id, m.committee_id, c.code, c.name, m.number, m.kind, m.date, m.starts_at, m.ends_at,
	m.venue, m.reference, m.classification, m.minutes_status, m.version, m.created_at, m.updated_at,
	m.attendance_version, m.approved_meeting_id, coalesce(m.correction_reason, ''), m.comments_due, c.minutes_epoch`

const meetingFrom = ` FROM meetings m JOIN committees c ON c.id = m.committee_id`

// scanMeeting reads meetingColumns, and into extra any columns a query
// selects after them.
func scanMeeting(row pgx.Row, extra ...any) (*mb.Meeting, error) {
	var m mb.Meeting
	var kind, class, status string
	var start, end pgtype.Time
	err := row.Scan(append([]any{&m.ID, &m.CommitteeID, &m.CommitteeCode, &m.CommitteeName, &m.Number, &kind,
		&m.Date, &start, &end, &m.Venue, &m.Reference, &class, &status, &m.Version, &m.CreatedAt, &m.UpdatedAt,
		&m.AttendanceVersion, &m.ApprovedMeetingID, &m.CorrectionReason, &m.CommentsDue, &m.Epoch}, extra...)...)
	if err != nil {
		return nil, err
	}
	m.Kind, m.Status = mb.MeetingKind(kind), mb.MinutesStatus(status)
	if m.Classification, err = mb.ParseClassification(class); err != nil {
		return nil, err
	}
	m.Start, m.End = fromPgTime(start), fromPgTime(end)
	return &m, nil
}

func fromPgTime(t pgtype.Time) *mb.TimeOfDay {
	if !t.Valid {
		return nil
	}
	mins := int(t.Microseconds / 60e6)
	return &mb.TimeOfDay{Hour: mins / 60, Minute: mins % 60}
}

func toPgTime(t *mb.TimeOfDay) pgtype.Time {
	if t == nil {
		return pgtype.Time{}
	}
	return pgtype.Time{Microseconds: int64(t.Minutes()) * 60e6, Valid: true}
}

// Meeting returns the meeting with the id.
func (s *Store) Meeting(ctx context.Context, id int64) (*mb.Meeting, error) {
	m, err := scanMeeting(s.pool.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: meeting %d: %w", id, notFound(err, "There is no such meeting."))
	}
	return m, nil
}

// MeetingByNumber returns meeting number of the committee with the code.
func (s *Store) MeetingByNumber(ctx context.Context, code string, number int) (*mb.Meeting, error) {
	m, err := scanMeeting(s.pool.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE c.code = $1 AND m.number = $2`, code, number))
	if err != nil {
		return nil, fmt.Errorf("postgres: meeting %s %d: %w", code, number, notFound(err, "There is no meeting %s %d.", code, number))
	}
	return m, nil
}

// Meetings returns the meetings matching f, newest first.
func (s *Store) Meetings(ctx context.Context, f mb.MeetingFilter) ([]*mb.Meeting, error) {
	var statuses []string
	for _, st := range f.Statuses {
		statuses = append(statuses, string(st))
	}
	limit := any(nil)
	if f.Limit > 0 {
		limit = f.Limit
	}
	q := args{f.CommitteeID, statuses, limit, f.Offset}
	where := ""
	if f.IDs != nil {
		where += " AND m.id = ANY(" + q.add(f.IDs) + ")"
	}
	if f.Reader != nil {
		where += " AND " + q.readable(f.Reader, meetingFacts("m"))
	}
	rows, err := s.pool.Query(ctx, `SELECT `+meetingColumns+meetingFrom+`
		WHERE ($1::bigint IS NULL OR m.committee_id = $1)
		  AND ($2::text[] IS NULL OR m.minutes_status = ANY($2))`+where+`
		ORDER BY m.date DESC, m.number DESC
		LIMIT $3 OFFSET $4`, q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: meetings: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Meeting, error) { return scanMeeting(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: meetings: %w", err)
	}
	return list, nil
}

// NextMeetingNumber suggests the number for a committee's next meeting.
func (s *Store) NextMeetingNumber(ctx context.Context, committeeID int64) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(number), 0) + 1 FROM meetings WHERE committee_id = $1`, committeeID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("postgres: next meeting number: %w", err)
	}
	return n, nil
}

var meetingConstraints = map[string]*mb.Error{
	"meetings_committee_number_key": {Code: mb.ECONFLICT, Message: "The committee already has a meeting with that number.",
		Fields: map[string]string{"number": "The committee already has a meeting with that number."}},
	"meetings_reference_key": {Code: mb.ECONFLICT, Message: "Another meeting already has that document reference.",
		Fields: map[string]string{"number": "Another meeting already has the document reference this number gives."}},
	"meetings_committee_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing committee.",
		Fields: map[string]string{"committee": "Choose an existing committee."}},
}

// LatestMeetingWithItems returns the committee's latest meeting that has
// items, whose titles a new meeting may start from.
func (s *Store) LatestMeetingWithItems(ctx context.Context, committeeID int64) (*mb.Meeting, error) {
	m, err := scanMeeting(s.pool.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+`
		WHERE m.committee_id = $1 AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.meeting_id = m.id)
		ORDER BY m.date DESC, m.number DESC LIMIT 1`, committeeID))
	if err != nil {
		return nil, fmt.Errorf("postgres: latest meeting of %d with items: %w", committeeID, notFound(err, "The committee has no meeting with items yet."))
	}
	return m, nil
}

// CreateMeeting stores a new meeting, deriving its reference, with minutes in
// draft (or m.Status when set, for imports and demo history), and the
// items it starts with, in one transaction.
func (s *Store) CreateMeeting(ctx context.Context, m *mb.Meeting, items ...*mb.Item) error {
	m.Normalize()
	if m.Status == "" {
		m.Status = mb.Draft
	}
	if err := m.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if err := insertMeeting(ctx, tx, m); err != nil {
			return err
		}
		// The items it starts with (its committee's standing items, the
		// previous meeting's titles), in order, with their sub-items.
		for _, it := range items {
			if err := insertItem(ctx, tx, m, it); err != nil {
				return err
			}
			for _, c := range it.Children {
				c.ParentID = &it.ID
				if err := insertItem(ctx, tx, m, c); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if e := constraintError(err, meetingConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: create meeting: %w", err)
	}
	return nil
}

// UpdateMeeting saves the header of a meeting when the stored version is
// still m.Version. Approved and published minutes cannot change here.
func (s *Store) UpdateMeeting(ctx context.Context, m *mb.Meeting) error {
	m.Normalize()
	if err := m.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := scanMeeting(tx.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.id = $1 FOR UPDATE OF m`, m.ID))
		if err != nil {
			return notFound(err, "There is no such meeting.")
		}
		if before.Version != m.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this meeting while you were editing it.")
		}
		if before.Locked() {
			return lockedError(before)
		}
		return updateMeetingHeader(ctx, tx, before, m)
	})
	if e := constraintError(err, meetingConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: update meeting %d: %w", m.ID, err)
	}
	return nil
}

// insertMeeting stores a validated meeting within tx, deriving its reference.
func insertMeeting(ctx context.Context, tx pgx.Tx, m *mb.Meeting) error {
	if err := tx.QueryRow(ctx, `SELECT code, name FROM committees WHERE id = $1`, m.CommitteeID).Scan(&m.CommitteeCode, &m.CommitteeName); err != nil {
		return notFound(err, "There is no such committee.")
	}
	m.Reference = mb.MeetingReference(m.CommitteeCode, m.Number, m.Date)
	err := tx.QueryRow(ctx, `
		INSERT INTO meetings (committee_id, number, kind, date, starts_at, ends_at, venue, reference, classification, minutes_status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
		RETURNING id, version, created_at, updated_at, attendance_version`,
		m.CommitteeID, m.Number, string(m.Kind), m.Date, toPgTime(m.Start), toPgTime(m.End), m.Venue,
		m.Reference, m.Classification.String(), string(m.Status),
	).Scan(&m.ID, &m.Version, &m.CreatedAt, &m.UpdatedAt, &m.AttendanceVersion)
	if err != nil {
		return err
	}
	return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "create", "Created meeting "+m.ShortName()+" on "+m.DateLabel())
}

// updateMeetingHeader saves m's header over before, the same meeting read
// under lock within tx, deriving the reference again.
func updateMeetingHeader(ctx context.Context, tx pgx.Tx, before, m *mb.Meeting) error {
	m.CommitteeID, m.CommitteeCode, m.CommitteeName, m.Status = before.CommitteeID, before.CommitteeCode, before.CommitteeName, before.Status
	m.AttendanceVersion, m.ApprovedMeetingID, m.CorrectionReason = before.AttendanceVersion, before.ApprovedMeetingID, before.CorrectionReason
	m.Reference = mb.MeetingReference(m.CommitteeCode, m.Number, m.Date)
	err := tx.QueryRow(ctx, `
		UPDATE meetings SET number = $2, kind = $3, date = $4, starts_at = $5, ends_at = $6, venue = $7,
		       reference = $8, classification = $9, version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, updated_at`,
		m.ID, m.Number, string(m.Kind), m.Date, toPgTime(m.Start), toPgTime(m.End), m.Venue,
		m.Reference, m.Classification.String(),
	).Scan(&m.Version, &m.UpdatedAt)
	if err != nil {
		return err
	}
	return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "update", "Updated meeting "+m.ShortName()+": "+meetingChanges(before, m))
}

func meetingChanges(before, after *mb.Meeting) string {
	var c changeList
	c.add("number", fmt.Sprint(before.Number), fmt.Sprint(after.Number))
	c.add("kind", before.Kind.Label(), after.Kind.Label())
	c.add("date", before.Date.Format(time.DateOnly), after.Date.Format(time.DateOnly))
	c.add("time", before.TimeLabel(), after.TimeLabel())
	c.add("venue", before.Venue, after.Venue)
	c.add("classification", before.Classification.String(), after.Classification.String())
	return c.String()
}

// Recorded reports whether the person is recorded present at the meeting
// (in whole or in part), which admits them to its RED material. Apologies do
// not: those people were not in the room.
func (s *Store) Recorded(ctx context.Context, personID, meetingID int64) (bool, error) {
	// One row from the index, not the person's fifteen years of attendance.
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM attendance
		WHERE person_id = $1 AND meeting_id = $2 AND status IN ('present', 'part'))`, personID, meetingID).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("postgres: recorded at %d: %w", meetingID, err)
	}
	return ok, nil
}

// RecordedAt returns which of the meetings the person was recorded present
// at, in order.
func (s *Store) RecordedAt(ctx context.Context, personID int64, meetingIDs []int64) ([]int64, error) {
	if len(meetingIDs) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT meeting_id FROM attendance
		WHERE person_id = $1 AND meeting_id = ANY($2) AND status IN ('present', 'part') ORDER BY meeting_id`, personID, meetingIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: recorded at: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("postgres: recorded at: %w", err)
	}
	return ids, nil
}
