package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// PersonMerge says what merging one person into another moved.
type PersonMerge struct {
	Kept, Gone                               *mb.Person
	Attendances, Actions, Risks, Memberships int
	// Duplicates are the meetings both were recorded at: the kept
	// person's record stands, the other's goes.
	Duplicates int
}

// MergePeople makes two records of one person one (issue 15): everything
// recorded of gone (attendance, alternates, actions and risks owned,
// memberships, an account) moves to kept, which takes gone's initials,
// organisation and email where it has none; gone is then deleted. Both must
// be the committee's people; the merge is audited under the committee. Two
// accounts cannot be merged: one must be deactivated and its person kept
// apart.
func (s *Store) MergePeople(ctx context.Context, committeeID, keptID, goneID int64) (*PersonMerge, error) {
	if keptID == goneID {
		return nil, &mb.Error{Code: mb.EINVALID, Message: "Choose another person to merge with.", Fields: map[string]string{"into": "Choose another person to merge with."}}
	}
	res := &PersonMerge{}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		lock := func(id int64) (*mb.Person, error) {
			p, err := scanPerson(tx.QueryRow(ctx, `SELECT `+personColumns+` FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
				WHERE p.id = $2 AND `+ofCommittee+` FOR UPDATE OF p`, committeeID, id))
			return p, notFound(err, "There is no such person among the committee's people.")
		}
		var err error
		// Lock in id order, so that two merges of the same pair cannot deadlock.
		first, second := min(keptID, goneID), max(keptID, goneID)
		a, err := lock(first)
		if err != nil {
			return err
		}
		b, err := lock(second)
		if err != nil {
			return err
		}
		res.Kept, res.Gone = a, b
		if a.ID != keptID {
			res.Kept, res.Gone = b, a
		}
		var accounts int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE person_id IN ($1, $2)`, keptID, goneID).Scan(&accounts); err != nil {
			return err
		}
		if accounts > 1 {
			msg := fmt.Sprintf("%s and %s both have accounts: deactivate one of them and keep the two apart.", res.Kept.Name, res.Gone.Name)
			return &mb.Error{Code: mb.ECONFLICT, Message: msg, Fields: map[string]string{"into": msg}}
		}
		return mergeRows(ctx, tx, res, committeeID)
	})
	if err != nil {
		return nil, storeError(err, nil, "merge people")
	}
	return res, nil
}

func mergeRows(ctx context.Context, tx pgx.Tx, res *PersonMerge, committeeID int64) error {
	kept, gone := res.Kept.ID, res.Gone.ID
	count := func(n *int, sql string, args ...any) error {
		tag, err := tx.Exec(ctx, sql, args...)
		if n != nil {
			*n += int(tag.RowsAffected())
		}
		return err
	}
	// The meetings whose roll call changes, so that their version moves.
	if _, err := tx.Exec(ctx, `UPDATE meetings SET attendance_version = attendance_version + 1
		WHERE id IN (SELECT meeting_id FROM attendance WHERE person_id = $1 OR alternate_for = $1)`, gone); err != nil {
		return err
	}
	for _, step := range []struct {
		n   *int
		sql string
	}{
		{&res.Duplicates, `DELETE FROM attendance g USING attendance k WHERE g.person_id = $2 AND k.person_id = $1 AND k.meeting_id = g.meeting_id`},
		{&res.Attendances, `UPDATE attendance SET person_id = $1 WHERE person_id = $2`},
		{nil, `UPDATE attendance SET alternate_for = CASE WHEN person_id = $1 THEN NULL ELSE $1 END WHERE alternate_for = $2`},
		{&res.Actions, `UPDATE actions SET owner_person_id = $1, version = version + 1, updated_at = now() WHERE owner_person_id = $2`},
		{&res.Risks, `UPDATE risks SET owner_person_id = $1 WHERE owner_person_id = $2`},
		{&res.Memberships, `UPDATE committee_memberships SET person_id = $1 WHERE person_id = $2`},
		{nil, `UPDATE committee_memberships SET alternate_for = CASE WHEN person_id = $1 THEN NULL ELSE $1 END WHERE alternate_for = $2`},
		{nil, `UPDATE users SET person_id = $1 WHERE person_id = $2`},
	} {
		if err := count(step.n, step.sql, kept, gone); err != nil {
			return err
		}
	}
	var email *string
	if err := tx.QueryRow(ctx, `DELETE FROM people WHERE id = $1 RETURNING email`, gone).Scan(&email); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE people SET initials = coalesce(initials, $2), organisation_id = coalesce(organisation_id, $3),
		email = coalesce(email, $4) WHERE id = $1`, kept, nullIfEmpty(res.Gone.Initials), res.Gone.OrganisationID, email); err != nil {
		return err
	}
	summary := fmt.Sprintf("Merged %s (person %d) into %s: %s, %s and %s moved, %s owned",
		res.Gone.Name, gone, res.Kept.Name, mb.Plural(res.Attendances, "attendance"), mb.Plural(res.Memberships, "membership"),
		mb.Plural(res.Actions, "action"), mb.Plural(res.Risks, "risk"))
	if res.Duplicates > 0 {
		summary += fmt.Sprintf("; %s at meetings both attended dropped", mb.Plural(res.Duplicates, "record"))
	}
	if err := audit(ctx, tx, "person", kept, &committeeID, "merge", summary); err != nil {
		return err
	}
	return audit(ctx, tx, "person", gone, &committeeID, "delete", summary)
}

func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
