package form

import (
	"net/url"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestActionFilter(t *testing.T) {
	today := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	committees := map[string]int64{"OPSG": 3}

	t.Run("ReadsEveryFilter", func(t *testing.T) {
		q, _ := url.ParseQuery("committee=opsg&owner=7&status=overdue&raised_from=2023-09-01&raised_to=2023-10-31&q=BPI+pack&sort=target&page=2")
		f := ParseActionFilter(q)
		got := f.Filter(committees, today)
		if len(f.Errors) != 0 || *got.CommitteeID != 3 || *got.OwnerID != 7 || got.Status != mb.FilterOverdue ||
			got.RaisedFrom.Format(time.DateOnly) != "2023-09-01" || len(got.Words) != 2 || got.Sort != mb.SortTarget || f.Page != 2 {
			t.Errorf("filter = %+v, errors %v", got, f.Errors)
		}
		// The view's address round-trips, and a link can change one thing.
		if got, want := f.Query("page", ""), "?committee=OPSG&owner=7&q=BPI+pack&raised_from=2023-09-01&raised_to=2023-10-31&sort=target&status=overdue"; got != want {
			t.Errorf("Query = %s, want %s", got, want)
		}
	})
	t.Run("ErrUnreadableValuesAreLeftOut", func(t *testing.T) {
		q, _ := url.ParseQuery("committee=NOPE&owner=x&status=late&raised_from=2023-10-31&raised_to=2023-09-01&sort=size")
		f := ParseActionFilter(q)
		got := f.Filter(committees, today)
		for _, k := range []string{"committee", "owner", "status", "raised_to", "sort"} {
			if f.Errors[k] == "" {
				t.Errorf("no message for %s: %v", k, f.Errors)
			}
		}
		if got.CommitteeID != nil || got.OwnerID != nil || got.Status != "" || got.RaisedTo != nil || got.Sort != mb.SortReference {
			t.Errorf("unreadable values were applied: %+v", got)
		}
	})
}
