package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// DigestRecipients returns the active accounts with no digest yet for the
// week (its Monday), by id.
func (s *Store) DigestRecipients(ctx context.Context, week time.Time) ([]*mb.User, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+userFrom+`
		WHERE u.active AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.user_id = u.id AND d.week = $1)
		ORDER BY u.id`, week)
	if err != nil {
		return nil, fmt.Errorf("postgres: digest recipients: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.User, error) { return scanUser(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: digest recipients: %w", err)
	}
	return list, nil
}

// WaitingNotices returns what waits for the person's next digest, oldest first.
func (s *Store) WaitingNotices(ctx context.Context, userID int64) ([]*mb.Notice, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+noticeColumns+`
		FROM notices WHERE user_id = $1 AND delivery = 'digest' AND message_id IS NULL ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("postgres: notices waiting for %d: %w", userID, err)
	}
	list, err := collectNotices(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: notices waiting for %d: %w", userID, err)
	}
	return list, nil
}

// noticeColumns are a notice's columns, for collectNotices.
const noticeColumns = `id, user_id, kind, event_id, action_id, target_date, coalesce(stage, ''), coalesce(week, 0), created_at`

func collectNotices(rows pgx.Rows) ([]*mb.Notice, error) {
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Notice, error) {
		var n mb.Notice
		var kind, stage string
		var action *int64
		var target *time.Time
		var week int
		if err := r.Scan(&n.ID, &n.UserID, &kind, &n.EventID, &action, &target, &stage, &week, &n.CreatedAt); err != nil {
			return nil, err
		}
		n.Kind = mb.NoticeKind(kind)
		if action != nil && target != nil {
			n.Reminder = &mb.Reminder{ActionID: *action, Target: *target, Stage: mb.ReminderStage(stage), Week: week}
		}
		return &n, nil
	})
}

// SaveDigest records the person's digest for the week, in one transaction:
// its message (nil when there was nothing to say), the waiting notices it
// carries, and its delivery job through queue. Done reports false when the
// week's digest was recorded already (by another server): nothing is written.
func (s *Store) SaveDigest(ctx context.Context, userID int64, week time.Time, msg *mb.Message, noticeIDs []int64, queue Queue) (done bool, err error) {
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO digests (user_id, week) VALUES ($1, $2) ON CONFLICT DO NOTHING`, userID, week)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return nil
		}
		done = true
		if msg == nil {
			return nil
		}
		if err := insertMessage(ctx, tx, msg, queue != nil); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE digests SET message_id = $3 WHERE user_id = $1 AND week = $2`, userID, week, msg.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE notices SET message_id = $2 WHERE id = ANY($1) AND user_id = $3 AND message_id IS NULL`,
			noticeIDs, msg.ID, userID); err != nil {
			return err
		}
		if msg.Status == mb.MessageQueued {
			return queue(ctx, tx, []int64{msg.ID})
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("postgres: save digest of %d: %w", userID, err)
	}
	return done, nil
}
