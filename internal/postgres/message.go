package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The outbox: every message composed, kept when no mail server is
// configured, or queued for delivery, then sent or failed.

const messageColumns = `id, user_id, kind, to_address, to_name, subject, text_body, html_body, unsubscribe, header_id,
	status, attempts, last_error, created_at, sent_at, failed_at`

func scanMessage(row pgx.Row) (*mb.Message, error) {
	var m mb.Message
	var kind, status string
	err := row.Scan(&m.ID, &m.UserID, &kind, &m.ToAddress, &m.ToName, &m.Subject, &m.Text, &m.HTML, &m.Unsubscribe, &m.HeaderID,
		&status, &m.Attempts, &m.LastError, &m.CreatedAt, &m.SentAt, &m.FailedAt)
	m.Kind, m.Status = mb.NoticeKind(kind), mb.MessageStatus(status)
	return &m, err
}

// insertMessage stores m in tx, queued for delivery when deliver is set and
// kept otherwise, filling its id, status and time.
func insertMessage(ctx context.Context, tx pgx.Tx, m *mb.Message, deliver bool) error {
	m.Status = mb.MessageKept
	if deliver {
		m.Status = mb.MessageQueued
	}
	return tx.QueryRow(ctx, `
		INSERT INTO messages (user_id, kind, to_address, to_name, subject, text_body, html_body, unsubscribe, header_id, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, created_at`,
		m.UserID, string(m.Kind), m.ToAddress, m.ToName, m.Subject, m.Text, m.HTML, m.Unsubscribe, m.HeaderID, string(m.Status)).
		Scan(&m.ID, &m.CreatedAt)
}

// MessageFilter narrows the outbox; zero fields match everything.
type MessageFilter struct {
	Status mb.MessageStatus
	UserID *int64
	Limit  int
	Offset int
}

// Messages returns a page of the outbox, newest first, and how many match.
func (s *Store) Messages(ctx context.Context, f MessageFilter) ([]*mb.Message, int, error) {
	limit := any(nil)
	if f.Limit > 0 {
		limit = f.Limit
	}
	rows, err := s.pool.Query(ctx, `SELECT `+messageColumns+`, count(*) OVER () FROM messages
		WHERE ($1 = '' OR status = $1) AND ($2::bigint IS NULL OR user_id = $2)
		ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`, string(f.Status), f.UserID, limit, f.Offset)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: messages: %w", err)
	}
	total := 0
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Message, error) {
		return scanMessage(rowWith{Row: r, extra: []any{&total}})
	})
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: messages: %w", err)
	}
	return list, total, nil
}

// MessageCounts counts the outbox's messages by status.
func (s *Store) MessageCounts(ctx context.Context) (map[mb.MessageStatus]int, error) {
	out := map[mb.MessageStatus]int{}
	rows, err := s.pool.Query(ctx, `SELECT status, count(*)::int FROM messages GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("postgres: message counts: %w", err)
	}
	var status string
	var n int
	if _, err := pgx.ForEachRow(rows, []any{&status, &n}, func() error {
		out[mb.MessageStatus(status)] = n
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: message counts: %w", err)
	}
	return out, nil
}

// Message returns the message with the id.
func (s *Store) Message(ctx context.Context, id int64) (*mb.Message, error) {
	m, err := scanMessage(s.pool.QueryRow(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: message %d: %w", id, notFound(err, "There is no such message."))
	}
	return m, nil
}

// MessageSent records a queued message as sent, after attempts; a message
// no longer queued (sent by another attempt) is left as it is.
func (s *Store) MessageSent(ctx context.Context, id int64, attempts int) error {
	_, err := s.pool.Exec(ctx, `UPDATE messages SET status = 'sent', sent_at = now(), attempts = $2, last_error = ''
		WHERE id = $1 AND status = 'queued'`, id, attempts)
	if err != nil {
		return fmt.Errorf("postgres: message %d sent: %w", id, err)
	}
	return nil
}

// MessageNotices returns the notices a message tells of, oldest first: one
// event's, or one day's reminders; none for a digest.
func (s *Store) MessageNotices(ctx context.Context, messageID int64) ([]*mb.Notice, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+noticeColumns+` FROM notices WHERE message_id = $1 ORDER BY id`, messageID)
	if err != nil {
		return nil, fmt.Errorf("postgres: notices of message %d: %w", messageID, err)
	}
	list, err := collectNotices(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: notices of message %d: %w", messageID, err)
	}
	return list, nil
}

// ReviseMessage replaces a queued message's subject and both parts with
// m's, as composed again before an attempt to send it.
func (s *Store) ReviseMessage(ctx context.Context, m *mb.Message) error {
	_, err := s.pool.Exec(ctx, `UPDATE messages SET subject = $2, text_body = $3, html_body = $4
		WHERE id = $1 AND status = 'queued'`, m.ID, m.Subject, m.Text, m.HTML)
	if err != nil {
		return fmt.Errorf("postgres: revise message %d: %w", m.ID, err)
	}
	return nil
}

// MessageWithdrawn records that a queued message is not sent: composed
// again, it told what its recipient may no longer read, or nothing.
func (s *Store) MessageWithdrawn(ctx context.Context, id int64, reason string) error {
	_, err := s.pool.Exec(ctx, `UPDATE messages SET status = 'withdrawn', last_error = $2
		WHERE id = $1 AND status = 'queued'`, id, reason)
	if err != nil {
		return fmt.Errorf("postgres: message %d withdrawn: %w", id, err)
	}
	return nil
}

// MessageAttemptFailed records a failed attempt to send a queued message,
// and when it was the last, that the message failed.
func (s *Store) MessageAttemptFailed(ctx context.Context, id int64, attempts int, reason string, last bool) error {
	_, err := s.pool.Exec(ctx, `UPDATE messages SET attempts = $2, last_error = $3,
			status = CASE WHEN $4 THEN 'failed' ELSE status END,
			failed_at = CASE WHEN $4 THEN now() END
		WHERE id = $1 AND status = 'queued'`, id, attempts, reason, last)
	if err != nil {
		return fmt.Errorf("postgres: message %d attempt: %w", id, err)
	}
	return nil
}

// RetryMessage queues a failed message again, with queue inserting its
// delivery job in the same transaction, and audits who did.
func (s *Store) RetryMessage(ctx context.Context, id int64, queue Queue) error {
	if queue == nil {
		return mb.Errorf(mb.ECONFLICT, "No mail server is configured, so messages are kept, not sent.")
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var status, to string
		if err := tx.QueryRow(ctx, `SELECT status, to_address FROM messages WHERE id = $1 FOR UPDATE`, id).Scan(&status, &to); err != nil {
			return notFound(err, "There is no such message.")
		}
		if status != string(mb.MessageFailed) {
			return mb.Errorf(mb.ECONFLICT, "Only a failed message can be retried; this one is %s.", mb.MessageStatus(status).Label())
		}
		if _, err := tx.Exec(ctx, `UPDATE messages SET status = 'queued', failed_at = NULL WHERE id = $1`, id); err != nil {
			return err
		}
		if err := queue(ctx, tx, []int64{id}); err != nil {
			return err
		}
		return audit(ctx, tx, "message", id, nil, "retry", "Queued the failed message to "+to+" again")
	})
	return storeError(err, nil, "retry message")
}
