package postgres_test

import (
	"context"
	"encoding/json"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestItemPlacement(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	sub := &mb.Item{MeetingID: f.m105.ID, ParentID: &f.item.ID, Title: "3G Sunsetting Performance"}
	if err := s.CreateItem(ctx, sub); err != nil {
		t.Fatal(err)
	}
	t.Run("NewItemsBeforeSubItems", func(t *testing.T) {
		it, err := s.Item(ctx, f.item.ID)
		if err != nil {
			t.Fatal(err)
		}
		if it.Placement != mb.BeforeSubItems {
			t.Errorf("placement %q, want before", it.Placement)
		}
	})
	t.Run("AfterSubItemsKept", func(t *testing.T) {
		it, _ := s.Item(ctx, f.item.ID)
		it.Placement = mb.AfterSubItems
		if err := s.UpdateItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		items, err := s.Items(ctx, f.m105.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !items[0].OwnAfterSubItems() {
			t.Errorf("placement %q after saving after", items[0].Placement)
		}
	})
	t.Run("ItemPlace", func(t *testing.T) {
		number, parent, err := s.ItemPlace(ctx, sub.ID)
		if err != nil || number != "1.1" || parent == nil || *parent != f.item.ID {
			t.Errorf("place of the sub-item: %q %v %v", number, parent, err)
		}
		if number, parent, err := s.ItemPlace(ctx, f.item.ID); err != nil || number != "1" || parent != nil {
			t.Errorf("place of the item: %q %v %v", number, parent, err)
		}
	})
	t.Run("VersionStoredBeforePlacementsKeepsWhatItSaid", func(t *testing.T) {
		// A snapshot written before placements existed has none: every
		// document then put an item's own records after its sub-items.
		doc := map[string]any{"Meeting": map[string]any{"ID": f.m106.ID, "Number": 106, "Status": "circulated"},
			"Items": []map[string]any{{"Title": "Business Processes", "Children": []map[string]any{{"Title": "5.1"}}}}}
		body, _ := json.Marshal(doc)
		if _, err := s.Pool().Exec(ctx, `INSERT INTO minutes_versions (meeting_id, number, kind, status, snapshot, actor_name)
			VALUES ($1, 1, 'circulated', 'circulated', $2, 'system')`, f.m106.ID, body); err != nil {
			t.Fatal(err)
		}
		versions, err := s.MinutesVersions(ctx, f.m106.ID)
		if err != nil || len(versions) != 1 {
			t.Fatalf("versions %v %v", versions, err)
		}
		if it := versions[0].Minutes.Items[0]; it.Placement != mb.AfterSubItems {
			t.Errorf("an old version's item reads %q, want after", it.Placement)
		}
	})
}
