package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

const declarationColumns = `x.id, x.item_id, x.person_id, p.name, x.nature, x.effect, x.version`

func scanDeclaration(row pgx.Row) (mb.Declaration, error) {
	var d mb.Declaration
	var effect string
	err := row.Scan(&d.ID, &d.ItemID, &d.PersonID, &d.PersonName, &d.Nature, &effect, &d.Version)
	d.Effect = mb.DeclarationEffect(effect)
	return d, err
}

// itemDeclarationColumns and itemDeclarationsFrom read an item's
// declarations in its own row, in arrays, so that a meeting's items and
// the interests declared in them are one statement (see Items).
const itemDeclarationColumns = `coalesce(x.ids, '{}'), coalesce(x.people, '{}'), coalesce(x.names, '{}'),
	coalesce(x.natures, '{}'), coalesce(x.effects, '{}'), coalesce(x.versions, '{}')`

const itemDeclarationsFrom = `
	LEFT JOIN LATERAL (
		SELECT array_agg(d.id ORDER BY d.position) AS ids, array_agg(d.person_id ORDER BY d.position) AS people,
		       array_agg(p.name ORDER BY d.position) AS names, array_agg(d.nature ORDER BY d.position) AS natures,
		       array_agg(d.effect ORDER BY d.position) AS effects, array_agg(d.version ORDER BY d.position) AS versions
		FROM declarations d JOIN people p ON p.id = d.person_id WHERE d.item_id = i.id) x ON true`

// scanItemDeclared reads an item row with its declarations.
func scanItemDeclared(row pgx.Row) (*mb.Item, error) {
	var ids, people []int64
	var names, natures, effects []string
	var versions []int
	it, err := scanItem(row, &ids, &people, &names, &natures, &effects, &versions)
	if err != nil {
		return nil, err
	}
	for i := range ids {
		it.Declarations = append(it.Declarations, mb.Declaration{ID: ids[i], ItemID: it.ID, PersonID: people[i], PersonName: names[i],
			Nature: natures[i], Effect: mb.DeclarationEffect(effects[i]), Version: versions[i]})
	}
	return it, nil
}

// declarationsAt reads the interests declared in the meeting's items, in
// each item's order.
func declarationsAt(ctx context.Context, q querier, meetingID int64) ([]mb.Declaration, error) {
	rows, err := q.Query(ctx, `SELECT `+declarationColumns+` FROM declarations x
		JOIN agenda_items i ON i.id = x.item_id JOIN people p ON p.id = x.person_id
		WHERE i.meeting_id = $1 ORDER BY x.item_id, x.position`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: declarations at %d: %w", meetingID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.Declaration, error) { return scanDeclaration(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: declarations at %d: %w", meetingID, err)
	}
	return list, nil
}

// Declaration returns the declaration with the id.
func (s *Store) Declaration(ctx context.Context, id int64) (*mb.Declaration, error) {
	d, err := scanDeclaration(s.pool.QueryRow(ctx, `SELECT `+declarationColumns+` FROM declarations x
		JOIN people p ON p.id = x.person_id WHERE x.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: declaration %d: %w", id, notFound(err, "There is no such declaration."))
	}
	return &d, nil
}

var declarationConstraints = map[string]*mb.Error{
	"declarations_once_per_item": {Code: mb.EINVALID, Message: "This person has already declared an interest in this item: edit that declaration instead.",
		Fields: map[string]string{"person": "This person has already declared an interest in this item: edit that declaration instead."}},
}

// CreateDeclaration records an interest declared in its item by someone
// recorded at the meeting, after the item's other declarations.
func (s *Store) CreateDeclaration(ctx context.Context, d *mb.Declaration) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		it, m, err := lockItem(ctx, tx, d.ItemID)
		if err != nil {
			return err
		}
		if err := checkDeclaration(ctx, tx, m, it, d); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `INSERT INTO declarations (item_id, person_id, nature, effect, position)
			VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position), 0) + 1 FROM declarations WHERE item_id = $1))
			RETURNING id, version`, d.ItemID, d.PersonID, d.Nature, string(d.Effect)).Scan(&d.ID, &d.Version); err != nil {
			return err
		}
		return audit(ctx, tx, "declaration", d.ID, &m.CommitteeID, "create", "Recorded at "+m.ShortName()+", item "+it.Number+": "+d.Sentence())
	})
	return storeError(err, declarationConstraints, "create declaration")
}

// UpdateDeclaration saves a declaration when its stored version is still
// d.Version.
func (s *Store) UpdateDeclaration(ctx context.Context, d *mb.Declaration) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, it, m, err := lockDeclaration(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		if before.Version != d.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this declaration while you were editing it.")
		}
		d.ItemID = before.ItemID
		if err := checkDeclaration(ctx, tx, m, it, d); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE declarations SET person_id = $2, nature = $3, effect = $4, version = version + 1, updated_at = now()
			WHERE id = $1 RETURNING version`, d.ID, d.PersonID, d.Nature, string(d.Effect)).Scan(&d.Version); err != nil {
			return err
		}
		return audit(ctx, tx, "declaration", d.ID, &m.CommitteeID, "update", "Changed a declaration at "+m.ShortName()+" from “"+
			before.Sentence()+"” to “"+d.Sentence()+"”")
	})
	return storeError(err, declarationConstraints, "update declaration")
}

