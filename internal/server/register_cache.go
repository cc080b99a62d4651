package server

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// A reader's view of the register sums what the writes keep (the store's
// RegisterTotals), and stays the same until a write moves it: every write
// to the register, its meetings, attendance or names moves its committee's
// minutes epoch on (migration 0013). A server keeps each reader's totals
// for a filter and a day under the sum of every committee's epoch, read
// with the committees the register lists anyway, so that paging through
// the register, or coming back to it, counts nothing again, and two servers
// on one database agree.

// registerCache keeps readers' register totals and owner lists.
type registerCache struct {
	totals *lru.Cache[string, []mb.OwnerTotals]
	owners *lru.Cache[string, []mb.Organisation]
}

// cachedRegisterViews is how many readers' views a server keeps.
const cachedRegisterViews = 1024

func newRegisterCache() *registerCache {
	totals, _ := lru.New[string, []mb.OwnerTotals](cachedRegisterViews)
	owners, _ := lru.New[string, []mb.Organisation](cachedRegisterViews)
	return &registerCache{totals: totals, owners: owners}
}

// registerKey names what the register shows the reader at the epoch: who
// they are to the reading rule (the committees they run and sit on, their
// person, whose attendance admits to RED records).
func registerKey(rd *mb.Reader, epoch int64) string {
	if !rd.SignedIn() {
		return fmt.Sprintf("%d/anonymous", epoch)
	}
	sec, mem := rd.Committees()
	return fmt.Sprintf("%d/admin=%t/person=%d/sec=%v/mem=%v", epoch, rd.Admin(), rd.User.PersonID, sec, mem)
}

// totalsFor is the view's totals (the store's RegisterTotals), as kept.
func (s *Server) totalsFor(r *http.Request, v *registerView) ([]mb.OwnerTotals, error) {
	f := v.filter
	key := registerKey(v.reader, v.epoch) + "/" + strings.Join([]string{optionalID(f.CommitteeID), optionalID(f.OwnerID),
		optionalDay(f.RaisedFrom), optionalDay(f.RaisedTo), strings.Join(f.Words, " "), f.Today.Format(time.DateOnly)}, "/")
	if totals, ok := s.register.totals.Get(key); ok {
		return totals, nil
	}
	totals, err := s.store.RegisterTotals(r.Context(), v.reader, f)
	if err != nil {
		return nil, err
	}
	s.register.totals.Add(key, totals)
	return totals, nil
}

// ownersFor is every owner of an action the reader may read (the store's
// ActionOwners), as kept.
func (s *Server) ownersFor(r *http.Request, v *registerView) ([]mb.Organisation, error) {
	key := registerKey(v.reader, v.epoch)
	if owners, ok := s.register.owners.Get(key); ok {
		return owners, nil
	}
	owners, err := s.store.ActionOwners(r.Context(), v.reader)
	if err != nil {
		return nil, err
	}
	s.register.owners.Add(key, owners)
	return owners, nil
}

func optionalID(id *int64) string {
	if id == nil {
		return ""
	}
	return fmt.Sprint(*id)
}

func optionalDay(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.Format(time.DateOnly)
}
