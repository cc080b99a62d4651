package postgres

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// storedItem is an item already in the meeting, for a re-import to match.
type storedItem struct {
	item    *mb.Item
	matched bool
}

// writeItems makes the meeting's items those of the document: an item
// already at the same number is updated in place (keeping its comments and
// the decisions that approvals rest on), a new one is added, and one the
// document no longer has is deleted once its actions are settled.
func (x *minutesImport) writeItems(ctx context.Context) error {
	rows, err := x.tx.Query(ctx, `SELECT `+itemColumns+` FROM agenda_items i WHERE i.meeting_id = $1
		ORDER BY i.parent_id NULLS FIRST, i.position FOR UPDATE`, x.m.ID)
	if err != nil {
		return err
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Item, error) { return scanItem(r) })
	if err != nil {
		return err
	}
	stored := map[string]*storedItem{}
	tops := map[int64]int{}
	for _, it := range all {
		if it.ParentID == nil {
			tops[it.ID] = it.Position
			stored[fmt.Sprint(it.Position)] = &storedItem{item: it}
		}
	}
	for _, it := range all {
		if it.ParentID != nil {
			stored[fmt.Sprintf("%d.%d", tops[*it.ParentID], it.Position)] = &storedItem{item: it}
		}
	}
	words, err := x.decisionWords()
	if err != nil {
		return err
	}
	for i := range x.in.Items {
		top := &x.in.Items[i]
		id, err := x.placeItem(ctx, top, nil, stored, words)
		if err != nil {
			return err
		}
		for j := range top.Children {
			if _, err := x.placeItem(ctx, &top.Children[j], &id, stored, words); err != nil {
				return err
			}
		}
	}
	x.stale = nil
	for _, number := range slices.Sorted(maps.Keys(stored)) {
		if st := stored[number]; !st.matched {
			x.stale = append(x.stale, st.item)
		}
	}
	return nil
}

// placeItem writes one item under parent, matching the stored item at its
// number, and then its decisions.
func (x *minutesImport) placeItem(ctx context.Context, in *mb.ImportedItem, parent *int64, stored map[string]*storedItem, words []string) (int64, error) {
	minute := in.Minute
	for _, r := range in.Risks {
		if x.entryStays(in, r) {
			minute = strings.TrimSpace(minute + "\n\n" + r.Entry)
		}
	}
	it := &mb.Item{MeetingID: x.m.ID, ParentID: parent, Title: in.Title, Minute: minute, Classification: in.Classification, Placement: in.Placement}
	if it.Placement == "" {
		it.Placement = mb.BeforeSubItems
	}
	if it.Classification != 0 && it.Classification <= x.m.Classification {
		it.Classification = 0 // the document's classification was raised to it
	}
	if st := stored[in.Number]; st != nil && (st.item.ParentID == nil) == (parent == nil) {
		st.matched = true
		it.ID = st.item.ID
		if in.Classification == 0 {
			it.Classification = st.item.Classification // set by hand since the last import
		}
		if st.item.Title != strings.Join(strings.Fields(it.Title), " ") || st.item.Minute != strings.TrimSpace(it.Minute) || st.item.Classification != it.Classification ||
			st.item.Placement != it.Placement {
			if err := updateItemRow(ctx, x.tx, x.m, st.item, it); err != nil {
				return 0, itemError(in, err)
			}
		}
	} else if err := insertItem(ctx, x.tx, x.m, it); err != nil {
		return 0, itemError(in, err)
	}
	x.rep.Items++
	placed := &placedItem{in: in, id: it.ID}
	x.items = append(x.items, placed)
	return it.ID, x.placeDecisions(ctx, placed, words)
}

// placeDecisions makes the item's decisions those of the document, in its
// order: a stored decision with the same word and text is kept (with what
// rests on it), others are removed, new ones added.
func (x *minutesImport) placeDecisions(ctx context.Context, p *placedItem, words []string) error {
	rows, err := x.tx.Query(ctx, `SELECT id, item_id, position, kind, text, version FROM decisions WHERE item_id = $1 ORDER BY position FOR UPDATE`, p.id)
	if err != nil {
		return err
	}
	stored, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Decision, error) {
		var d mb.Decision
		return &d, r.Scan(&d.ID, &d.ItemID, &d.Position, &d.Kind, &d.Text, &d.Version)
	})
	if err != nil {
		return err
	}
	used := map[int64]bool{}
	p.decisions = make([]int64, len(p.in.Decisions))
	for i, d := range p.in.Decisions {
		text := strings.Join(strings.Fields(d.Text), " ")
		for _, s := range stored {
			if !used[s.ID] && s.Kind == d.Kind && s.Text == text {
				used[s.ID], p.decisions[i] = true, s.ID
				break
			}
		}
	}
	for _, s := range stored {
		if used[s.ID] {
			continue
		}
		// Escalations opened by a decision of this draft go with it; the
		// document's own decision opens them again.
		if _, err := x.tx.Exec(ctx, `DELETE FROM risk_escalations WHERE decision_id = $1 AND meeting_id = $2 AND withdrawn_at IS NULL`, s.ID, x.m.ID); err != nil {
			return err
		}
		if _, err := x.tx.Exec(ctx, `DELETE FROM decisions WHERE id = $1`, s.ID); err != nil {
			return err
		}
		if err := audit(ctx, x.tx, "decision", s.ID, &x.c.ID, "delete", "Deleted from "+x.m.ShortName()+" on import: "+mb.DecisionSentence(x.c.Code, *s)); err != nil {
			return err
		}
	}
	for i, d := range p.in.Decisions {
		if p.decisions[i] == 0 {
			nd := &mb.Decision{ItemID: p.id, Kind: d.Kind, Text: d.Text}
			if err := nd.Validate(words); err != nil {
				return itemError(p.in, err)
			}
			if err := insertDecisionUnchecked(ctx, x.tx, x.m, nd); err != nil {
				return err
			}
			p.decisions[i] = nd.ID
		}
		if _, err := x.tx.Exec(ctx, `UPDATE decisions SET position = $2 WHERE id = $1`, p.decisions[i], i+1); err != nil {
			return err
		}
		x.rep.Decisions++
	}
	return nil
}

// decisionWords returns the committee's decision words, refusing a
// decision in a word outside them: an import never adds to a committee's
// vocabulary, which its administrator keeps on the committee's page (the
// parser reads a document in the committee's words, so such a word comes
// only from a document read in others).
func (x *minutesImport) decisionWords() ([]string, error) {
	words := x.c.DecisionVocabulary
	var walk func(items []mb.ImportedItem) error
	walk = func(items []mb.ImportedItem) error {
		for i := range items {
			it := &items[i]
			for j, d := range it.Decisions {
				if slices.Contains(words, d.Kind) {
					continue
				}
				err := mb.Errorf(mb.EINVALID, "“%s” is not one of %s's decision words (%s): choose one of them, or have an administrator add it to the committee's decision words and import the document again.",
					d.Kind, x.c.Code, strings.Join(words, ", "))
				if j < len(it.DecisionFields) && it.DecisionFields[j] != "" {
					err.Fields = map[string]string{it.DecisionFields[j]: err.Message}
				}
				return itemError(it, err)
			}
			if err := walk(it.Children); err != nil {
				return err
			}
		}
		return nil
	}
	return words, walk(x.in.Items)
}
