package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// SetCalendarToken gives the user a new personal calendar feed secret,
// replacing any earlier one (whose URL stops working). Only its hash is kept.
func (s *Store) SetCalendarToken(ctx context.Context, userID int64, secret string) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var replaced bool
		if err := tx.QueryRow(ctx, `
			INSERT INTO calendar_tokens (user_id, token_hash) VALUES ($1, $2)
			ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now(), used_at = NULL
			RETURNING (xmax <> 0)`, userID, tokenHash(secret)).Scan(&replaced); err != nil {
			return err
		}
		summary := "Created a personal calendar feed URL"
		if replaced {
			summary = "Regenerated the personal calendar feed URL; the old one no longer works"
		}
		return audit(ctx, tx, "calendar_token", userID, nil, "set", summary)
	})
	if err != nil {
		return fmt.Errorf("postgres: set calendar token: %w", err)
	}
	return nil
}

// CalendarTokenCreated returns when the user's feed URL was made; ok is
// false when they have none.
func (s *Store) CalendarTokenCreated(ctx context.Context, userID int64) (at time.Time, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT created_at FROM calendar_tokens WHERE user_id = $1`, userID).Scan(&at)
	if errors.Is(err, pgx.ErrNoRows) {
		return at, false, nil
	}
	if err != nil {
		return at, false, fmt.Errorf("postgres: calendar token: %w", err)
	}
	return at, true, nil
}

// UserByCalendarToken returns the active user whose feed secret it is.
func (s *Store) UserByCalendarToken(ctx context.Context, secret string) (*mb.User, error) {
	var userID int64
	err := s.pool.QueryRow(ctx, `
		UPDATE calendar_tokens t SET used_at = now()
		FROM users u WHERE t.token_hash = $1 AND u.id = t.user_id AND u.active
		RETURNING t.user_id`, tokenHash(secret)).Scan(&userID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such calendar feed: it may have been regenerated.")
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: user by calendar token: %w", err)
	}
	return s.User(ctx, userID)
}
