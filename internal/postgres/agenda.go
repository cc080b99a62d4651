package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AgendaState is a meeting's agenda without its contents: its status, when
// it was published and its latest revision. A meeting never published has
// a draft agenda.
func (s *Store) AgendaState(ctx context.Context, m *mb.Meeting) (*mb.Agenda, error) {
	a := &mb.Agenda{Meeting: m, Status: mb.AgendaDraft}
	var status string
	err := s.pool.QueryRow(ctx, `SELECT status, published_at, revision FROM agendas WHERE meeting_id = $1`, m.ID).
		Scan(&status, &a.PublishedAt, &a.Revision)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return a, nil
	case err != nil:
		return nil, fmt.Errorf("postgres: agenda of %d: %w", m.ID, err)
	}
	a.Status = mb.AgendaStatus(status)
	return a, nil
}

// agendaItemSelect reads the items with what the agenda says of them.
const agendaItemSelect = `SELECT i.id, i.meeting_id, i.parent_id, i.position, i.title, coalesce(i.classification, ''), i.version,
	coalesce(i.purpose, ''), i.presenter_person_id, i.presenter_organisation_id,
	coalesce(pp.name, ''), coalesce(o.name, po.name, ''), i.starts_at, coalesce(i.duration_minutes, 0),
	af.access_committee, af.access_meeting, af.access_stage, af.access_level
	FROM agenda_items i
	JOIN agenda_item_facts af ON af.id = i.id
	LEFT JOIN people pp ON pp.id = i.presenter_person_id
	LEFT JOIN organisations po ON po.id = pp.organisation_id
	LEFT JOIN organisations o ON o.id = i.presenter_organisation_id`

func scanAgendaItem(row pgx.Row) (*mb.AgendaItem, error) {
	ai := &mb.AgendaItem{Item: &mb.Item{}}
	it := ai.Item
	var class, purpose string
	var start pgtype.Time
	var facts accessScan
	err := row.Scan(append([]any{&it.ID, &it.MeetingID, &it.ParentID, &it.Position, &it.Title, &class, &it.Version,
		&purpose, &ai.Presenter.PersonID, &ai.Presenter.OrganisationID, &ai.Presenter.Name, &ai.Presenter.Organisation,
		&start, &ai.Duration}, facts.dest()...)...)
	if err != nil {
		return nil, err
	}
	ai.Access = facts.access()
	ai.Purpose, ai.Start = mb.Purpose(purpose), fromPgTime(start)
	if class != "" {
		if it.Classification, err = mb.ParseClassification(class); err != nil {
			return nil, err
		}
	}
	return ai, nil
}

// agendaItems reads the items of the meetings as numbered trees, by meeting.
func (s *Store) agendaItems(ctx context.Context, meetingIDs []int64) (map[int64][]*mb.AgendaItem, error) {
	rows, err := s.pool.Query(ctx, agendaItemSelect+` WHERE i.meeting_id = ANY($1) ORDER BY i.parent_id NULLS FIRST, i.position`, meetingIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: agenda items: %w", err)
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.AgendaItem, error) { return scanAgendaItem(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: agenda items: %w", err)
	}
	byID := map[int64]*mb.AgendaItem{}
	out := map[int64][]*mb.AgendaItem{}
	for _, ai := range all {
		byID[ai.Item.ID] = ai
		if ai.Item.ParentID == nil {
			out[ai.Item.MeetingID] = append(out[ai.Item.MeetingID], ai)
		} else if p := byID[*ai.Item.ParentID]; p != nil {
			p.Subs = append(p.Subs, ai)
			p.Item.Children = append(p.Item.Children, ai.Item)
		}
	}
	for _, top := range out {
		items := make([]*mb.Item, len(top))
		for i, ai := range top {
			items[i] = ai.Item
		}
		mb.NumberItems(items)
	}
	return out, nil
}

// Agenda returns the meeting's agenda: its state and revisions, its items
// with what the agenda says of each, and the papers of each item and of
// the meeting, with their current versions (and, for a replaced paper,
// every version). Nothing is withheld here: the server's agenda view
// withholds by the reading rule.
func (s *Store) Agenda(ctx context.Context, m *mb.Meeting) (*mb.Agenda, error) {
	a, err := s.AgendaState(ctx, m)
	if err != nil {
		return nil, err
	}
	return a, s.AgendaContents(ctx, a)
}

// AgendaContents fills an agenda read by AgendaState with its revisions,
// items and papers.
func (s *Store) AgendaContents(ctx context.Context, a *mb.Agenda) error {
	m := a.Meeting
	if a.Published() {
		rows, err := s.pool.Query(ctx, `SELECT revision, at, changes FROM agenda_revisions WHERE meeting_id = $1 ORDER BY revision DESC`, m.ID)
		if err != nil {
			return fmt.Errorf("postgres: agenda revisions of %d: %w", m.ID, err)
		}
		if a.Revisions, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.AgendaRevision, error) {
			var v mb.AgendaRevision
			return v, r.Scan(&v.Number, &v.At, &v.Changes)
		}); err != nil {
			return fmt.Errorf("postgres: agenda revisions of %d: %w", m.ID, err)
		}
	}
	items, err := s.agendaItems(ctx, []int64{m.ID})
	if err != nil {
		return err
	}
	a.Items = items[m.ID]
	papers, err := s.Papers(ctx, m.ID)
	if err != nil {
		return err
	}
	// Earlier versions are listed beside a replaced paper.
	var replaced []*mb.Paper
	for _, p := range papers {
		if p.CurrentVersion > 1 {
			replaced = append(replaced, p)
		}
	}
	if len(replaced) > 0 {
		if err := s.withVersions(ctx, replaced); err != nil {
			return err
		}
	}
	byItem := map[int64]*mb.AgendaItem{}
	for _, it := range a.Items {
		byItem[it.Item.ID] = it
		for _, sub := range it.Subs {
			byItem[sub.Item.ID] = sub
		}
	}
	for _, p := range papers {
		if p.ItemID == nil || byItem[*p.ItemID] == nil {
			a.Papers = append(a.Papers, p)
		} else {
			byItem[*p.ItemID].Papers = append(byItem[*p.ItemID].Papers, p)
		}
	}
	return nil
}

