package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
)

// PendingImport is a minutes document uploaded in the browser that its
// uploader is still checking: the text it was read from and what was read,
// with their corrections, until they save it or cancel. It expires a day
// after it was uploaded (see migrations/0008_imports.up.sql).
type PendingImport struct {
	ID          int64
	Token       string // the random part of the preview's address
	CommitteeID int64
	UserID      int64
	Filename    string
	Source      string
	Document    []byte // the minutesimport.Document as JSON
	// Renumber and Skip are what the person chose beside their
	// corrections: to renumber the actions to the meeting, and the side
	// effects of saving to leave out.
	Renumber  bool
	Skip      []mb.SideEffect
	CreatedAt time.Time
	ExpiresAt time.Time
}

// skipJSON is a side effect left out, as pending_imports.skip keeps it.
type skipJSON struct {
	Kind mb.ImportEffect `json:"kind"`
	Key  string          `json:"key"`
}

func encodeSkip(list []mb.SideEffect) ([]byte, error) {
	out := make([]skipJSON, 0, len(list))
	for _, s := range list {
		out = append(out, skipJSON{s.Kind, s.Key})
	}
	return json.Marshal(out)
}

func decodeSkip(b []byte) ([]mb.SideEffect, error) {
	var in []skipJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, err
	}
	out := make([]mb.SideEffect, 0, len(in))
	for _, s := range in {
		out = append(out, mb.SideEffect{Kind: s.Kind, Key: s.Key})
	}
	return out, nil
}

// CreatePendingImport stores an upload, giving it a random token, and
// clears away expired uploads.
func (s *Store) CreatePendingImport(ctx context.Context, p *PendingImport) error {
	p.Token = password.Token("", 24)
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM pending_imports WHERE expires_at < now()`); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `
			INSERT INTO pending_imports (token, committee_id, user_id, filename, source, document, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, now() + interval '1 day')
			RETURNING id, created_at, expires_at`,
			p.Token, p.CommitteeID, p.UserID, p.Filename, p.Source, p.Document,
		).Scan(&p.ID, &p.CreatedAt, &p.ExpiresAt)
		if err != nil {
			return err
		}
		return audit(ctx, tx, "import", p.ID, &p.CommitteeID, "upload", "Uploaded "+p.Filename+" to import as minutes")
	})
	if err != nil {
		return fmt.Errorf("postgres: create pending import: %w", err)
	}
	return nil
}

var pendingNotFound = mb.Errorf(mb.ENOTFOUND, "There is no such upload: it was saved, cancelled, or it expired a day after it was uploaded. Upload the document again.")

// PendingImport returns the user's unexpired upload of the committee with
// the token; anyone else's, or an expired one, is not found.
func (s *Store) PendingImport(ctx context.Context, committeeID int64, token string, userID int64) (*PendingImport, error) {
	var p PendingImport
	var skip []byte
	err := s.pool.QueryRow(ctx, `
		SELECT id, token, committee_id, user_id, filename, source, document, renumber, skip, created_at, expires_at
		FROM pending_imports WHERE token = $1 AND user_id = $2 AND committee_id = $3 AND expires_at > now()`, token, userID, committeeID).
		Scan(&p.ID, &p.Token, &p.CommitteeID, &p.UserID, &p.Filename, &p.Source, &p.Document, &p.Renumber, &skip, &p.CreatedAt, &p.ExpiresAt)
	if err == pgx.ErrNoRows {
		return nil, pendingNotFound
	}
	if err == nil {
		p.Skip, err = decodeSkip(skip)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: pending import: %w", err)
	}
	return &p, nil
}

// UpdatePendingImport keeps the person's corrections to what was read, and
// their choices of renumbering and side effects.
func (s *Store) UpdatePendingImport(ctx context.Context, p *PendingImport) error {
	skip, err := encodeSkip(p.Skip)
	if err != nil {
		return fmt.Errorf("postgres: update pending import: %w", err)
	}
	tag, err := s.pool.Exec(ctx, `UPDATE pending_imports SET document = $3, renumber = $4, skip = $5 WHERE id = $1 AND user_id = $2 AND expires_at > now()`,
		p.ID, p.UserID, p.Document, p.Renumber, skip)
	if err != nil {
		return fmt.Errorf("postgres: update pending import: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return pendingNotFound
	}
	return nil
}

// DeletePendingImport removes the user's upload once saved (saved true) or
// cancelled, leaving nothing of it behind but the audit log's record.
func (s *Store) DeletePendingImport(ctx context.Context, p *PendingImport, saved bool) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM pending_imports WHERE id = $1 AND user_id = $2`, p.ID, p.UserID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return pendingNotFound
		}
		action, summary := "cancel", "Cancelled the import of "+p.Filename
		if saved {
			action, summary = "save", "Saved the import of "+p.Filename
		}
		return audit(ctx, tx, "import", p.ID, &p.CommitteeID, action, summary)
	})
	if err != nil {
		return storeError(err, nil, "delete pending import")
	}
	return nil
}

// PendingImports lists the user's unexpired uploads for the committee,
// newest first, without their text.
func (s *Store) PendingImports(ctx context.Context, committeeID, userID int64) ([]*PendingImport, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT id, token, committee_id, user_id, filename, created_at, expires_at FROM pending_imports
		WHERE committee_id = $1 AND user_id = $2 AND expires_at > now() ORDER BY created_at DESC, id DESC`, committeeID, userID)
	if err != nil {
		return nil, fmt.Errorf("postgres: pending imports: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*PendingImport, error) {
		var p PendingImport
		return &p, r.Scan(&p.ID, &p.Token, &p.CommitteeID, &p.UserID, &p.Filename, &p.CreatedAt, &p.ExpiresAt)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: pending imports: %w", err)
	}
	return list, nil
}
