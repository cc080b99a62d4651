package server

import (
	"testing"
	"time"

	"github.com/alexedwards/scs/v2/memstore"
)

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
		s := newLazyTouch(inner)
		for i, at := range []time.Duration{0, 10 * time.Second, 50 * time.Second} {
			if err := s.Commit("tok", []byte("data"), now.Add(2*time.Hour+at)); err != nil {
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
		s := newLazyTouch(inner)
		_ = s.Commit("tok", []byte("data"), now.Add(2*time.Hour))
		_ = s.Commit("tok", []byte("data"), now.Add(2*time.Hour+touchEvery))
		if inner.commits != 2 {
			t.Errorf("%d writes, want 2", inner.commits)
		}
	})
	t.Run("WritesChangedData", func(t *testing.T) {
		inner := &countingStore{MemStore: memstore.New()}
		s := newLazyTouch(inner)
		_ = s.Commit("tok", []byte("data"), now.Add(2*time.Hour))
		_ = s.Commit("tok", []byte("flash"), now.Add(2*time.Hour+time.Second))
		b, _, _ := inner.Find("tok")
		if inner.commits != 2 || string(b) != "flash" {
			t.Errorf("%d writes, stored %q; want 2 and the new data", inner.commits, b)
		}
	})
	t.Run("DeleteForgets", func(t *testing.T) {
		inner := &countingStore{MemStore: memstore.New()}
		s := newLazyTouch(inner)
		_ = s.Commit("tok", []byte("data"), now.Add(2*time.Hour))
		if err := s.Delete("tok"); err != nil {
			t.Fatal(err)
		}
		_ = s.Commit("tok", []byte("data"), now.Add(2*time.Hour))
		if _, found, _ := inner.Find("tok"); !found || inner.commits != 2 {
			t.Errorf("after delete: found %v with %d writes; want the session written again", found, inner.commits)
		}
	})
}
