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

const personColumns = `p.id, p.name, coalesce(p.initials, ''), coalesce(p.email, ''), p.organisation_id, coalesce(o.name, ''), p.created_at`

func scanPerson(row pgx.Row) (*mb.Person, error) {
	var p mb.Person
	err := row.Scan(&p.ID, &p.Name, &p.Initials, &p.Email, &p.OrganisationID, &p.OrganisationName, &p.CreatedAt)
	return &p, err
}

// Person returns the person with the id.
func (s *Store) Person(ctx context.Context, id int64) (*mb.Person, error) {
	p, err := scanPerson(s.pool.QueryRow(ctx, `SELECT `+personColumns+` FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: person %d: %w", id, notFound(err, "There is no such person."))
	}
	return p, nil
}

// People returns everyone, by name.
func (s *Store) People(ctx context.Context) ([]*mb.Person, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+personColumns+` FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id ORDER BY lower(p.name), p.id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: people: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Person, error) { return scanPerson(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: people: %w", err)
	}
	return list, nil
}

// CreatePerson stores a new person.
func (s *Store) CreatePerson(ctx context.Context, p *mb.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var email *string
	if p.Email != "" {
		e := mb.NormalizeEmail(p.Email)
		email = &e
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error { return insertPerson(ctx, tx, p, email) })
	if e := constraintError(err, map[string]*mb.Error{
		"people_email_key": {Code: mb.ECONFLICT, Message: "Another person already has that email address.",
			Fields: map[string]string{"email": "Another person already has that email address."}},
	}); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: create person: %w", err)
	}
	return nil
}

// insertPerson stores a validated person within tx.
func insertPerson(ctx context.Context, tx pgx.Tx, p *mb.Person, email *string) error {
	if err := tx.QueryRow(ctx, `INSERT INTO people (name, initials, email, organisation_id) VALUES ($1, nullif($2, ''), $3, $4) RETURNING id, created_at`,
		p.Name, p.Initials, email, p.OrganisationID).Scan(&p.ID, &p.CreatedAt); err != nil {
		return err
	}
	return audit(ctx, tx, "person", p.ID, nil, "create", "Created person "+p.Name)
}
