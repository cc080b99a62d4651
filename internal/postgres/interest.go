package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Interests returns the committee's register of interests: its members'
// standing declarations, current and ended, by member and then newest first.
func (s *Store) Interests(ctx context.Context, committeeID int64) ([]*mb.Interest, error) {
	rows, err := s.pool.Query(ctx, `
		SELECT x.id, x.committee_id, x.person_id, p.name, coalesce(o.name, ''), x.nature, x.starts_on, x.ends_on
		FROM standing_interests x JOIN people p ON p.id = x.person_id LEFT JOIN organisations o ON o.id = p.organisation_id
		WHERE x.committee_id = $1
		ORDER BY lower(p.name), x.ends_on IS NOT NULL, x.starts_on DESC, x.id`, committeeID)
	if err != nil {
		return nil, fmt.Errorf("postgres: interests of %d: %w", committeeID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Interest, error) {
		var i mb.Interest
		return &i, r.Scan(&i.ID, &i.CommitteeID, &i.PersonID, &i.PersonName, &i.OrganisationName, &i.Nature, &i.From, &i.To)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: interests of %d: %w", committeeID, err)
	}
	return list, nil
}

// CreateInterest adds a standing declaration to the committee's register
// for a person who sits on the committee on the day it starts.
func (s *Store) CreateInterest(ctx context.Context, i *mb.Interest) error {
	if err := i.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var code string
		var seated bool
		if err := tx.QueryRow(ctx, `SELECT c.code, p.name, EXISTS (SELECT 1 FROM committee_memberships cm
			WHERE cm.committee_id = c.id AND cm.person_id = p.id AND cm.starts_on <= $3 AND (cm.ends_on IS NULL OR cm.ends_on >= $3))
			FROM committees c, people p WHERE c.id = $1 AND p.id = $2`, i.CommitteeID, i.PersonID, i.From).Scan(&code, &i.PersonName, &seated); err != nil {
			return notFound(err, "There is no such member.")
		}
		if !seated {
			msg := fmt.Sprintf("%s does not sit on %s on %s: the register holds its members' interests.", i.PersonName, code, i.From.Format("2 January 2006"))
			return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"person": msg}}
		}
		if err := tx.QueryRow(ctx, `INSERT INTO standing_interests (committee_id, person_id, nature, starts_on, ends_on)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, i.CommitteeID, i.PersonID, i.Nature, i.From, i.To).Scan(&i.ID); err != nil {
			return err
		}
		return audit(ctx, tx, "interest", i.ID, &i.CommitteeID, "create", "Added to the "+code+" register of interests: "+i.PersonName+": "+i.Nature)
	})
	return storeError(err, nil, "create interest")
}

// EndInterest ends a current standing declaration of the committee on day.
func (s *Store) EndInterest(ctx context.Context, committeeID, id int64, day time.Time) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var name, nature string
		var from time.Time
		var to *time.Time
		if err := tx.QueryRow(ctx, `SELECT p.name, x.nature, x.starts_on, x.ends_on FROM standing_interests x JOIN people p ON p.id = x.person_id
			WHERE x.id = $1 AND x.committee_id = $2 FOR UPDATE OF x`, id, committeeID).Scan(&name, &nature, &from, &to); err != nil {
			return notFound(err, "There is no such interest in the register.")
		}
		if to != nil {
			return mb.Errorf(mb.ECONFLICT, "This interest already ended on %s.", to.Format("2 January 2006"))
		}
		if day.Before(from) {
			day = from
		}
		if _, err := tx.Exec(ctx, `UPDATE standing_interests SET ends_on = $2 WHERE id = $1`, id, day); err != nil {
			return err
		}
		return audit(ctx, tx, "interest", id, &committeeID, "end", "Ended in the register of interests on "+day.Format("2 January 2006")+": "+name+": "+nature)
	})
	return storeError(err, nil, "end interest")
}
