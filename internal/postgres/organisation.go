package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Organisations returns every organisation by name.
func (s *Store) Organisations(ctx context.Context) ([]mb.Organisation, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, name, created_at FROM organisations ORDER BY lower(name)`)
	if err != nil {
		return nil, fmt.Errorf("postgres: organisations: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.Organisation, error) {
		var o mb.Organisation
		return o, r.Scan(&o.ID, &o.Name, &o.CreatedAt)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: organisations: %w", err)
	}
	return list, nil
}

// EnsureOrganisation returns the organisation with the name (compared without
// case), creating it when there is none.
func (s *Store) EnsureOrganisation(ctx context.Context, name string) (*mb.Organisation, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return nil, &mb.Error{Code: mb.EINVALID, Message: "Enter the organisation's name.", Fields: map[string]string{"organisation": "Enter the organisation's name."}}
	}
	var o *mb.Organisation
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		o, _, err = ensureOrganisation(ctx, tx, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: ensure organisation %q: %w", name, err)
	}
	return o, nil
}

// ensureOrganisation returns the organisation named name (compared without
// case; name already tidied), creating it within tx when there is none, and
// reports whether it did.
func ensureOrganisation(ctx context.Context, tx pgx.Tx, name string) (*mb.Organisation, bool, error) {
	var o mb.Organisation
	err := tx.QueryRow(ctx, `SELECT id, name, created_at FROM organisations WHERE lower(name) = lower($1)`, name).Scan(&o.ID, &o.Name, &o.CreatedAt)
	if err == nil {
		return &o, false, nil
	}
	if err != pgx.ErrNoRows {
		return nil, false, err
	}
	err = tx.QueryRow(ctx, `INSERT INTO organisations (name) VALUES ($1)
		ON CONFLICT (lower(name)) DO UPDATE SET name = organisations.name
		RETURNING id, name, created_at`, name).Scan(&o.ID, &o.Name, &o.CreatedAt)
	if err != nil {
		return nil, false, err
	}
	return &o, true, audit(ctx, tx, "organisation", o.ID, nil, "create", "Created organisation "+o.Name)
}
