package server_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestSignIn(t *testing.T) {
	a := newApp(t)

	t.Run("OKRenewsSessionAndShowsName", func(t *testing.T) {
		c := a.anonymous()
		c.get("/sign-in")
		before := sessionCookie(c, a)
		res := c.post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {testPassword}, "next": {"/committees/OPSG"}})
		if res.status != http.StatusSeeOther || res.location != "/committees/OPSG" {
			t.Fatalf("status %d location %q", res.status, res.location)
		}
		if after := sessionCookie(c, a); after == "" || after == before {
			t.Errorf("the session token was not renewed at sign-in")
		}
		c.get("/committees").mustContain(t, "Kevin Donnelly", "Signed in as Kevin Donnelly.")
	})

	t.Run("CookieFlags", func(t *testing.T) {
		c := a.anonymous()
		res := c.post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {testPassword}})
		set := strings.Join(res.header.Values("Set-Cookie"), "\n")
		for _, want := range []string{"minutebook_session=", "HttpOnly", "SameSite=Lax"} {
			if !strings.Contains(set, want) {
				t.Errorf("Set-Cookie %q lacks %s", set, want)
			}
		}
	})

	t.Run("ErrSameMessageForUnknownAccountAndWrongPassword", func(t *testing.T) {
		wrong := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["chair"]}, "password": {"not the password"}})
		unknown := a.anonymous().post("/sign-in", url.Values{"email": {"nobody@example.org"}, "password": {"not the password"}})
		if wrong.status != http.StatusUnauthorized || unknown.status != http.StatusUnauthorized {
			t.Fatalf("statuses %d and %d, want 401", wrong.status, unknown.status)
		}
		msg := regexp.MustCompile(`data-testid="sign-in-error"><p>([^<]*)<`)
		if m1, m2 := msg.FindStringSubmatch(wrong.body), msg.FindStringSubmatch(unknown.body); m1 == nil || m2 == nil || m1[1] != m2[1] {
			t.Errorf("messages differ or are missing: %v / %v", m1, m2)
		}
		wrong.mustContain(t, `value="`+a.emails["chair"]+`"`)
	})

	t.Run("ErrThrottledPerAccount", func(t *testing.T) {
		for i := 0; i < 5; i++ {
			a.anonymous().post("/sign-in", url.Values{"email": {a.emails["non-member"]}, "password": {"guess"}})
		}
		res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["non-member"]}, "password": {testPassword}})
		if res.status != http.StatusTooManyRequests {
			t.Fatalf("status %d, want 429 even with the right password", res.status)
		}
		res.mustContain(t, "Too many failed sign-ins")
	})

	t.Run("ErrDeactivatedCannotSignInAndLosesSession", func(t *testing.T) {
		c := a.as("panel-chair")
		u, _, err := a.store.UserByEmail(t.Context(), a.emails["panel-chair"])
		if err != nil {
			t.Fatal(err)
		}
		if res := a.as("admin").post("/admin/users/"+i64(u.ID)+"/deactivate", nil); res.status != http.StatusSeeOther {
			t.Fatalf("deactivate: status %d", res.status)
		}
		if res := c.get("/committees"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/sign-in") {
			t.Errorf("old session: status %d location %q, want a redirect to sign in", res.status, res.location)
		}
		res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["panel-chair"]}, "password": {testPassword}})
		if res.status != http.StatusUnauthorized {
			t.Errorf("sign in: status %d, want 401", res.status)
		}
		a.as("admin").post("/admin/users/"+i64(u.ID)+"/activate", nil)
	})

	t.Run("SignOut", func(t *testing.T) {
		c := a.as("member")
		if res := c.post("/sign-out", nil); res.status != http.StatusSeeOther {
			t.Fatalf("status %d", res.status)
		}
		if res := c.get("/committees"); res.status != http.StatusSeeOther {
			t.Errorf("after sign-out: status %d, want a redirect to sign in", res.status)
		}
	})

	t.Run("ErrOffSiteNextIgnored", func(t *testing.T) {
		res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {testPassword}, "next": {"//evil.example/"}})
		if res.location != "/" {
			t.Errorf("location %q, want /", res.location)
		}
	})
}

func sessionCookie(c *client, a *app) string {
	u, _ := url.Parse(a.srv.URL)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == "minutebook_session" {
			return ck.Value
		}
	}
	return ""
}

