package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ofCommittee is the SQL condition that person p belongs to committee $1:
// they hold a seat on it, were recorded at one of its meetings, or own one
// of its actions. Its secretariat may put such people right (issue 15).
const ofCommittee = `(EXISTS (SELECT 1 FROM committee_memberships cm WHERE cm.person_id = p.id AND cm.committee_id = $1)
	OR EXISTS (SELECT 1 FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = p.id AND m.committee_id = $1)
	OR EXISTS (SELECT 1 FROM actions x WHERE x.owner_person_id = p.id AND x.committee_id = $1))`

// CommitteePeople returns the committee's people (see ofCommittee), by name.
func (s *Store) CommitteePeople(ctx context.Context, committeeID int64) ([]*mb.Person, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+personColumns+` FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
		WHERE `+ofCommittee+` ORDER BY lower(p.name), p.id`, committeeID)
	if err != nil {
		return nil, fmt.Errorf("postgres: committee people: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Person, error) { return scanPerson(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: committee people: %w", err)
	}
	return list, nil
}

// CommitteePerson returns the person with the id when they are one of the
// committee's people; anyone else is not found.
func (s *Store) CommitteePerson(ctx context.Context, committeeID, id int64) (*mb.Person, error) {
	p, err := scanPerson(s.pool.QueryRow(ctx, `SELECT `+personColumns+` FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
		WHERE p.id = $2 AND `+ofCommittee, committeeID, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: committee person %d: %w", id, notFound(err, "There is no such person among the committee's people."))
	}
	return p, nil
}

// UpdatePerson changes a person's name, initials and organisation, named by
// organisation (created when new; "" for none), audited under the
// committee whose secretariat made the change.
func (s *Store) UpdatePerson(ctx context.Context, p *mb.Person, organisation string, committeeID int64) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, err := scanPerson(tx.QueryRow(ctx, `SELECT `+personColumns+` FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
			WHERE p.id = $1 FOR UPDATE OF p`, p.ID))
		if err != nil {
			return notFound(err, "There is no such person.")
		}
		p.OrganisationID, p.OrganisationName = nil, ""
		if name := strings.Join(strings.Fields(organisation), " "); name != "" {
			o, _, err := ensureOrganisation(ctx, tx, name)
			if err != nil {
				return err
			}
			p.OrganisationID, p.OrganisationName = &o.ID, o.Name
		}
		if _, err := tx.Exec(ctx, `UPDATE people SET name = $2, initials = nullif($3, ''), organisation_id = $4 WHERE id = $1`,
			p.ID, p.Name, p.Initials, p.OrganisationID); err != nil {
			return err
		}
		var c changeList
		c.add("name", before.Name, p.Name)
		c.add("initials", before.Initials, p.Initials)
		c.add("organisation", before.OrganisationName, p.OrganisationName)
		return audit(ctx, tx, "person", p.ID, &committeeID, "update", "Updated "+p.Name+": "+c.String())
	})
	if err != nil {
		return storeError(err, personConstraints, "update person")
	}
	return nil
}

var personConstraints = map[string]*mb.Error{
	"people_initials_check": {Code: mb.EINVALID, Message: "Enter initials as the minutes write them, such as JK.",
		Fields: map[string]string{"initials": "Enter initials as the minutes write them, such as JK."}},
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
