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

func TestUserAdministration(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")

	t.Run("CreateShowsPasswordOnce", func(t *testing.T) {
		res := admin.post("/admin/users/new", url.Values{"name": {"Nina New"}, "email": {"Nina.New@Example.org "}})
		if res.status != http.StatusOK {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		m := regexp.MustCompile(`data-testid="issued-password">([^<]+)<`).FindStringSubmatch(res.body)
		if m == nil {
			t.Fatal("no password shown")
		}
		if res := a.anonymous().post("/sign-in", url.Values{"email": {"nina.new@example.org"}, "password": {m[1]}}); res.status != http.StatusSeeOther {
			t.Errorf("sign in with the issued password: status %d", res.status)
		}
		admin.get("/admin/users").mustContain(t, "Nina New", "nina.new@example.org")
	})

	t.Run("ErrDuplicateEmailKeepsForm", func(t *testing.T) {
		res := admin.post("/admin/users/new", url.Values{"name": {"Kevin Again"}, "email": {a.emails["member"]}})
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "An account with that email address already exists.", `value="Kevin Again"`)
	})

	t.Run("ErrBadEmail", func(t *testing.T) {
		res := admin.post("/admin/users/new", url.Values{"name": {"No Mail"}, "email": {"not-an-address"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Enter an email address", `value="not-an-address"`)
	})

	t.Run("ResetPassword", func(t *testing.T) {
		u, _, err := a.store.UserByEmail(t.Context(), a.emails["chair"])
		if err != nil {
			t.Fatal(err)
		}
		res := admin.post("/admin/users/"+i64(u.ID)+"/reset-password", nil)
		m := regexp.MustCompile(`data-testid="issued-password">([^<]+)<`).FindStringSubmatch(res.body)
		if m == nil {
			t.Fatalf("status %d: no password shown", res.status)
		}
		if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["chair"]}, "password": {testPassword}}); res.status != http.StatusUnauthorized {
			t.Errorf("old password still works: status %d", res.status)
		}
		if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["chair"]}, "password": {m[1]}}); res.status != http.StatusSeeOther {
			t.Errorf("new password: status %d", res.status)
		}
	})

	t.Run("ErrCannotDeactivateSelf", func(t *testing.T) {
		u, _, _ := a.store.UserByEmail(t.Context(), adminEmail)
		admin.post("/admin/users/"+i64(u.ID)+"/deactivate", nil)
		if res := admin.get("/admin/users"); res.status != http.StatusOK {
			t.Fatalf("the administrator lost access: status %d", res.status)
		}
	})
}

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

func TestAuditPage(t *testing.T) {
	a := newApp(t)
	a.as("admin").post("/committees/new", url.Values{"code": {"MDG"}, "name": {"Modifications Group"},
		"decision_vocabulary": {"NOTED"}, "escalation_threshold": {"15"}, "bands": {"All 1-25"}})

	t.Run("AdministratorSeesEverything", func(t *testing.T) {
		a.as("admin").get("/audit").mustContain(t, "Created committee MDG (Modifications Group)", "Ada Admin")
	})
	t.Run("FilterByCommittee", func(t *testing.T) {
		res := a.as("admin").get("/audit?committee=OPSG")
		res.mustContain(t, "Created committee OPSG")
		res.mustNotContain(t, "Created committee MDG")
	})
	t.Run("SecretariatSeesOnlyItsCommittees", func(t *testing.T) {
		res := a.as("secretariat").get("/audit")
		res.mustContain(t, "Created committee OPSG")
		res.mustNotContain(t, "Created committee MDG")
		if res := a.as("secretariat").get("/audit?committee=MDG"); res.status != http.StatusNotFound {
			t.Errorf("another committee's log: status %d, want 404", res.status)
		}
	})
}

func TestInternalErrorShowsNoInternals(t *testing.T) {
	a := newApp(t)
	a.store.Close()
	res := a.anonymous().get("/public")
	if res.status != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", res.status)
	}
	res.mustContain(t, "Internal error.")
	res.mustNotContain(t, "postgres", "pool", "closed")
	if res := a.anonymous().get("/readyz"); res.status != http.StatusServiceUnavailable {
		t.Errorf("/readyz: status %d, want 503", res.status)
	}
}

func TestPeople(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")
	t.Run("CreateWithNewOrganisation", func(t *testing.T) {
		res := admin.post("/admin/people/new", url.Values{"name": {"Zoë Ng"}, "organisation": {"Ofgem"}, "email": {""}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		admin.get("/admin/people").mustContain(t, "Zoë Ng", "Ofgem")
	})
	t.Run("ExistingOrganisationMatchedWithoutCase", func(t *testing.T) {
		admin.post("/admin/people/new", url.Values{"name": {"Dan Cee"}, "organisation": {"dcc"}})
		orgs, err := a.store.Organisations(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, o := range orgs {
			if strings.EqualFold(o.Name, "dcc") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d organisations named DCC, want 1", n)
		}
	})
	t.Run("ErrNoNameKeepsForm", func(t *testing.T) {
		res := admin.post("/admin/people/new", url.Values{"name": {"  "}, "organisation": {"Ofgem"}, "email": {"x@"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Enter the person&#39;s name.", `value="Ofgem"`, `value="x@"`)
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
