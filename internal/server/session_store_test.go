package server

import (
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/alexedwards/scs/v2/memstore"
)

// encode encodes session values as scs does.
func encode(t *testing.T, values map[string]any) []byte {
	t.Helper()
	b, err := scs.GobCodec{}.Encode(deadline, values)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var deadline = time.Now().Add(12 * time.Hour)

// countingStore counts the writes that reach the session store.
type countingStore struct {
	*memstore.MemStore
	commits int
}

func (c *countingStore) Commit(token string, b []byte, expiry time.Time) error {
	c.commits++
	return c.MemStore.Commit(token, b, expiry)
}

func TestLazyTouch(t *testing.T) {
	now := time.Now()
	t.Run("SkipsAnExpiryMovedLessThanAMinute", func(t *testing.T) {
		inner := &countingStore{MemStore: memstore.New()}
		s := newLazyTouch(inner, scs.GobCodec{})
		for i, at := range []time.Duration{0, 10 * time.Second, 50 * time.Second} {
			if err := s.Commit("tok", encode(t, map[string]any{"user": int64(7), "flash": "Signed in.", "a": 1, "b": 2, "c": 3}), now.Add(2*time.Hour+at)); err != nil {
				t.Fatal(err)
			}
			if inner.commits != 1 {
				t.Fatalf("commit %d: %d writes, want 1", i, inner.commits)
			}
		}
		if _, found, _ := inner.Find("tok"); !found {
			t.Fatal("the session was not stored")
		}
	})
	t.Run("WritesWhenTheExpiryFallsAMinuteBehind", func(t *testing.T) {
		inner := &countingStore{MemStore: memstore.New()}
		s := newLazyTouch(inner, scs.GobCodec{})
		_ = s.Commit("tok", encode(t, map[string]any{"user": int64(7), "flash": "Signed in.", "a": 1, "b": 2, "c": 3}), now.Add(2*time.Hour))
		_ = s.Commit("tok", encode(t, map[string]any{"user": int64(7), "flash": "Signed in.", "a": 1, "b": 2, "c": 3}), now.Add(2*time.Hour+touchEvery))
		if inner.commits != 2 {
			t.Errorf("%d writes, want 2", inner.commits)
		}
	})
	t.Run("WritesChangedData", func(t *testing.T) {
		inner := &countingStore{MemStore: memstore.New()}
		s := newLazyTouch(inner, scs.GobCodec{})
		_ = s.Commit("tok", encode(t, map[string]any{"user": int64(7), "flash": "Signed in.", "a": 1, "b": 2, "c": 3}), now.Add(2*time.Hour))
		_ = s.Commit("tok", encode(t, map[string]any{"user": int64(7)}), now.Add(2*time.Hour+time.Second))
		b, _, _ := inner.Find("tok")
		_, values, err := scs.GobCodec{}.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		if inner.commits != 2 || len(values) != 1 {
			t.Errorf("%d writes, stored %v; want 2 and the new data", inner.commits, values)
		}
	})
	t.Run("DeleteForgets", func(t *testing.T) {
		inner := &countingStore{MemStore: memstore.New()}
		s := newLazyTouch(inner, scs.GobCodec{})
		_ = s.Commit("tok", encode(t, map[string]any{"user": int64(7), "flash": "Signed in.", "a": 1, "b": 2, "c": 3}), now.Add(2*time.Hour))
		if err := s.Delete("tok"); err != nil {
			t.Fatal(err)
		}
		_ = s.Commit("tok", encode(t, map[string]any{"user": int64(7), "flash": "Signed in.", "a": 1, "b": 2, "c": 3}), now.Add(2*time.Hour))
		if _, found, _ := inner.Find("tok"); !found || inner.commits != 2 {
			t.Errorf("after delete: found %v with %d writes; want the session written again", found, inner.commits)
		}
	})
}
