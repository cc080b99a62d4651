package scaledemo_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// TestFormalRecord: the data set has votes, named votes, declarations and
// registers of interests in proportion to its decisions and items, and
// every vote passes the domain's check against the roll call and the
// declarations of its item (no member who declared and did not vote is
// counted).
func TestFormalRecord(t *testing.T) {
	ctx := context.Background()
	store, pool, res := load(t, 1)
	decisions, items := res.Rows("decisions"), res.Rows("agenda_items")
	votes, declarations := res.Rows("decision_votes"), res.Rows("declarations")
	if votes == 0 || votes*100 > decisions*10 || declarations == 0 || declarations*100 > items*6 || res.Rows("vote_ballots") == 0 || res.Rows("standing_interests") == 0 {
		t.Fatalf("%d votes of %d decisions, %d declarations in %d items, %d ballots, %d standing interests",
			votes, decisions, declarations, items, res.Rows("vote_ballots"), res.Rows("standing_interests"))
	}
	t.Logf("%d votes of %d decisions, %d declarations in %d items", votes, decisions, declarations, items)

	rows, err := pool.Query(ctx, `SELECT DISTINCT i.meeting_id FROM decision_votes v JOIN decisions d ON d.id = v.decision_id
		JOIN agenda_items i ON i.id = d.item_id ORDER BY 1 LIMIT 40`)
	if err != nil {
		t.Fatal(err)
	}
	var meetings []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		meetings = append(meetings, id)
	}
	rows.Close()
	checked := 0
	for _, id := range meetings {
		m, err := store.Meeting(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := store.MinutesOf(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		doc.Walk(func(it *mb.Item) {
			for _, d := range it.Decisions {
				if d.Vote == nil {
					continue
				}
				e, err := store.Electorate(ctx, m, it)
				if err != nil {
					t.Fatal(err)
				}
				if err := d.Vote.Validate(e, false); err != nil {
					t.Errorf("%s item %s: %s %v", m.ShortName(), it.Number, mb.ErrorMessage(err), mb.ErrorFields(err))
				}
				checked++
			}
		})
	}
	if checked < 20 {
		t.Errorf("only %d votes checked", checked)
	}
}
