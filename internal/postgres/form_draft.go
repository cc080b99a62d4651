package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// SaveFormDraft keeps the user's draft of the form at path, replacing the one
// kept before. A draft is the user's alone: it is never audited, shown to
// anyone else or saved into the minutes.
func (s *Store) SaveFormDraft(ctx context.Context, userID int64, path string, fields map[string][]string) error {
	body, err := draftFields(fields)
	if err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, `
		INSERT INTO form_drafts (user_id, path, fields) VALUES ($1, $2, $3)
		ON CONFLICT (user_id, path) DO UPDATE SET fields = EXCLUDED.fields, saved_at = now()`, userID, path, body)
	if err != nil {
		return fmt.Errorf("postgres: save draft of %s: %w", path, err)
	}
	return nil
}

// draftFields encodes a form's fields, refusing more than a draft may hold.
func draftFields(fields map[string][]string) ([]byte, error) {
	body, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	if len(body) > mb.DraftLimit {
		return nil, mb.Errorf(mb.EINVALID, "The form is too large to keep as a draft.")
	}
	return body, nil
}

// FormDraft returns the user's draft of the form at path.
func (s *Store) FormDraft(ctx context.Context, userID int64, path string) (*mb.FormDraft, error) {
	d := &mb.FormDraft{Path: path}
	var body []byte
	err := s.pool.QueryRow(ctx, `SELECT fields, saved_at FROM form_drafts WHERE user_id = $1 AND path = $2`, userID, path).Scan(&body, &d.SavedAt)
	if err != nil {
		return nil, fmt.Errorf("postgres: draft of %s: %w", path, notFound(err, "There is no draft of that form."))
	}
	if err := json.Unmarshal(body, &d.Fields); err != nil {
		return nil, fmt.Errorf("postgres: draft of %s: %w", path, err)
	}
	return d, nil
}

// DiscardFormDraft throws away the user's draft of the form at path, if any:
// when they discard it, and when the form is saved.
func (s *Store) DiscardFormDraft(ctx context.Context, userID int64, path string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM form_drafts WHERE user_id = $1 AND path = $2`, userID, path); err != nil {
		return fmt.Errorf("postgres: discard draft of %s: %w", path, err)
	}
	return nil
}

// KeepSubmission keeps a form posted after its sender's session ended,
// under the hash of the secret its browser holds, until expires; it clears
// out the kept submissions whose time is up.
func (s *Store) KeepSubmission(ctx context.Context, secret, path string, fields map[string][]string, expires time.Time) error {
	body, err := draftFields(fields)
	if err != nil {
		return err
	}
	if _, err := s.pool.Exec(ctx, `
		WITH gone AS (DELETE FROM kept_submissions WHERE expires_at < now())
		INSERT INTO kept_submissions (token_hash, path, fields, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash(secret), path, body, expires); err != nil {
		return fmt.Errorf("postgres: keep submission to %s: %w", path, err)
	}
	return nil
}

// TakeKeptSubmission returns the submission kept under the secret, if its
// time is not up at now, and forgets it: a kept submission completes once.
func (s *Store) TakeKeptSubmission(ctx context.Context, secret string, now time.Time) (*mb.KeptSubmission, error) {
	k := &mb.KeptSubmission{}
	var body []byte
	err := s.pool.QueryRow(ctx, `DELETE FROM kept_submissions WHERE token_hash = $1 AND expires_at > $2 RETURNING path, fields, kept_at`,
		tokenHash(secret), now).Scan(&k.Path, &body, &k.KeptAt)
	if err != nil {
		return nil, fmt.Errorf("postgres: kept submission: %w", notFound(err, "The kept form is no longer kept."))
	}
	if err := json.Unmarshal(body, &k.Fields); err != nil {
		return nil, fmt.Errorf("postgres: kept submission: %w", err)
	}
	return k, nil
}
