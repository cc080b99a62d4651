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

// TestAttendanceWorkspace: everyone present and more lines without a
// script, part attendance by the items attended, and people added from the
// form with a check for near namesakes.
func TestAttendanceWorkspace(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	path := "/committees/OPSG/meetings/106/attendance"
	people, _ := a.store.People(context.Background())
	id := map[string]string{}
	for _, p := range people {
		id[p.Name] = i64(p.ID)
	}
	roster := url.Values{"version": {"1"}, "rows": {"2"},
		"person-0": {id["Dave Warner"]}, "fixed-0": {"1"}, "category-0": {"Operations Group Chair"}, "status-0": {"absent"},
		"person-1": {""}, "status-1": {"present"}, "new_name-1": {"Zed Zebedee"}}

	t.Run("EveryonePresentSavesNothing", func(t *testing.T) {
		f := cloneValues(roster)
		f.Set("everyone_present", "1")
		res := sec.post(path, f)
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, `<option value="present" selected>`, `value="Zed Zebedee"`)
		if got := minutesOf(t, a, 106).Attendance; len(got) != 0 {
			t.Errorf("%d attendees saved", len(got))
		}
	})
	t.Run("MoreLinesKeepWhatWasTyped", func(t *testing.T) {
		f := cloneValues(roster)
		f.Set("more", "1")
		res := sec.post(path, f)
		res.mustContain(t, `name="rows" value="7"`, `value="Zed Zebedee"`)
	})
	t.Run("ErrNearNamesake", func(t *testing.T) {
		res := sec.post(path, url.Values{"version": {"1"}, "rows": {"1"}, "status-0": {"present"}, "new_name-0": {"rachel allan"}, "new_organisation-0": {"DESNZ (formerly BEIS)"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Rachel Allen, DESNZ (formerly BEIS), already exists", `name="confirm_new-0"`)
	})
	t.Run("ErrNewPersonWithoutOrganisation", func(t *testing.T) {
		res := sec.post(path, url.Values{"version": {"1"}, "rows": {"1"}, "status-0": {"present"}, "new_name-0": {"Zed Zebedee"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "organisation they are from")
	})
	t.Run("NewPersonAndPartByItem", func(t *testing.T) {
		item := itemID(t, a, 106, "1")
		res := sec.post(path, url.Values{"version": {"1"}, "rows": {"2"},
			"person-0": {id["Adam Rawling"]}, "status-0": {"part"}, "part-0": {item},
			"status-1": {"present"}, "new_name-1": {"Zed Zebedee"}, "new_organisation-1": {"Zebedee Metering"}})
		if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/106#attendees" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		page := sec.get("/committees/OPSG/meetings/106")
		page.mustContain(t, "Adam Rawling (Part) (Agenda Item 1)", "Zebedee Metering", "Zed Zebedee")
		// The secretariat may add people: no administrator was needed.
		if res := sec.get("/admin/people"); res.status != http.StatusForbidden {
			t.Errorf("the secretariat reached /admin/people: %d", res.status)
		}
	})
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
