package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The committee's secretariat puts its people right after an import: a
// name, an organisation, initials; and two records of one person merged
// into one (issue 15, point 6).
func TestPeopleEditAndMergePages(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	ctx := context.Background()
	preview := uploaded(t, sec, "opsg-120.txt", opsg120)
	if res := sec.post(preview, url.Values{"do": {"save"}, "p-2-name": {"D. Jackson"}}); res.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.status, res.body)
	}
	sec.get("/committees/OPSG").mustContain(t, `data-testid="committee-people-link"`)
	opsg, _ := a.store.CommitteeByCode(ctx, "OPSG")
	people, _ := a.store.CommitteePeople(ctx, opsg.ID)
	var dj, danielle *mb.Person
	for _, p := range people {
		switch p.Name {
		case "D. Jackson":
			dj = p
		case "Danielle Jackson":
			danielle = p
		}
	}
	if dj == nil || danielle == nil {
		t.Fatalf("people %v", people)
	}
	page := sec.get("/committees/OPSG/people")
	page.mustContain(t, "People of OPSG", "D. Jackson", "/committees/OPSG/people/"+i64(dj.ID)+"/merge")

	edit := "/committees/OPSG/people/" + i64(dj.ID) + "/edit"
	res := sec.post(edit, url.Values{"name": {"D. Jackson"}, "organisation": {"DCC"}, "initials": {"dj"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad initials: %d", res.status)
	}
	res.mustContain(t, `id="e-initials"`, `value="dj"`, `value="DCC"`)
	if res := sec.post(edit, url.Values{"name": {"Dani Jackson"}, "organisation": {"DCC"}, "initials": {"DJ"}}); res.status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", res.status, res.body)
	}
	if p, _ := a.store.Person(ctx, dj.ID); p.Name != "Dani Jackson" || p.Initials != "DJ" || p.OrganisationName != "DCC" {
		t.Errorf("edited %+v", p)
	}

	merge := "/committees/OPSG/people/" + i64(dj.ID) + "/merge"
	sec.get(merge).mustContain(t, "Merge Dani Jackson into another person", `<option value="`+i64(danielle.ID)+`">Danielle Jackson (DCC)</option>`)
	if res := sec.post(merge, url.Values{}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("merge with nobody: %d", res.status)
	}
	res = sec.post(merge, url.Values{"into": {i64(danielle.ID)}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("merge: %d\n%s", res.status, res.body)
	}
	sec.get(res.location).mustContain(t, "Merged Dani Jackson into Danielle Jackson: 1 attendance")
	list, _ := a.store.Attendance(ctx, mustMeeting(t, a, 120).ID)
	found := false
	for _, x := range list {
		found = found || x.PersonName == "Danielle Jackson"
	}
	if !found {
		t.Errorf("attendance %+v", list)
	}
	if p, _ := a.store.Person(ctx, danielle.ID); p.Initials != "DJ" {
		t.Errorf("Danielle Jackson took the initials of the merged record: %+v", p)
	}
	// A person who is not the committee's is not found for its secretariat.
	if res := sec.get("/committees/OPSG/people/" + strconv.Itoa(1<<30) + "/edit"); res.status != http.StatusNotFound {
		t.Errorf("someone else's person: %d", res.status)
	}
}
