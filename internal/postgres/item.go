package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

var itemColumns = `i.id, i.meeting_id, i.parent_id, i.position, i.title, i.minute, coalesce(i.classification, ''), i.placement, i.version, i.created_at, i.updated_at, ` +
	accessColumns("i")

// scanItem reads an item row; extra are the destinations of columns the
// statement reads after itemColumns.
func scanItem(row pgx.Row, extra ...any) (*mb.Item, error) {
	var it mb.Item
	var class, placement string
	var ac accessScan
	err := row.Scan(append(append([]any{&it.ID, &it.MeetingID, &it.ParentID, &it.Position, &it.Title, &it.Minute, &class, &placement, &it.Version, &it.CreatedAt, &it.UpdatedAt}, ac.dest()...), extra...)...)
	if err != nil {
		return nil, err
	}
	it.Placement = mb.Placement(placement)
	it.Access = ac.access()
	if class != "" {
		if it.Classification, err = mb.ParseClassification(class); err != nil {
			return nil, err
		}
	}
	return &it, nil
}

func classificationOrNil(c mb.Classification) *string {
	if c == 0 {
		return nil
	}
	s := c.String()
	return &s
}

// Items returns the meeting's agenda items as a numbered tree, each with its
// decisions and the actions it raised, in order.
func (s *Store) Items(ctx context.Context, meetingID int64) ([]*mb.Item, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+itemColumns+`, `+itemDeclarationColumns+` FROM agenda_items i`+itemDeclarationsFrom+`
		WHERE i.meeting_id = $1 ORDER BY i.parent_id NULLS FIRST, i.position`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: items of %d: %w", meetingID, err)
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Item, error) { return scanItemDeclared(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: items of %d: %w", meetingID, err)
	}
	byID := map[int64]*mb.Item{}
	var top []*mb.Item
	for _, it := range all {
		byID[it.ID] = it
		if it.ParentID == nil {
			top = append(top, it)
		} else if p := byID[*it.ParentID]; p != nil {
			p.Children = append(p.Children, it)
		}
	}
	mb.NumberItems(top)
	decisions, err := s.pool.Query(ctx, `SELECT `+decisionColumns+decisionFrom+`
		JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = $1 ORDER BY d.position, d.id`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: decisions of %d: %w", meetingID, err)
	}
	ds, err := pgx.CollectRows(decisions, func(r pgx.CollectableRow) (*mb.Decision, error) { return scanDecision(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: decisions of %d: %w", meetingID, err)
	}
	for _, d := range ds {
		if it := byID[d.ItemID]; it != nil {
			it.Decisions = append(it.Decisions, *d)
		}
	}
	for _, it := range all {
		for i := range it.Declarations {
			it.Declarations[i].ItemNumber = it.Number
		}
	}
	actions, err := s.ActionsRaisedAt(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		if a.ItemID != nil && byID[*a.ItemID] != nil {
			it := byID[*a.ItemID]
			it.Actions = append(it.Actions, *a)
		}
	}
	return top, nil
}

// Item returns the agenda item with the id, without its decisions.
func (s *Store) Item(ctx context.Context, id int64) (*mb.Item, error) {
	it, err := scanItem(s.pool.QueryRow(ctx, `SELECT `+itemColumns+` FROM agenda_items i WHERE i.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: item %d: %w", id, notFound(err, "There is no such agenda item."))
	}
	return it, nil
}

// ItemPlace returns the item's number in its minutes ("5", "5.1") and its
// parent's id, from the positions, which every write keeps dense.
func (s *Store) ItemPlace(ctx context.Context, id int64) (string, *int64, error) {
	var number string
	var parent *int64
	err := s.pool.QueryRow(ctx, `SELECT CASE WHEN p.id IS NULL THEN i.position::text ELSE p.position || '.' || i.position END, i.parent_id
		FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id WHERE i.id = $1`, id).Scan(&number, &parent)
	if err != nil {
		return "", nil, fmt.Errorf("postgres: place of item %d: %w", id, notFound(err, "There is no such agenda item."))
	}
	return number, parent, nil
}

var itemConstraints = map[string]*mb.Error{
	"minutes_locked": lockedConstraints["minutes_locked"],
	"meetings_approval_decision_fkey": {Code: mb.ECONFLICT,
		Message: "This item holds the decision that approved an earlier meeting's minutes, so it cannot be deleted."},
}

// CreateItem adds an item at the end of the meeting's items, or of its
// parent's sub-items when it.ParentID is set.
func (s *Store) CreateItem(ctx context.Context, it *mb.Item) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockEditable(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		return insertItem(ctx, tx, m, it)
	})
	return storeError(err, itemConstraints, "create item")
}

// insertItem adds it at the end of its siblings in m, locked and editable
// within tx.
func insertItem(ctx context.Context, tx pgx.Tx, m *mb.Meeting, it *mb.Item) error {
	if err := it.Validate(m.Classification); err != nil {
		return err
	}
	if it.ParentID != nil {
		var parentOfParent *int64
		err := tx.QueryRow(ctx, `SELECT parent_id FROM agenda_items WHERE id = $1 AND meeting_id = $2`, *it.ParentID, m.ID).Scan(&parentOfParent)
		if err != nil {
			return notFound(err, "There is no such parent item in this meeting.")
		}
		if parentOfParent != nil {
			return &mb.Error{Code: mb.EINVALID, Message: "Items nest one level only: a sub-item cannot hold sub-items.",
				Fields: map[string]string{"parent": "Choose a top-level item."}}
		}
	}
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(position), 0) + 1 FROM agenda_items
		WHERE meeting_id = $1 AND parent_id IS NOT DISTINCT FROM $2`, m.ID, it.ParentID).Scan(&it.Position); err != nil {
		return err
	}
	it.MeetingID = m.ID
	if err := tx.QueryRow(ctx, `INSERT INTO agenda_items (meeting_id, parent_id, position, title, minute, classification, placement)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, version, created_at, updated_at`,
		m.ID, it.ParentID, it.Position, it.Title, it.Minute, classificationOrNil(it.Classification), string(it.Placement),
	).Scan(&it.ID, &it.Version, &it.CreatedAt, &it.UpdatedAt); err != nil {
		return err
	}
	return audit(ctx, tx, "item", it.ID, &m.CommitteeID, "create", "Added item “"+it.Title+"” to "+m.ShortName())
}

// storeError maps constraint violations, keeps domain errors and wraps the rest.
func storeError(err error, constraints map[string]*mb.Error, what string) error {
	if err == nil {
		return nil
	}
	if e := constraintError(err, constraints); e != nil {
		return e
	}
	if e := constraintError(err, lockedConstraints); e != nil {
		return e
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}

// lockItem reads an item under lock together with its editable meeting.
func lockItem(ctx context.Context, tx pgx.Tx, id int64) (*mb.Item, *mb.Meeting, error) {
	var meetingID int64
	if err := tx.QueryRow(ctx, `SELECT meeting_id FROM agenda_items WHERE id = $1`, id).Scan(&meetingID); err != nil {
		return nil, nil, notFound(err, "There is no such agenda item.")
	}
	m, err := lockEditable(ctx, tx, meetingID)
	if err != nil {
		return nil, nil, err
	}
	it, err := scanItem(tx.QueryRow(ctx, `SELECT `+itemColumns+` FROM agenda_items i WHERE i.id = $1 FOR UPDATE`, id))
	if err != nil {
		return nil, nil, notFound(err, "There is no such agenda item.")
	}
	return it, m, nil
}

// UpdateItem saves an item's title, minute and classification when the
// stored version is still it.Version.
func (s *Store) UpdateItem(ctx context.Context, it *mb.Item) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, m, err := lockItem(ctx, tx, it.ID)
		if err != nil {
			return err
		}
		if before.Version != it.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this item while you were editing it.")
		}
		return updateItemRow(ctx, tx, m, before, it)
	})
	return storeError(err, itemConstraints, "update item")
}

