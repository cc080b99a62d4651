package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// NoticeHook is called within the transaction of a change that people are
// told of, with the event it recorded: the job queue inserts the job that
// tells them in that transaction, so that the job exists exactly when the
// change does (internal/jobs sets it).
type NoticeHook func(ctx context.Context, tx pgx.Tx, eventID int64) error

// OnNotice sets the hook. Without one (the command line, tests) events are
// still recorded, and the queue's sweep finds them.
func (s *Store) OnNotice(h NoticeHook) { s.notice.Store(&h) }

// recordNotice records the event in tx, unless ctx is quiet (history
// entered after the fact), and calls the hook.
func (s *Store) recordNotice(ctx context.Context, tx pgx.Tx, e mb.NoticeEvent) error {
	if mb.Quiet(ctx) {
		return nil
	}
	var actor *int64
	if u := mb.ActorFromContext(ctx); u != nil {
		actor = &u.ID
	}
	if e.RiskIDs == nil {
		e.RiskIDs = []int64{}
	}
	err := tx.QueryRow(ctx, `
		INSERT INTO notice_events (kind, committee_id, meeting_id, comment_id, decision_id, to_committee_id, risk_ids, actor_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		string(e.Kind), e.CommitteeID, e.MeetingID, e.CommentID, e.DecisionID, e.ToCommitteeID, e.RiskIDs, actor).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("record notice %s: %w", e.Kind, err)
	}
	if h := s.notice.Load(); h != nil && *h != nil {
		return (*h)(ctx, tx, e.ID)
	}
	return nil
}

const noticeEventColumns = `id, kind, committee_id, meeting_id, comment_id, decision_id, to_committee_id, risk_ids, actor_id, at, fanned_out_at IS NOT NULL`

func scanNoticeEvent(row pgx.Row) (*mb.NoticeEvent, error) {
	var e mb.NoticeEvent
	var kind string
	if err := row.Scan(&e.ID, &kind, &e.CommitteeID, &e.MeetingID, &e.CommentID, &e.DecisionID, &e.ToCommitteeID, &e.RiskIDs, &e.ActorID, &e.At, &e.FannedOut); err != nil {
		return nil, err
	}
	e.Kind = mb.NoticeEventKind(kind)
	return &e, nil
}

// NoticeEvent returns the event with the id.
func (s *Store) NoticeEvent(ctx context.Context, id int64) (*mb.NoticeEvent, error) {
	e, err := scanNoticeEvent(s.pool.QueryRow(ctx, `SELECT `+noticeEventColumns+` FROM notice_events WHERE id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: notice event %d: %w", id, notFound(err, "There is no such event."))
	}
	return e, nil
}

// PendingNoticeEvents returns the events recorded since the instant and not
// yet fanned out, oldest first.
func (s *Store) PendingNoticeEvents(ctx context.Context, since time.Time) ([]int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT id FROM notice_events WHERE fanned_out_at IS NULL AND at >= $1 ORDER BY id`, since)
	if err != nil {
		return nil, fmt.Errorf("postgres: pending notice events: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("postgres: pending notice events: %w", err)
	}
	return ids, nil
}

// NewNotice is what one person is told: of an event or a reminder, at once
// (with its Message, composed for them) or in their digest (no Message).
type NewNotice struct {
	UserID   int64
	Kind     mb.NoticeKind
	Delivery mb.Delivery
	EventID  *int64
	Reminder *mb.Reminder
	Message  *mb.Message
}

// Queue inserts, within tx, the delivery jobs of the messages queued there.
// It is nil when no mail server is configured: messages are then kept.
type Queue func(ctx context.Context, tx pgx.Tx, messageIDs []int64) error

// FanOut records, in one transaction, the event's notices and the messages
// of those told at once, and marks the event fanned out; queue inserts
// their delivery jobs in it. Done reports false when another server had
// fanned the event out first: then nothing is written.
func (s *Store) FanOut(ctx context.Context, eventID int64, notices []NewNotice, queue Queue) (done bool, err error) {
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		var fanned bool
		if err := tx.QueryRow(ctx, `SELECT fanned_out_at IS NOT NULL FROM notice_events WHERE id = $1 FOR UPDATE`, eventID).Scan(&fanned); err != nil {
			return notFound(err, "There is no such event.")
		}
		if fanned {
			return nil
		}
		if _, err := saveNotices(ctx, tx, notices, queue); err != nil {
			return err
		}
		done = true
		_, err := tx.Exec(ctx, `UPDATE notice_events SET fanned_out_at = now() WHERE id = $1`, eventID)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("postgres: fan out notice %d: %w", eventID, err)
	}
	return done, nil
}

// SaveReminders records the reminders' notices and the messages of those
// told at once, in one transaction, skipping any already recorded (the
// daily job run twice, or on two servers): it returns how many were new.
func (s *Store) SaveReminders(ctx context.Context, notices []NewNotice, queue Queue) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		n, err = saveNotices(ctx, tx, notices, queue)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: save reminders: %w", err)
	}
	return n, nil
}

// saveNotices inserts the notices that are new, and for each told at once
// its message, then queues the messages; it returns how many were new.
func saveNotices(ctx context.Context, tx pgx.Tx, notices []NewNotice, queue Queue) (int, error) {
	var queued []int64
	n := 0
	for _, nn := range notices {
		var target *time.Time
		var stage *string
		var week *int
		var action *int64
		if r := nn.Reminder; r != nil {
			st := string(r.Stage)
			target, stage, week, action = &r.Target, &st, &r.Week, &r.ActionID
		}
		var id int64
		err := tx.QueryRow(ctx, `
			INSERT INTO notices (user_id, kind, delivery, event_id, action_id, target_date, stage, week)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT DO NOTHING RETURNING id`,
			nn.UserID, string(nn.Kind), string(nn.Delivery), nn.EventID, action, target, stage, week).Scan(&id)
		if err == pgx.ErrNoRows {
			continue
		}
		if err != nil {
			return 0, err
		}
		n++
		if nn.Message == nil {
			continue
		}
		// Several notices may share one message (a person's reminders of
		// the day): it is stored with the first.
		if nn.Message.ID == 0 {
			if err := insertMessage(ctx, tx, nn.Message, queue != nil); err != nil {
				return 0, err
			}
			if nn.Message.Status == mb.MessageQueued {
				queued = append(queued, nn.Message.ID)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE notices SET message_id = $2 WHERE id = $1`, id, nn.Message.ID); err != nil {
			return 0, err
		}
	}
	if len(queued) > 0 {
		if err := queue(ctx, tx, queued); err != nil {
			return 0, err
		}
	}
	return n, nil
}
