package postgres

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Preferences returns the person's choices; kinds without one take their
// defaults (mb.Preferences.For).
func (s *Store) Preferences(ctx context.Context, userID int64) (mb.Preferences, error) {
	rows, err := s.pool.Query(ctx, `SELECT kind, delivery FROM notice_preferences WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("postgres: preferences of %d: %w", userID, err)
	}
	out := mb.Preferences{}
	var kind, delivery string
	if _, err := pgx.ForEachRow(rows, []any{&kind, &delivery}, func() error {
		out[mb.NoticeKind(kind)] = mb.Delivery(delivery)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: preferences of %d: %w", userID, err)
	}
	return out, nil
}

// SetPreferences saves the person's choices, each kind given, and audits
// the change in words ("why" says how it was made: on the account page, by
// an unsubscribe link).
func (s *Store) SetPreferences(ctx context.Context, userID int64, p mb.Preferences, why string) error {
	var changes []string
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		for _, k := range append(mb.NoticeKinds, mb.NoticeAgenda) {
			d, ok := p[k]
			if !ok {
				continue
			}
			if !k.Allows(d) {
				return mb.Errorf(mb.EINVALID, "%q is not a choice for %s.", d, strings.ToLower(k.Label()))
			}
			var before string
			err := tx.QueryRow(ctx, `SELECT delivery FROM notice_preferences WHERE user_id = $1 AND kind = $2`, userID, string(k)).Scan(&before)
			if err == pgx.ErrNoRows {
				before = string(k.DefaultDelivery())
			} else if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO notice_preferences (user_id, kind, delivery) VALUES ($1, $2, $3)
				ON CONFLICT (user_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery`, userID, string(k), string(d)); err != nil {
				return err
			}
			if before != string(d) {
				changes = append(changes, fmt.Sprintf("%s: %s → %s", k.Label(), mb.Delivery(before).Label(), d.Label()))
			}
		}
		if len(changes) == 0 {
			return nil
		}
		return audit(ctx, tx, "user", userID, nil, "preferences", why+": "+strings.Join(changes, "; "))
	})
	if err != nil {
		if mb.ErrorCode(err) != mb.EINTERNAL {
			return err
		}
		return fmt.Errorf("postgres: set preferences of %d: %w", userID, err)
	}
	return nil
}

// NoticeKey returns the key that signs unsubscribe links, made on first use
// and shared by every server on the database.
func (s *Store) NoticeKey(ctx context.Context) ([]byte, error) {
	var key []byte
	err := s.pool.QueryRow(ctx, `SELECT secret FROM notice_keys WHERE id = 1`).Scan(&key)
	if err == pgx.ErrNoRows {
		fresh := make([]byte, 32)
		if _, err := rand.Read(fresh); err != nil {
			return nil, err
		}
		// Of two servers making it at once, the first one's is kept.
		if _, err := s.pool.Exec(ctx, `INSERT INTO notice_keys (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, fresh); err != nil {
			return nil, fmt.Errorf("postgres: notice key: %w", err)
		}
		err = s.pool.QueryRow(ctx, `SELECT secret FROM notice_keys WHERE id = 1`).Scan(&key)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: notice key: %w", err)
	}
	return key, nil
}