// updateItemRow saves it's title, minute and classification over before,
// the same item read under lock within tx.
func updateItemRow(ctx context.Context, tx pgx.Tx, m *mb.Meeting, before, it *mb.Item) error {
	if err := it.Validate(m.Classification); err != nil {
		return err
	}
	if err := tx.QueryRow(ctx, `UPDATE agenda_items SET title = $2, minute = $3, classification = $4, placement = $5,
		version = version + 1, updated_at = now() WHERE id = $1 RETURNING version, updated_at`,
		it.ID, it.Title, it.Minute, classificationOrNil(it.Classification), string(it.Placement)).Scan(&it.Version, &it.UpdatedAt); err != nil {
		return err
	}
	it.MeetingID, it.ParentID, it.Position = before.MeetingID, before.ParentID, before.Position
	var c changeList
	c.add("title", before.Title, it.Title)
	c.add("minute", before.Minute, it.Minute)
	c.add("classification", classLabel(before.Classification), classLabel(it.Classification))
	c.add("decisions and actions", string(before.Placement)+" its sub-items", string(it.Placement)+" its sub-items")
	return audit(ctx, tx, "item", it.ID, &m.CommitteeID, "update", "Updated item of "+m.ShortName()+": "+c.String())
}

func classLabel(c mb.Classification) string {
	if c == 0 {
		return "as the document"
	}
	return c.String()
}

// The ways an item can move.
const (
	MoveUp   = "up"   // before its previous sibling
	MoveDown = "down" // after its next sibling
	MoveIn   = "in"   // beneath its previous sibling, as its last sub-item
	MoveOut  = "out"  // out of its parent, just after it
)

