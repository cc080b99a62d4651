package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

const membershipColumns = `
	cm.id, cm.committee_id, c.code, cm.person_id, p.name, coalesce(o.name, ''), cm.role,
	coalesce(cm.category, ''), cm.alternate_for, coalesce(a.name, ''), cm.starts_on, cm.ends_on`

const membershipFrom = `
	FROM committee_memberships cm
	JOIN committees c ON c.id = cm.committee_id
	JOIN people p ON p.id = cm.person_id
	LEFT JOIN organisations o ON o.id = p.organisation_id
	LEFT JOIN people a ON a.id = cm.alternate_for
	LEFT JOIN committee_categories cc ON cc.committee_id = cm.committee_id AND cc.name = cm.category`

func scanMembership(row pgx.Row) (*mb.Membership, error) {
	var m mb.Membership
	var role string
	err := row.Scan(&m.ID, &m.CommitteeID, &m.CommitteeCode, &m.PersonID, &m.PersonName, &m.OrganisationName,
		&role, &m.Category, &m.AlternateForID, &m.AlternateForName, &m.From, &m.To)
	m.Role = mb.MemberRole(role)
	return &m, err
}

// Memberships returns the memberships matching f, ordered as a roster reads:
// by committee, role (chair, members, secretariat), category order, name.
func (s *Store) Memberships(ctx context.Context, f mb.MembershipFilter) ([]*mb.Membership, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+membershipColumns+membershipFrom+`
		WHERE ($1::bigint IS NULL OR cm.committee_id = $1)
		  AND ($2::bigint IS NULL OR cm.person_id = $2)
		  AND ($3::date IS NULL OR (cm.starts_on <= $3 AND (cm.ends_on IS NULL OR cm.ends_on >= $3)))
		ORDER BY c.code, CASE cm.role WHEN 'chair' THEN 0 WHEN 'member' THEN 1 ELSE 2 END,
		         cc.position NULLS LAST, lower(p.name), cm.id`,
		f.CommitteeID, f.PersonID, f.ActiveOn)
	if err != nil {
		return nil, fmt.Errorf("postgres: memberships: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Membership, error) { return scanMembership(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: memberships: %w", err)
	}
	return list, nil
}

var membershipConstraints = map[string]*mb.Error{
	"committee_memberships_committee_id_category_fkey": {Code: mb.EINVALID, Message: "Choose one of the committee's categories.",
		Fields: map[string]string{"category": "Choose one of the committee's categories."}},
	"committee_memberships_person_id_fkey": {Code: mb.EINVALID, Message: "Choose an existing person.",
		Fields: map[string]string{"person": "Choose an existing person."}},
	"committee_memberships_alternate_for_fkey": {Code: mb.EINVALID, Message: "Choose an existing person to stand in for.",
		Fields: map[string]string{"alternate_for": "Choose an existing person to stand in for."}},
}

// CreateMembership seats a person on a committee.
func (s *Store) CreateMembership(ctx context.Context, m *mb.Membership) error {
	if err := m.Validate(); err != nil {
		return err
	}
	var category *string
	if m.Category != "" {
		category = &m.Category
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO committee_memberships (committee_id, person_id, role, category, alternate_for, starts_on, ends_on)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			m.CommitteeID, m.PersonID, string(m.Role), category, m.AlternateForID, m.From, m.To).Scan(&m.ID)
		if err != nil {
			return err
		}
		var who, code string
		if err := tx.QueryRow(ctx, `SELECT p.name, c.code FROM people p, committees c WHERE p.id = $1 AND c.id = $2`,
			m.PersonID, m.CommitteeID).Scan(&who, &code); err != nil {
			return err
		}
		return audit(ctx, tx, "membership", m.ID, &m.CommitteeID, "create",
			fmt.Sprintf("Seated %s on %s as %s%s from %s", who, code, m.Role.Label(), categorySuffix(m.Category), m.From.Format(time.DateOnly)))
	})
	if e := constraintError(err, membershipConstraints); e != nil {
		return e
	}
	if err != nil {
		return fmt.Errorf("postgres: create membership: %w", err)
	}
	return nil
}

// EndMembership closes a membership on the day given.
func (s *Store) EndMembership(ctx context.Context, id int64, on time.Time) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := scanMembership(tx.QueryRow(ctx, `SELECT `+membershipColumns+membershipFrom+` WHERE cm.id = $1 FOR UPDATE OF cm`, id))
		if err != nil {
			return notFound(err, "There is no such membership.")
		}
		if on.Before(m.From) {
			return &mb.Error{Code: mb.EINVALID, Message: "A membership cannot end before it starts.",
				Fields: map[string]string{"to": "A membership cannot end before it starts."}}
		}
		if _, err := tx.Exec(ctx, `UPDATE committee_memberships SET ends_on = $2 WHERE id = $1`, id, on); err != nil {
			return err
		}
		return audit(ctx, tx, "membership", id, &m.CommitteeID, "end",
			fmt.Sprintf("Ended %s's seat on %s on %s", m.PersonName, m.CommitteeCode, on.Format(time.DateOnly)))
	})
	if err != nil {
		return fmt.Errorf("postgres: end membership %d: %w", id, err)
	}
	return nil
}

func categorySuffix(c string) string {
	if c == "" {
		return ""
	}
	return " (" + c + ")"
}
