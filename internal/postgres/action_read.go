package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// actionColumns and actionFrom read actions with their committee and owner;
// every query of actions shares them.
const actionColumns = `
	a.id, a.committee_id, c.code, a.meeting_number, a.sequence, a.raised_meeting_id, a.item_id,
	a.raised_on, a.text, a.owner_organisation_id, o.name, a.owner_person_id, coalesce(p.name, ''),
	a.target_date, a.current_target_date, a.status, a.closed_meeting_id, a.closed_on, a.version`

const actionFrom = `
	FROM actions a
	JOIN committees c ON c.id = a.committee_id
	JOIN organisations o ON o.id = a.owner_organisation_id
	LEFT JOIN people p ON p.id = a.owner_person_id`

func scanAction(row pgx.Row) (*mb.Action, error) {
	var a mb.Action
	var status string
	err := row.Scan(&a.ID, &a.CommitteeID, &a.CommitteeCode, &a.MeetingNumber, &a.Sequence, &a.RaisedMeetingID, &a.ItemID,
		&a.RaisedOn, &a.Text, &a.OwnerID, &a.OwnerName, &a.OwnerPersonID, &a.OwnerPersonName,
		&a.TargetDate, &a.CurrentTarget, &status, &a.ClosedMeetingID, &a.ClosedOn, &a.Version)
	a.Status = mb.ActionStatus(status)
	return &a, err
}

func collectActions(rows pgx.Rows) ([]*mb.Action, error) {
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Action, error) { return scanAction(r) })
}