func TestPasswordChange(t *testing.T) {
	a := newApp(t)
	c := a.as("chair")

	t.Run("ErrWrongCurrentPassword", func(t *testing.T) {
		res := c.post("/account/password", url.Values{"current_password": {"wrong"}, "new_password": {"a new long password"}, "confirm_password": {"a new long password"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "That is not your current password.")
	})

	t.Run("ErrTooShort", func(t *testing.T) {
		res := c.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"short"}, "confirm_password": {"short"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "at least 12 characters")
	})

	t.Run("OK", func(t *testing.T) {
		res := c.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"a new long password"}, "confirm_password": {"a new long password"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["chair"]}, "password": {"a new long password"}}); res.status != http.StatusSeeOther {
			t.Errorf("sign in with the new password: status %d", res.status)
		}
	})
}

func TestAPIToken(t *testing.T) {
	a := newApp(t)
	c := a.as("member")
	res := c.post("/account/tokens", url.Values{"token_name": {"spreadsheet"}})
	m := regexp.MustCompile(`data-testid="new-token">(mbk_[A-Za-z0-9_-]+)<`).FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("no token shown\n%s", res.body)
	}
	bearer := func(secret string) *response {
		req, _ := http.NewRequest(http.MethodGet, a.srv.URL+"/account", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		return a.anonymous().do(req)
	}
	t.Run("OK", func(t *testing.T) {
		res := bearer(m[1])
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Kevin Donnelly")
	})
	t.Run("ErrUnknownToken", func(t *testing.T) {
		if res := bearer("mbk_nonsense"); res.status != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", res.status)
		}
	})
	t.Run("ErrRevoked", func(t *testing.T) {
		id := regexp.MustCompile(`/account/tokens/(\d+)/revoke`).FindStringSubmatch(c.get("/account").body)
		if id == nil {
			t.Fatal("no revoke button")
		}
		if res := c.post("/account/tokens/"+id[1]+"/revoke", nil); res.status != http.StatusSeeOther {
			t.Fatalf("revoke: status %d", res.status)
		}
		if res := bearer(m[1]); res.status != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", res.status)
		}
	})
}

func TestProtection(t *testing.T) {
	a := newApp(t)

	t.Run("SecurityHeadersOnEveryResponse", func(t *testing.T) {
		for _, path := range []string{"/public", "/nowhere", "/static/style.css", "/healthz"} {
			res := a.anonymous().get(path)
			csp := res.header.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("%s: CSP %q", path, csp)
			}
			if res.header.Get("X-Content-Type-Options") != "nosniff" || res.header.Get("Referrer-Policy") == "" {
				t.Errorf("%s: headers %v", path, res.header)
			}
		}
	})

	t.Run("ErrCrossOriginPostRefused", func(t *testing.T) {
		c := a.as("admin")
		req, _ := http.NewRequest(http.MethodPost, a.srv.URL+"/committees/new", strings.NewReader("code=EVIL&name=Evil"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		req.Header.Set("Origin", "https://evil.example")
		if res := c.do(req); res.status != http.StatusForbidden {
			t.Fatalf("status %d, want 403", res.status)
		}
		if _, err := a.store.CommitteeByCode(t.Context(), "EVIL"); err == nil {
			t.Fatal("the cross-origin POST created a committee")
		}
	})

	t.Run("ErrGetDoesNotChangeState", func(t *testing.T) {
		// Issue 12: the wrong method is 405 with Allow (it was 404, "nothing at this address").
		admin := a.as("admin")
		if res := admin.get("/sign-out"); res.status != http.StatusMethodNotAllowed || res.header.Get("Allow") != http.MethodPost {
			t.Errorf("GET /sign-out: status %d, Allow %q; want 405, POST", res.status, res.header.Get("Allow"))
		}
		if res := admin.get("/account"); res.status != http.StatusOK {
			t.Errorf("after GET /sign-out: /account status %d, want 200: still signed in", res.status)
		}
	})

	t.Run("NotFoundPageShowsNoInternals", func(t *testing.T) {
		res := a.as("admin").get("/committees/NOPE")
		if res.status != http.StatusNotFound {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "There is no committee NOPE.")
		res.mustNotContain(t, "postgres:", "no rows", "sql")
	})

	t.Run("Probes", func(t *testing.T) {
		for _, p := range []string{"/healthz", "/readyz"} {
			if res := a.anonymous().get(p); res.status != http.StatusOK {
				t.Errorf("%s: status %d", p, res.status)
			}
		}
	})
}

// Issue 13, point 1 (ASVS 3.3.3): a password change ends the account's other
// sessions and renews the one it was made from; API tokens are kept.
func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	a := newApp(t)
	here, there := a.as("chair"), a.as("chair")
	token := regexp.MustCompile(`data-testid="new-token">(mbk_[A-Za-z0-9_-]+)<`).FindStringSubmatch(
		here.post("/account/tokens", url.Values{"token_name": {"spreadsheet"}}).body)
	if token == nil {
		t.Fatal("no token made")
	}
	before := sessionCookie(here, a)
	res := here.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {"a new long password"}, "confirm_password": {"a new long password"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("change: status %d\n%s", res.status, res.body)
	}
	if after := sessionCookie(here, a); after == "" || after == before {
		t.Error("the session the password was changed from was not renewed")
	}
	if res := here.get("/account"); res.status != http.StatusOK {
		t.Errorf("the session that changed the password: status %d, want 200", res.status)
	}
	if res := there.get("/account"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.location, "/sign-in") {
		t.Errorf("the other session: status %d location %q, want a redirect to sign in", res.status, res.location)
	}
	req, _ := http.NewRequest(http.MethodGet, a.srv.URL+"/account", nil)
	req.Header.Set("Authorization", "Bearer "+token[1])
	if res := a.anonymous().do(req); res.status != http.StatusOK {
		t.Errorf("the API token after a password change: status %d, want 200 (tokens are kept)", res.status)
	}
}

