package server_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

func TestAttendanceForm(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	path := "/committees/OPSG/meetings/107/attendance"

	t.Run("PrefilledFromRoster", func(t *testing.T) {
		res := sec.get(path)
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		// Members in their category, the secretariat as participants.
		res.mustContain(t, "Dave Warner", "Operations Group Chair", "Kevin Donnelly", "Large Suppliers", "Sarah Roebel", `name="rows"`)
	})

	people, _ := a.store.People(context.Background())
	id := map[string]string{}
	for _, p := range people {
		id[p.Name] = i64(p.ID)
	}

	t.Run("ErrPersonTwiceKeepsWhatWasTyped", func(t *testing.T) {
		res := sec.post(path, url.Values{
			"version": {"1"}, "rows": {"2"},
			"person-0": {id["Danielle Jackson"]}, "status-0": {"present"},
			"person-1": {id["Danielle Jackson"]}, "status-1": {"part"}, "part_items-1": {"5, 7"},
		})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "a person appears once per meeting", `value="5, 7"`)
	})

	t.Run("SavesPartAttendanceAlternateAndApologies", func(t *testing.T) {
		res := sec.post(path, url.Values{
			"version": {"1"}, "rows": {"4"},
			"person-0": {id["Dave Warner"]}, "fixed-0": {"1"}, "category-0": {"Operations Group Chair"}, "status-0": {"present"},
			"person-1": {id["Adam Rawling"]}, "status-1": {"part"}, "part_items-1": {"5"},
			"person-2": {id["Owen Pritchard"]}, "status-2": {"present"}, "alternate_for-2": {id["Kevin Donnelly"]},
			"person-3": {id["Ian Drummond"]}, "status-3": {"apologies"},
		})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		page := sec.get("/committees/OPSG/meetings/107")
		page.mustContain(t, "Adam Rawling (Part) (Agenda Item 5)", "Owen Pritchard (alternate for Kevin Donnelly)", "Ian Drummond")
		// The alternate sits in the member's category.
		if i, j := indexOf(page.body, "Large Suppliers"), indexOf(page.body, "Owen Pritchard"); i < 0 || j < i {
			t.Error("the alternate should be listed under the member's category")
		}
	})

	t.Run("ErrStaleVersionShowsSaved", func(t *testing.T) {
		res := sec.post(path, url.Values{"version": {"1"}, "rows": {"1"}, "person-0": {id["Gary Stuart"]}, "status-0": {"present"}})
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "Someone else saved the attendance", `data-testid="saved-version"`, "Adam Rawling (Part) (Agenda Item 5)", `name="version" value="2"`)
	})
}