// Action returns the action with the id, with its events.
func (s *Store) Action(ctx context.Context, id int64) (*mb.Action, error) {
	a, err := scanAction(s.pool.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+` WHERE a.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: action %d: %w", id, notFound(err, "There is no such action."))
	}
	if err := s.attachEvents(ctx, []*mb.Action{a}, nil); err != nil {
		return nil, err
	}
	return a, nil
}

// ActionFor returns the action "CODE meeting/sequence" with its events, if
// the reader may read it (otherwise there is no such action); the notes of
// events recorded at minutes the reader may not read are withheld.
func (s *Store) ActionFor(ctx context.Context, rd *mb.Reader, code string, meeting, sequence int) (*mb.Action, error) {
	var q args
	where := `c.code = ` + q.add(code) + ` AND a.meeting_number = ` + q.add(meeting) + ` AND a.sequence = ` + q.add(sequence) +
		` AND ` + q.readable(rd, recordFacts("a"))
	a, err := scanAction(s.pool.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+` WHERE `+where, q...))
	if err != nil {
		ref := mb.ActionReference(code, meeting, sequence)
		return nil, fmt.Errorf("postgres: action %s: %w", ref, notFound(err, "There is no action %s.", ref))
	}
	if err := s.attachEvents(ctx, []*mb.Action{a}, rd); err != nil {
		return nil, err
	}
	return a, nil
}

// ActionByReference returns the action "CODE meeting/sequence", with its events.
func (s *Store) ActionByReference(ctx context.Context, code string, meeting, sequence int) (*mb.Action, error) {
	a, err := scanAction(s.pool.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+`
		WHERE c.code = $1 AND a.meeting_number = $2 AND a.sequence = $3`, code, meeting, sequence))
	if err != nil {
		ref := mb.ActionReference(code, meeting, sequence)
		return nil, fmt.Errorf("postgres: action %s: %w", ref, notFound(err, "There is no action %s.", ref))
	}
	if err := s.attachEvents(ctx, []*mb.Action{a}, nil); err != nil {
		return nil, err
	}
	return a, nil
}

// attachEvents loads the events of every action in one query, in order.
// Each event finds its meeting by the primary key (the OFFSET 0 keeps the
// planner from turning that into a hash of every meeting: 15,000 meetings
// hashed for a few hundred events cost 3 ms a page). With a reader, the
// notes the reader may not read are withheld.
func (s *Store) attachEvents(ctx context.Context, actions []*mb.Action, rd *mb.Reader) error {
	if len(actions) == 0 {
		return nil
	}
	byID := make(map[int64]*mb.Action, len(actions))
	ids := make([]int64, 0, len(actions))
	for _, a := range actions {
		a.Events = nil
		byID[a.ID] = a
		ids = append(ids, a.ID)
	}
	q := args{ids}
	noteReadable := "true"
	if rd != nil {
		noteReadable = q.readable(rd, recordFacts("e"))
	}
	rows, err := s.pool.Query(ctx, `
		SELECT e.id, e.action_id, e.meeting_id, coalesce(m.number, 0), m.date, e.kind,
		       e.previous_target, e.new_target, e.note, coalesce(pp.name, 'system'), e.at, `+noteReadable+`
		FROM action_events e
		LEFT JOIN LATERAL (SELECT mm.number, mm.date FROM meetings mm WHERE mm.id = e.meeting_id OFFSET 0) m ON true
		LEFT JOIN users u ON u.id = e.actor_id
		LEFT JOIN people pp ON pp.id = u.person_id
		WHERE e.action_id = ANY($1)
		ORDER BY e.action_id, coalesce(m.date, e.at::date), e.at, e.id`, q...)
	if err != nil {
		return fmt.Errorf("postgres: action events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e mb.ActionEvent
		var kind string
		var readable bool
		if err := rows.Scan(&e.ID, &e.ActionID, &e.MeetingID, &e.MeetingNumber, &e.MeetingDate, &kind,
			&e.PreviousTarget, &e.NewTarget, &e.Note, &e.ActorName, &e.At, &readable); err != nil {
			return fmt.Errorf("postgres: action events: %w", err)
		}
		if !readable {
			e.Note, e.NoteWithheld = "", true
		}
		e.Kind = mb.ActionEventKind(kind)
		byID[e.ActionID].Events = append(byID[e.ActionID].Events, e)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: action events: %w", err)
	}
	return nil
}

// ActionsRaisedAt returns the actions raised at the meeting, in reference order.
func (s *Store) ActionsRaisedAt(ctx context.Context, meetingID int64) ([]*mb.Action, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+actionColumns+actionFrom+` WHERE a.raised_meeting_id = $1 ORDER BY a.sequence`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: actions raised at %d: %w", meetingID, err)
	}
	list, err := collectActions(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: actions raised at %d: %w", meetingID, err)
	}
	return list, nil
}

// ActionsOutstanding derives the meeting's actions outstanding table from
// the register: the actions raised at the committee's earlier meetings that
// were open when the meeting began, with their status after it. Nothing of
// it is typed twice.
func (s *Store) ActionsOutstanding(ctx context.Context, meetingID int64) ([]mb.OutstandingAction, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	rows, _, err := s.outstandingAt(ctx, m, nil)
	return rows, err
}

// outstandingCandidates are the actions that may belong in the actions
// outstanding table of the meeting ($1 its committee, $2 number, $3 date,
// $4 id): raised earlier, and open now, closed no earlier than the
// meeting, or reopened at some time (replaying their events decides). The
// two EXISTS are apart so that each is answered by its own index (events
// by meeting; reopened events, partial): one EXISTS with an OR read every
// event of the register.
const outstandingCandidates = `a.committee_id = $1 AND a.meeting_number < $2
	AND (a.status = 'open' OR a.closed_on >= $3
	     OR EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = a.id AND e.meeting_id = $4)
	     OR EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = a.id AND e.kind = 'reopened'))`

// outstandingAt is ActionsOutstanding for a meeting already read. With a
// reader, it holds only the actions the reader may read (the reading rule
// asked in the same statement) and counts the rows it leaves out.
func (s *Store) outstandingAt(ctx context.Context, m *mb.Meeting, rd *mb.Reader) (rows []mb.OutstandingAction, withheld int, err error) {
	meetingID := m.ID
	q := args{m.CommitteeID, m.Number, m.Date, m.ID}
	readable := "true"
	if rd != nil {
		readable = q.readable(rd, recordFacts("a"))
	}
	list, err := s.pool.Query(ctx, `SELECT `+actionColumns+`, `+readable+actionFrom+` WHERE `+outstandingCandidates+`
		ORDER BY a.meeting_number, a.sequence`, q...)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: actions outstanding at %d: %w", meetingID, err)
	}
	readableIDs := map[int64]bool{}
	candidates, err := pgx.CollectRows(list, func(r pgx.CollectableRow) (*mb.Action, error) {
		var ok bool
		a, err := scanAction(rowWith{Row: r, extra: []any{&ok}})
		if ok {
			readableIDs[a.ID] = true
		}
		return a, err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: actions outstanding at %d: %w", meetingID, err)
	}
	if err := s.attachEvents(ctx, candidates, nil); err != nil {
		return nil, 0, err
	}
	for _, a := range candidates {
		if row, ok := mb.OutstandingAt(a, m.ID, m.Number, m.Date); ok {
			if !readableIDs[a.ID] {
				withheld++
				continue
			}
			rows = append(rows, row)
		}
	}
	return rows, withheld, nil
}
