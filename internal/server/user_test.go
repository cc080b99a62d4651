package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
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
