package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/web"
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

// Issue 13, point 2: an administrator's password reset, and a deactivation,
// end every session of the user at once; reactivating does not bring an old
// session back.
func TestAdministratorEndsSessions(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")
	userID := func(key string) int64 {
		u, _, err := a.store.UserByEmail(t.Context(), a.emails[key])
		if err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	signedOut := func(t *testing.T, c *client) {
		t.Helper()
		if res := c.get("/account"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/sign-in") {
			t.Errorf("old session: status %d location %q, want a redirect to sign in", res.status, res.location)
		}
	}

	t.Run("Reset", func(t *testing.T) {
		one, two := a.as("chair"), a.as("chair")
		if res := admin.post(web.UserResetPasswordPath(userID("chair")), nil); res.status != http.StatusOK {
			t.Fatalf("reset: status %d", res.status)
		}
		signedOut(t, one)
		signedOut(t, two)
	})
	t.Run("DeactivateThenReactivate", func(t *testing.T) {
		c := a.as("panel-chair")
		id := userID("panel-chair")
		admin.post(web.UserDeactivatePath(id), nil)
		admin.post(web.UserActivatePath(id), nil)
		signedOut(t, c)
		if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["panel-chair"]}, "password": {testPassword}}); res.status != http.StatusSeeOther {
			t.Errorf("signing in again after reactivation: status %d", res.status)
		}
	})
	t.Run("OwnResetKeepsOwnSession", func(t *testing.T) {
		u, _, _ := a.store.UserByEmail(t.Context(), adminEmail)
		if res := admin.post(web.UserResetPasswordPath(u.ID), nil); res.status != http.StatusOK {
			t.Fatalf("reset: status %d", res.status)
		}
		if res := admin.get("/admin/users"); res.status != http.StatusOK {
			t.Errorf("the administrator's own session after resetting their own password: status %d", res.status)
		}
	})
}

// Issue 13, point 9: an administrator sees a lockout on the user's page and
// lifts it there; the lift is audited.
func TestAdministratorLiftsLockout(t *testing.T) {
	a := newApp(t)
	admin := a.as("admin")
	u, _, err := a.store.UserByEmail(t.Context(), a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		a.anonymous().post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {"guess"}})
	}
	if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {testPassword}}); res.status != http.StatusTooManyRequests {
		t.Fatalf("before the lift: status %d, want 429", res.status)
	}
	page := admin.get(web.UserPath(u.ID))
	if page.status != http.StatusOK {
		t.Fatalf("user page: status %d", page.status)
	}
	page.mustContain(t, "Kevin Donnelly", `data-testid="lockout"`, web.UserUnlockPath(u.ID))
	admin.get(web.UsersPath()).mustContain(t, web.UserPath(u.ID))

	res := admin.post(web.UserUnlockPath(u.ID), nil)
	if res.status != http.StatusSeeOther || res.location != web.UserPath(u.ID) {
		t.Fatalf("lift: status %d location %q", res.status, res.location)
	}
	admin.get(res.location).mustNotContain(t, `data-testid="lockout"`)
	if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {testPassword}}); res.status != http.StatusSeeOther {
		t.Errorf("after the lift: status %d, want 303", res.status)
	}
	admin.get("/audit").mustContain(t, "Lifted the sign-in lockout of "+a.emails["member"])
}