// MoveItem reorders or renests an item. Positions are rewritten in one
// transaction; numbers follow from them.
func (s *Store) MoveItem(ctx context.Context, id int64, direction string) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		it, m, err := lockItem(ctx, tx, id)
		if err != nil {
			return err
		}
		siblings, err := siblingIDs(ctx, tx, m.ID, it.ParentID)
		if err != nil {
			return err
		}
		at := indexOf(siblings, id)
		switch direction {
		case MoveUp, MoveDown:
			to := at - 1
			if direction == MoveDown {
				to = at + 1
			}
			if to < 0 || to >= len(siblings) {
				return mb.Errorf(mb.EINVALID, "The item is already %s.", map[string]string{MoveUp: "first", MoveDown: "last"}[direction])
			}
			siblings[at], siblings[to] = siblings[to], siblings[at]
			if err := setPositions(ctx, tx, siblings, it.ParentID); err != nil {
				return err
			}
		case MoveIn:
			if it.ParentID != nil {
				return mb.Errorf(mb.EINVALID, "Items nest one level only.")
			}
			if at == 0 {
				return mb.Errorf(mb.EINVALID, "The first item has no item above it to sit beneath.")
			}
			var children int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM agenda_items WHERE parent_id = $1`, id).Scan(&children); err != nil {
				return err
			}
			if children > 0 {
				return mb.Errorf(mb.EINVALID, "An item with sub-items cannot become a sub-item: items nest one level only.")
			}
			newParent := siblings[at-1]
			under, err := siblingIDs(ctx, tx, m.ID, &newParent)
			if err != nil {
				return err
			}
			// Under its new parent first, so that its old place is free.
			if err := setPositions(ctx, tx, append(under, id), &newParent); err != nil {
				return err
			}
			if err := setPositions(ctx, tx, append(siblings[:at:at], siblings[at+1:]...), nil); err != nil {
				return err
			}
		case MoveOut:
			if it.ParentID == nil {
				return mb.Errorf(mb.EINVALID, "The item is already a top-level item.")
			}
			parent := *it.ParentID
			top, err := siblingIDs(ctx, tx, m.ID, nil)
			if err != nil {
				return err
			}
			if err := setPositions(ctx, tx, append(siblings[:at:at], siblings[at+1:]...), &parent); err != nil {
				return err
			}
			p := indexOf(top, parent)
			top = append(top[:p+1:p+1], append([]int64{id}, top[p+1:]...)...)
			if err := setPositions(ctx, tx, top, nil); err != nil {
				return err
			}
		default:
			return mb.Errorf(mb.EINVALID, "Move an item up, down, in or out.")
		}
		return audit(ctx, tx, "item", id, &m.CommitteeID, "move", fmt.Sprintf("Moved item “%s” of %s %s", it.Title, m.ShortName(), direction))
	})
	return storeError(err, itemConstraints, "move item")
}

func siblingIDs(ctx context.Context, tx pgx.Tx, meetingID int64, parentID *int64) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT id FROM agenda_items WHERE meeting_id = $1 AND parent_id IS NOT DISTINCT FROM $2 ORDER BY position`, meetingID, parentID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

func indexOf(ids []int64, id int64) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

// setPositions places ids under parent in the order given. The top-level
// unique index is not deferrable, so every row first moves clear of the
// range in use, then into place.
func setPositions(ctx context.Context, tx pgx.Tx, ids []int64, parentID *int64) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE agenda_items SET position = position + 100000 WHERE id = ANY($1)`, ids); err != nil {
		return err
	}
	for i, id := range ids {
		if _, err := tx.Exec(ctx, `UPDATE agenda_items SET parent_id = $2, position = $3 WHERE id = $1`, id, parentID, i+1); err != nil {
			return err
		}
	}
	return nil
}

// DeleteItem removes an item of editable minutes with its sub-items,
// decisions and the actions it raised; the actions' numbers are not reused.
func (s *Store) DeleteItem(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		it, m, err := lockItem(ctx, tx, id)
		if err != nil {
			return err
		}
		return deleteItem(ctx, tx, m, it)
	})
	return storeError(err, itemConstraints, "delete item")
}

// deleteItem removes it, an item of m (locked and editable within tx), with
// its sub-items, decisions and the actions it raised, and closes the gap.
func deleteItem(ctx context.Context, tx pgx.Tx, m *mb.Meeting, it *mb.Item) error {
	if _, err := tx.Exec(ctx, `DELETE FROM actions WHERE item_id IN (SELECT id FROM agenda_items WHERE id = $1 OR parent_id = $1)`, it.ID); err != nil {
		return err
	}
	// Part attendance of the item (or its sub-items) no longer names it.
	if _, err := tx.Exec(ctx, `UPDATE attendance SET part_item_ids = ARRAY(
			SELECT x FROM unnest(part_item_ids) x WHERE x NOT IN (SELECT id FROM agenda_items WHERE id = $1 OR parent_id = $1))
		WHERE meeting_id = $2 AND part_item_ids && ARRAY(SELECT id FROM agenda_items WHERE id = $1 OR parent_id = $1)`, it.ID, m.ID); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM agenda_items WHERE id = $1`, it.ID); err != nil {
		return err
	}
	rest, err := siblingIDs(ctx, tx, m.ID, it.ParentID)
	if err != nil {
		return err
	}
	if err := setPositions(ctx, tx, rest, it.ParentID); err != nil {
		return err
	}
	return audit(ctx, tx, "item", it.ID, &m.CommitteeID, "delete", "Deleted item “"+it.Title+"” of "+m.ShortName())
}
