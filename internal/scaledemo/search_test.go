package scaledemo_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// TestLoadFillsSearch: the loader's COPY fills the document vectors and
// the mentions through the database's own triggers, the same mentions
// that finding every text's references again gives, and the data set
// carries references busy and rare for the benchmark.
func TestLoadFillsSearch(t *testing.T) {
	ctx := context.Background()
	store, pool, _ := load(t, 2)
	snapshot := func() (n int, sum string) {
		t.Helper()
		if err := pool.QueryRow(ctx, `SELECT count(*), coalesce(md5(string_agg(concat_ws('|', source, source_id, reference, sentence), E'\n' ORDER BY source, source_id, reference, sentence)), '') FROM mentions`).Scan(&n, &sum); err != nil {
			t.Fatal(err)
		}
		return n, sum
	}
	n, loaded := snapshot()
	if n == 0 {
		t.Fatal("the load wrote no mentions")
	}
	if _, err := pool.Exec(ctx, `SELECT mentions_fill()`); err != nil {
		t.Fatal(err)
	}
	if _, again := snapshot(); again != loaded {
		t.Error("the mentions written by the load differ from those found again")
	}
	res, err := store.Search(ctx, &mb.Reader{User: &mb.User{ID: 1, Admin: true}}, mb.SearchFilter{Query: "incident"})
	if err != nil || res.Total == 0 {
		t.Fatalf("searching the loaded data for incident: %d hits, %v", res.Total, err)
	}
	busy, rare, err := store.ReferenceExamples(ctx)
	if err != nil || busy == "" {
		t.Fatalf("reference examples %q %q: %v", busy, rare, err)
	}
	h, err := store.ReferenceHistory(ctx, &mb.Reader{User: &mb.User{ID: 1, Admin: true}}, busy, 50, 0)
	if err != nil || h.Total < 2 || len(h.Timeline) == 0 {
		t.Errorf("%s: %d mentions, %d legs, %v", busy, h.Total, len(h.Timeline), err)
	}
}
