package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/server"
)

func TestMemberships(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")
	rachel, _, err := a.store.UserByEmail(t.Context(), a.emails["non-member"])
	if err != nil {
		t.Fatal(err)
	}

	t.Run("ErrUnknownCategoryKeepsForm", func(t *testing.T) {
		res := admin.post("/committees/OPSG/members/new", url.Values{"person": {i64(rachel.PersonID)}, "role": {"member"}, "category": {"Observers"}, "from": {"2023-01-01"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422\n%s", res.status, res.body)
		}
		res.mustContain(t, "Choose one of the committee&#39;s categories.")
	})

	t.Run("ErrEndsBeforeStart", func(t *testing.T) {
		res := admin.post("/committees/OPSG/members/new", url.Values{"person": {i64(rachel.PersonID)}, "role": {"member"}, "from": {"2023-01-01"}, "to": {"2022-01-01"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "The membership cannot end before it starts.", `value="2022-01-01"`)
	})

	t.Run("SeatGivesAccessAndEndTakesItAway", func(t *testing.T) {
		if res := a.as("non-member").get("/committees/OPSG/meetings/104"); res.status != http.StatusNotFound {
			t.Fatalf("before: status %d, want 404", res.status)
		}
		res := admin.post("/committees/OPSG/members/new", url.Values{"person": {i64(rachel.PersonID)}, "role": {"member"}, "category": {"Other SEC Parties"}, "from": {"2023-01-01"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("seat: status %d\n%s", res.status, res.body)
		}
		if res := a.as("non-member").get("/committees/OPSG/meetings/104"); res.status != http.StatusOK {
			t.Fatalf("seated: status %d, want 200", res.status)
		}
		id := regexp.MustCompile(`/committees/OPSG/members/(\d+)/end"[^>]*>\s*<button[^>]*>End seat <span class="visually-hidden">of Rachel Allen`).FindStringSubmatch(admin.get("/committees/OPSG").body)
		if id == nil {
			t.Fatal("no end button for Rachel Allen")
		}
		if res := admin.post("/committees/OPSG/members/"+id[1]+"/end", nil); res.status != http.StatusSeeOther {
			t.Fatalf("end: status %d", res.status)
		}
		// Ended today: the seat covers today still, and is gone tomorrow.
		entries, err := a.store.AuditLog(t.Context(), auditFilterEntity("membership"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(entries[0].Summary, "Ended Rachel Allen's seat on OPSG") {
			t.Errorf("audit summary %q", entries[0].Summary)
		}
	})
}

// TestMembershipDaysAreLondonDays checks that a seat starts and ends on the
// committees' day, London's, whatever the hour is in UTC: at 23:30 UTC on
// 30 June it is already 1 July in London.
func TestMembershipDaysAreLondonDays(t *testing.T) {
	now := time.Date(2024, 6, 30, 23, 30, 0, 0, time.UTC)
	a := newAppWith(t, server.Config{Clock: func() time.Time { return now }})
	admin := a.as("admin")
	admin.get("/committees/OPSG/members/new").mustContain(t, `value="2024-07-01"`)
	rachel, _, err := a.store.UserByEmail(t.Context(), a.emails["non-member"])
	if err != nil {
		t.Fatal(err)
	}
	res := admin.post("/committees/OPSG/members/new", url.Values{"person": {i64(rachel.PersonID)}, "role": {"member"}, "category": {"Other SEC Parties"}, "from": {"2023-01-01"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("seat: status %d\n%s", res.status, res.body)
	}
	seats, err := a.store.Memberships(t.Context(), mb.MembershipFilter{PersonID: &rachel.PersonID})
	if err != nil || len(seats) != 1 {
		t.Fatalf("seats %v, %v", seats, err)
	}
	if res := admin.post("/committees/OPSG/members/"+i64(seats[0].ID)+"/end", nil); res.status != http.StatusSeeOther {
		t.Fatalf("end: status %d", res.status)
	}
	seats, err = a.store.Memberships(t.Context(), mb.MembershipFilter{PersonID: &rachel.PersonID})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := seats[0].To, time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC); got == nil || !got.Equal(want) {
		t.Errorf("ended on %v, want %v", got, want)
	}
}