// DeleteDeclaration removes a declaration from editable minutes.
func (s *Store) DeleteDeclaration(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		d, _, m, err := lockDeclaration(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM declarations WHERE id = $1`, id); err != nil {
			return err
		}
		return audit(ctx, tx, "declaration", id, &m.CommitteeID, "delete", "Deleted from "+m.ShortName()+": "+d.Sentence())
	})
	return storeError(err, declarationConstraints, "delete declaration")
}

// lockDeclaration reads a declaration under lock with its item and its
// editable meeting.
func lockDeclaration(ctx context.Context, tx pgx.Tx, id int64) (*mb.Declaration, *mb.Item, *mb.Meeting, error) {
	var itemID int64
	if err := tx.QueryRow(ctx, `SELECT item_id FROM declarations WHERE id = $1`, id).Scan(&itemID); err != nil {
		return nil, nil, nil, notFound(err, "There is no such declaration.")
	}
	it, m, err := lockItem(ctx, tx, itemID)
	if err != nil {
		return nil, nil, nil, err
	}
	d, err := scanDeclaration(tx.QueryRow(ctx, `SELECT `+declarationColumns+` FROM declarations x
		JOIN people p ON p.id = x.person_id WHERE x.id = $1 FOR UPDATE OF x`, id))
	if err != nil {
		return nil, nil, nil, notFound(err, "There is no such declaration.")
	}
	return &d, it, m, nil
}

// checkDeclaration validates d, names its person, and refuses a person not
// recorded present at the meeting, and a declaration that would make a
// vote already recorded in the item count someone who may not vote.
func checkDeclaration(ctx context.Context, tx pgx.Tx, m *mb.Meeting, it *mb.Item, d *mb.Declaration) error {
	if err := d.Validate(); err != nil {
		return err
	}
	itemNumber(ctx, tx, it)
	var status string
	err := tx.QueryRow(ctx, `SELECT p.name, coalesce(a.status, '') FROM people p
		LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = $2 WHERE p.id = $1`, d.PersonID, m.ID).Scan(&d.PersonName, &status)
	if err != nil {
		return notFound(err, "There is no such person.")
	}
	if status != string(mb.Present) && status != string(mb.Part) {
		msg := d.PersonName + " is not recorded present at " + m.ShortName() + ": record the attendance first, then the declaration."
		return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"person": msg}}
	}
	return recheckVotes(ctx, tx, m, it, []mb.Declaration{*d})
}

// itemNumber is the item's number in its minutes ("5.1"), for messages.
func itemNumber(ctx context.Context, tx querier, it *mb.Item) string {
	var n string
	err := tx.QueryRow(ctx, `
		SELECT CASE WHEN i.parent_id IS NULL THEN (SELECT count(*) FROM agenda_items s WHERE s.meeting_id = i.meeting_id AND s.parent_id IS NULL AND s.position <= i.position)::text
		       ELSE (SELECT count(*) FROM agenda_items s WHERE s.meeting_id = i.meeting_id AND s.parent_id IS NULL AND s.position <= p.position)::text
		            || '.' || (SELECT count(*) FROM agenda_items s WHERE s.parent_id = i.parent_id AND s.position <= i.position)::text END
		FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id WHERE i.id = $1`, it.ID).Scan(&n)
	if err != nil {
		return fmt.Sprint(it.Position)
	}
	it.Number = n
	return n
}
