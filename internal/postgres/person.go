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
