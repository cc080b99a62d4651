package server_test

import (
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/minutebook/minutebook/internal/server"
)

// pathsOfEveryKind are answered by different parts of the router: a page,
// the API, a probe, an asset, a 404 and a refusal.
var pathsOfEveryKind = []string{"/", "/public", "/sign-in", "/api/v1/committees", "/healthz", "/static/style.css", "/nowhere", "/admin/users"}

// Issue 13, point 4: with --secure-cookies every response carries HSTS for
// at least a year; without it (plain HTTP) none does.
func TestStrictTransportSecurity(t *testing.T) {
	maxAge := regexp.MustCompile(`^max-age=(\d+)(;|$)`)
	secure := newAppWith(t, server.Config{SecureCookies: true})
	for _, path := range pathsOfEveryKind {
		hsts := secure.anonymous().get(path).header.Get("Strict-Transport-Security")
		m := maxAge.FindStringSubmatch(hsts)
		if m == nil {
			t.Errorf("%s: Strict-Transport-Security %q", path, hsts)
			continue
		}
		if n, _ := strconv.Atoi(m[1]); n < 365*24*60*60 {
			t.Errorf("%s: max-age %d is less than a year", path, n)
		}
	}
	plain := newApp(t)
	for _, path := range pathsOfEveryKind {
		if hsts := plain.anonymous().get(path).header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("%s over plain HTTP: Strict-Transport-Security %q", path, hsts)
		}
	}
}

// Issue 13, point 5: the assets' directory is not listed.
func TestStaticDirectoryIsNotListed(t *testing.T) {
	a := newApp(t)
	for _, path := range []string{"/static/", "/static", "/static/nothing.css"} {
		res := a.anonymous().get(path)
		if res.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.status)
		}
		res.mustNotContain(t, `href="style.css"`)
	}
	if res := a.anonymous().get("/static/style.css"); res.status != http.StatusOK {
		t.Errorf("/static/style.css: status %d", res.status)
	}
}
