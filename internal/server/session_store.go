package server

import (
	"reflect"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
)

// touchEvery is how often an unchanged session's idle expiry is written
// back to the database.
const touchEvery = time.Minute

// lazyTouch wraps the session store so that a request which changes
// nothing in a session does not rewrite its row. With an idle timeout, scs
// commits every session on every request to push its expiry forward: one
// durable write, and one fsync'd commit, per page view, queued behind one
// another for a reader with several pages in flight. Here the row is
// rewritten when its data change, or when its stored expiry is more than
// touchEvery behind; so the idle timeout may end a session up to
// touchEvery early, which a two-hour timeout does not notice.
//
// Sessions are compared decoded: gob writes a map in a different order
// each time, so equal sessions rarely encode to equal bytes.
type lazyTouch struct {
	scs.Store
	codec scs.Codec
	mu    sync.Mutex
	seen  map[string]committed // what this process last wrote, by token
}

type committed struct {
	deadline time.Time
	values   map[string]any
	expiry   time.Time
}

func newLazyTouch(s scs.Store, codec scs.Codec) *lazyTouch {
	return &lazyTouch{Store: s, codec: codec, seen: map[string]committed{}}
}

// Commit writes the session unless only its expiry moved, by less than touchEvery.
func (s *lazyTouch) Commit(token string, b []byte, expiry time.Time) error {
	deadline, values, err := s.codec.Decode(b)
	if err != nil {
		return s.Store.Commit(token, b, expiry)
	}
	s.mu.Lock()
	last, ok := s.seen[token]
	s.mu.Unlock()
	if ok && !expiry.Before(last.expiry) && expiry.Sub(last.expiry) < touchEvery &&
		deadline.Equal(last.deadline) && reflect.DeepEqual(values, last.values) {
		return nil
	}
	if err := s.Store.Commit(token, b, expiry); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.seen) > 10000 {
		s.forgetExpired()
	}
	s.seen[token] = committed{deadline: deadline, values: values, expiry: expiry}
	return nil
}

// Delete removes the session and forgets it.
func (s *lazyTouch) Delete(token string) error {
	s.mu.Lock()
	delete(s.seen, token)
	s.mu.Unlock()
	return s.Store.Delete(token)
}

// forgetExpired drops what is known of expired sessions; s.mu is held.
func (s *lazyTouch) forgetExpired() {
	now := time.Now()
	for token, c := range s.seen {
		if c.expiry.Before(now) {
			delete(s.seen, token)
		}
	}
}
