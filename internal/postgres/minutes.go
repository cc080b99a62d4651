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
	return s.minutesOf(ctx, m, nil, true)
}

// MinutesText is MinutesOf without the actions outstanding table and the
// signature, which the minutes' text (mb.Minutes.Text, for their history)
// leaves out.
func (s *Store) MinutesText(ctx context.Context, m *mb.Meeting) (*mb.Minutes, error) {
	return s.minutesOf(ctx, m, nil, false)
}

// minutesOf reads the document, with its actions outstanding table and
// signature when outstanding; with a reader, the table holds only the rows the reader may
// read (see outstandingAt).
func (s *Store) minutesOf(ctx context.Context, m *mb.Meeting, rd *mb.Reader, outstanding bool) (*mb.Minutes, error) {
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
	mb.LabelPartItems(doc.Attendance, doc.Items)
	if outstanding {
		if doc.Outstanding, doc.OutstandingWithheld, err = s.outstandingAt(ctx, m, rd); err != nil {
			return nil, err
		}
	}
	if doc.NextMeetings, err = s.NextMeetings(ctx, m); err != nil {
		return nil, err
	}
	// The text (MinutesText) is what a signature signs: it has none.
	if outstanding && (m.Status == mb.Approved || m.Status == mb.Published) {
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

// MinutesFor is the document as the reader may read it (recorded: whether
// the reader was recorded at the meeting): items above the reader withheld
// (mb.Reader.ReadableMinutes), and the actions outstanding table holding
// only the actions the reader may read, the rest counted.
func (s *Store) MinutesFor(ctx context.Context, rd *mb.Reader, m *mb.Meeting, recorded bool) (*mb.Minutes, error) {
	doc, err := s.minutesOf(ctx, m, rd, true)
	if err != nil {
		return nil, err
	}
	return rd.ReadableMinutes(doc, recorded), nil
}

// MinutesVersionFor is a stored version of the minutes as the reader may
// read it (recorded: at the meeting): its items withheld as their access
// says (see versions), and its actions outstanding table holding only the
// actions the reader may read now, the rest counted.
func (s *Store) MinutesVersionFor(ctx context.Context, rd *mb.Reader, m *mb.Meeting, number int, recorded bool) (*mb.MinutesVersion, error) {
	ver, err := s.MinutesVersion(ctx, m.ID, number)
	if err != nil {
		return nil, err
	}
	doc := rd.ReadableMinutes(ver.Minutes, recorded)
	ids := make([]int64, len(doc.Outstanding))
	for i, row := range doc.Outstanding {
		ids[i] = row.Action.ID
	}
	readable, err := s.ReadableActions(ctx, rd, ids)
	if err != nil {
		return nil, err
	}
	var rows []mb.OutstandingAction
	for _, row := range doc.Outstanding {
		if readable[row.Action.ID] {
			rows = append(rows, row)
		}
	}
	doc.Outstanding, doc.OutstandingWithheld = rows, len(doc.Outstanding)-len(rows)
	ver.Minutes = doc
	return ver, nil
}

// ReadableActions says which of the actions the reader may read.
func (s *Store) ReadableActions(ctx context.Context, rd *mb.Reader, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	q := args{ids}
	rows, err := s.pool.Query(ctx, `SELECT a.id FROM actions a WHERE a.id = ANY($1) AND `+q.readable(rd, recordFacts("a")), q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: readable actions: %w", err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("postgres: readable actions: %w", err)
	}
	for _, id := range list {
		out[id] = true
	}
	return out, nil
}

// MinutesAudience is what, beside a reader's roles and their attendance at
// the meeting itself, decides what of a meeting's minutes the reader sees:
// the meetings that raised the RED actions its actions outstanding table
// may hold (their attendance admits to those), and who commented on it
// (each sees their own comments). With the count of comments still open,
// for the secretariat's header. A server keeps it, and the document per
// kind of reader, while the meeting's Version and Epoch stay the same.
// Signed says whether a signature of the minutes stands, and Signatory is
// the person the committee's rules name to sign (nil: its chair), for who
// may sign them (signing and voiding count in the epoch, migration 0025).
type MinutesAudience struct {
	REDMeetings  []int64
	Authors      []int64
	OpenComments int
	// FirstOpenComment is the first of them, which the header's count links to.
	FirstOpenComment int64
	Signed           bool
	Signatory        *int64
}

// MinutesAudienceOf reads the meeting's MinutesAudience.
func (s *Store) MinutesAudienceOf(ctx context.Context, m *mb.Meeting) (*MinutesAudience, error) {
	var a MinutesAudience
	err := s.pool.QueryRow(ctx, `SELECT
			ARRAY(SELECT DISTINCT a.access_meeting FROM actions a WHERE `+outstandingCandidates+`
				AND a.access_level >= 4 AND a.access_meeting IS NOT NULL ORDER BY 1),
			ARRAY(SELECT DISTINCT c.author_id FROM minutes_comments c WHERE c.meeting_id = $4 ORDER BY 1),
			(SELECT count(*) FROM minutes_comments c WHERE c.meeting_id = $4 AND c.resolved_at IS NULL),
			coalesce((SELECT c.id FROM minutes_comments c WHERE c.meeting_id = $4 AND c.resolved_at IS NULL
				ORDER BY c.created_at, c.id LIMIT 1), 0),
			EXISTS (SELECT 1 FROM minutes_signatures g WHERE g.meeting_id = $4 AND g.voided_at IS NULL),
			(SELECT c.signatory_id FROM committees c WHERE c.id = $1)`,
		m.CommitteeID, m.Number, m.Date, m.ID).Scan(&a.REDMeetings, &a.Authors, &a.OpenComments, &a.FirstOpenComment, &a.Signed, &a.Signatory)
	if err != nil {
		return nil, fmt.Errorf("postgres: minutes audience of %d: %w", m.ID, err)
	}
	return &a, nil
}