// Issue 13, point 9: the 10,000 most common passwords are refused, in any
// case and with digits or symbols added at the end.
func TestPasswordChangeRefusesCommonPasswords(t *testing.T) {
	a := newApp(t)
	c := a.as("member")
	for _, pw := range []string{"unbelievable", "UnBelievable", "Password2024!", "qwertyuiop123", "dragon 123456"} {
		res := c.post("/account/password", url.Values{"current_password": {testPassword}, "new_password": {pw}, "confirm_password": {pw}})
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%q: status %d, want 422", pw, res.status)
			continue
		}
		res.mustContain(t, "one of the most common passwords")
	}
	if res := a.anonymous().post("/sign-in", url.Values{"email": {a.emails["member"]}, "password": {testPassword}}); res.status != http.StatusSeeOther {
		t.Errorf("the old password stopped working: status %d", res.status)
	}
}

// Issue 13, point 9: the sign-in page says that a lockout refuses even the
// right password, and the lockout's message is the same whether or not the
// account exists.
func TestSignInLockoutWording(t *testing.T) {
	a := newApp(t)
	a.anonymous().get("/sign-in").mustContain(t, "even with the right password")
	lock := func(email string) *response {
		for i := 0; i < 5; i++ {
			a.anonymous().post("/sign-in", url.Values{"email": {email}, "password": {"guess"}})
		}
		return a.anonymous().post("/sign-in", url.Values{"email": {email}, "password": {testPassword}})
	}
	known, unknown := lock(a.emails["member"]), lock("nobody-at-all@example.org")
	if known.status != http.StatusTooManyRequests || unknown.status != http.StatusTooManyRequests {
		t.Fatalf("statuses %d and %d, want 429 for both", known.status, unknown.status)
	}
	msg := regexp.MustCompile(`data-testid="sign-in-error"><p>([^<]*)<`)
	m1, m2 := msg.FindStringSubmatch(known.body), msg.FindStringSubmatch(unknown.body)
	if m1 == nil || m2 == nil || m1[1] != m2[1] {
		t.Fatalf("lockout messages differ or are missing: %v / %v", m1, m2)
	}
	if !strings.Contains(m1[1], "even with the right password") || strings.Contains(m1[1], "15m0s") {
		t.Errorf("lockout message %q", m1[1])
	}
}

// Issue 13, point 1: tokens outlive a password change, so the account page
// offers to revoke them all at once.
func TestRevokeAllTokens(t *testing.T) {
	a := newApp(t)
	c := a.as("member")
	var secrets []string
	for _, name := range []string{"spreadsheet", "dashboard"} {
		m := regexp.MustCompile(`data-testid="new-token">(mbk_[A-Za-z0-9_-]+)<`).FindStringSubmatch(c.post("/account/tokens", url.Values{"token_name": {name}}).body)
		if m == nil {
			t.Fatal("no token made")
		}
		secrets = append(secrets, m[1])
	}
	c.get("/account").mustContain(t, `data-testid="revoke-all-tokens"`, "Revoke all 2 tokens", "A token is kept when your password changes")
	res := c.post("/account/tokens/revoke-all", nil)
	if res.status != http.StatusSeeOther || res.location != "/account" {
		t.Fatalf("status %d location %q", res.status, res.location)
	}
	page := c.get("/account")
	page.mustContain(t, "All 2 of your tokens have been revoked.")
	page.mustNotContain(t, `data-testid="revoke-all-tokens"`)
	for _, secret := range secrets {
		req, _ := http.NewRequest(http.MethodGet, a.srv.URL+"/api/v1/committees", nil)
		req.Header.Set("Authorization", "Bearer "+secret)
		if res := a.anonymous().do(req); res.status != http.StatusUnauthorized {
			t.Errorf("a revoked token: status %d, want 401", res.status)
		}
	}
}