// PublishAgenda publishes the meeting's draft agenda to the committee: its
// first revision holds the agenda as published. Every change after it is
// a revision of its own, recorded by the database (migration 0030).
func (s *Store) PublishAgenda(ctx context.Context, meetingID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockEditable(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		var items int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM agenda_items WHERE meeting_id = $1`, m.ID).Scan(&items); err != nil {
			return err
		}
		if items == 0 {
			return mb.Errorf(mb.EINVALID, "The agenda of %s has no items yet: add them before publishing it.", m.ShortName())
		}
		tag, err := tx.Exec(ctx, `INSERT INTO agendas (meeting_id, status, published_at, revision) VALUES ($1, 'published', now(), 1)
			ON CONFLICT (meeting_id) DO UPDATE SET status = 'published', published_at = now(), revision = 1 WHERE agendas.status = 'draft'`, m.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return mb.Errorf(mb.ECONFLICT, "The agenda of %s is already published: changes to it are revisions.", m.ShortName())
		}
		if _, err := tx.Exec(ctx, `INSERT INTO agenda_revisions (meeting_id, revision, changes, snapshot)
			VALUES ($1, 1, '{}', agenda_snapshot($1))`, m.ID); err != nil {
			return err
		}
		return audit(ctx, tx, "agenda", m.ID, &m.CommitteeID, "publish", "Published the agenda of "+m.ShortName())
	})
	return storeError(err, nil, "publish agenda")
}

// setAgendaEntry saves what the agenda says of an item, within tx.
func setAgendaEntry(ctx context.Context, tx pgx.Tx, itemID int64, e mb.AgendaEntry) error {
	var purpose *string
	if e.Purpose != "" {
		p := string(e.Purpose)
		purpose = &p
	}
	var duration *int
	if e.Duration > 0 {
		duration = &e.Duration
	}
	_, err := tx.Exec(ctx, `UPDATE agenda_items SET purpose = $2, presenter_person_id = $3, presenter_organisation_id = $4,
		starts_at = $5, duration_minutes = $6 WHERE id = $1`,
		itemID, purpose, e.Presenter.PersonID, e.Presenter.OrganisationID, toPgTime(e.Start), duration)
	return err
}

var agendaItemConstraints = map[string]*mb.Error{
	"agenda_items_presenter_person_id_fkey": {Code: mb.EINVALID, Message: "Choose a person from the list.",
		Fields: map[string]string{"presenter": "Choose a person or organisation from the list."}},
	"agenda_items_presenter_organisation_id_fkey": {Code: mb.EINVALID, Message: "Choose an organisation from the list.",
		Fields: map[string]string{"presenter": "Choose a person or organisation from the list."}},
	"papers_reference_key": {Code: mb.ECONFLICT, Message: "A paper of the item has a reference another paper of that meeting has: change one of them first.",
		Fields: map[string]string{"meeting": "A paper of the item has a reference another paper of that meeting has."}},
}

// CreateAgendaItem adds an item to the agenda (at the end, or of its
// parent's sub-items) with what the agenda says of it.
func (s *Store) CreateAgendaItem(ctx context.Context, it *mb.Item, e mb.AgendaEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockEditable(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		if err := insertItem(ctx, tx, m, it); err != nil {
			return err
		}
		return setAgendaEntry(ctx, tx, it.ID, e)
	})
	return storeError(err, agendaItemConstraints, "create agenda item")
}

// UpdateAgendaItem saves an item's title and classification and what the
// agenda says of it, when the stored version is still it.Version; its
// minute is left as it is.
func (s *Store) UpdateAgendaItem(ctx context.Context, it *mb.Item, e mb.AgendaEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, m, err := lockItem(ctx, tx, it.ID)
		if err != nil {
			return err
		}
		if before.Version != it.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this item while you were editing it.")
		}
		it.Minute = before.Minute
		if err := updateItemRow(ctx, tx, m, before, it); err != nil {
			return err
		}
		return setAgendaEntry(ctx, tx, it.ID, e)
	})
	return storeError(err, agendaItemConstraints, "update agenda item")
}

// MoveItemToMeeting moves a top-level item, with its sub-items and papers,
// to the end of another meeting's agenda: the forward plan's move, allowed
// while neither agenda is published and before the item is minuted.
func (s *Store) MoveItemToMeeting(ctx context.Context, itemID, toMeetingID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var fromID int64
		if err := tx.QueryRow(ctx, `SELECT meeting_id FROM agenda_items WHERE id = $1`, itemID).Scan(&fromID); err != nil {
			return notFound(err, "There is no such agenda item.")
		}
		// Both meetings locked, in id order, so that two moves cannot deadlock.
		first, second := min(fromID, toMeetingID), max(fromID, toMeetingID)
		if _, err := lockMeeting(ctx, tx, first); err != nil {
			return err
		}
		if _, err := lockMeeting(ctx, tx, second); err != nil {
			return err
		}
		it, from, err := lockItem(ctx, tx, itemID)
		if err != nil {
			return err
		}
		to, err := lockMeeting(ctx, tx, toMeetingID)
		if err != nil {
			return err
		}
		fromAgenda, toAgenda, err := agendaStates(ctx, tx, from, to)
		if err != nil {
			return err
		}
		if err := mb.CanMoveItem(it, fromAgenda, toAgenda); err != nil {
			return err
		}
		var minuted bool
		if err := tx.QueryRow(ctx, `WITH these AS (SELECT id FROM agenda_items WHERE id = $1 OR parent_id = $1)
			SELECT EXISTS (SELECT 1 FROM decisions WHERE item_id IN (SELECT id FROM these))
			    OR EXISTS (SELECT 1 FROM actions WHERE item_id IN (SELECT id FROM these))
			    OR EXISTS (SELECT 1 FROM minutes_comments WHERE item_id IN (SELECT id FROM these))
			    OR EXISTS (SELECT 1 FROM risk_reviews WHERE item_id IN (SELECT id FROM these))`, itemID).Scan(&minuted); err != nil {
			return err
		}
		if minuted {
			return mb.Errorf(mb.ECONFLICT, "Item “%s” is already minuted (it holds decisions, actions, comments or risk reviews): it stays at %s.", it.Title, from.ShortName())
		}
		if _, err := tx.Exec(ctx, `UPDATE agenda_items SET meeting_id = $2,
			position = (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $2 AND parent_id IS NULL)
			WHERE id = $1`, itemID, to.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE agenda_items SET meeting_id = $2 WHERE parent_id = $1`, itemID, to.ID); err != nil {
			return err
		}
		rest, err := siblingIDs(ctx, tx, from.ID, nil)
		if err != nil {
			return err
		}
		if err := setPositions(ctx, tx, rest, nil); err != nil {
			return err
		}
		return audit(ctx, tx, "item", itemID, &from.CommitteeID, "move",
			fmt.Sprintf("Moved item “%s” from the agenda of %s to that of %s", it.Title, from.ShortName(), to.ShortName()))
	})
	return storeError(err, agendaItemConstraints, "move item to meeting")
}

// agendaStates reads the agendas of two meetings within tx.
func agendaStates(ctx context.Context, tx pgx.Tx, ms ...*mb.Meeting) (*mb.Agenda, *mb.Agenda, error) {
	out := make([]*mb.Agenda, len(ms))
	for i, m := range ms {
		out[i] = &mb.Agenda{Meeting: m, Status: mb.AgendaDraft}
		var status string
		err := tx.QueryRow(ctx, `SELECT status FROM agendas WHERE meeting_id = $1`, m.ID).Scan(&status)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return nil, nil, err
		}
		if status != "" {
			out[i].Status = mb.AgendaStatus(status)
		}
	}
	return out[0], out[1], nil
}

// AgendaItem returns the item with the id with what the agenda says of it
// (without its papers or sub-items), when it is one of the meeting's.
func (s *Store) AgendaItem(ctx context.Context, meetingID, id int64) (*mb.AgendaItem, error) {
	ai, err := scanAgendaItem(s.pool.QueryRow(ctx, agendaItemSelect+` WHERE i.id = $1 AND i.meeting_id = $2`, id, meetingID))
	if err != nil {
		return nil, fmt.Errorf("postgres: agenda item %d: %w", id, notFound(err, "There is no such agenda item."))
	}
	return ai, nil
}
