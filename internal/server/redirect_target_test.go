package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// browserResolve is where a browser goes with a Location header, after the
// WHATWG URL parser's own clean-up: it strips leading and trailing C0
// controls and spaces, removes every tab, CR and LF, and reads a backslash
// as a slash in an http(s) URL.
func browserResolve(t *testing.T, base, location string) *url.URL {
	t.Helper()
	s := strings.TrimFunc(location, func(r rune) bool { return r <= ' ' })
	s = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(s)
	s = strings.ReplaceAll(s, `\`, "/")
	b, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u, err := b.Parse(s)
	if err != nil {
		// What Go cannot parse, a browser would not follow off-site either.
		return b
	}
	return u
}

// rawRedirect sends a request as c and returns the status and the
// Location header as sent. It goes under the client, whose parser refuses a
// Location with a control character (which a browser would clean up and
// follow).
func rawRedirect(t *testing.T, c *client, method, path string, form url.Values) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, ck := range c.http.Jar.Cookies(req.URL) {
		req.AddCookie(ck)
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode, res.Header.Get("Location")
}

// Issue 13, point 3: next is a same-site path after the browser's own
// normalisation, or the home page.
func TestSignInNextIsSameSite(t *testing.T) {
	a := newApp(t)
	signedIn := a.as("member")
	base := a.srv.URL + "/sign-in"
	home := url.URL{Path: "/"}

	for _, tc := range []struct {
		name, next, want string
	}{
		{"Path", "/committees/OPSG", "/committees/OPSG"},
		{"PathWithQuery", "/actions?status=open&owner=3", "/actions?status=open&owner=3"},
		{"PathWithFragment", "/committees/OPSG/meetings/105#item-2", "/committees/OPSG/meetings/105#item-2"},
		{"Home", "/", "/"},
		{"AtSignInPath", "/@evil.example", "/@evil.example"},
		{"SchemeLikeWordInPath", "/javascript:alert(1)", "/javascript:alert(1)"},

		{"Empty", "", "/"},
		{"Relative", "evil.example/path", "/"},
		{"SchemeRelative", "//evil.example/", "/"},
		{"TabAfterSlash", "/\t/evil.example/path", "/"},
		{"LineFeedAfterSlash", "/\n/evil.example", "/"},
		{"CarriageReturnLineFeed", "/\r\n/evil.example", "/"},
		{"LeadingTab", "\t//evil.example", "/"},
		{"LeadingSpace", " //evil.example", "/"},
		{"NulByte", "/\x00/evil.example", "/"},
		{"SlashBackslash", `/\evil.example`, "/"},
		{"Backslashes", `\\evil.example`, "/"},
		{"BackslashSlash", `\/evil.example`, "/"},
		{"SlashBackslashSlash", `/\/evil.example`, "/"},
		{"EncodedSlashes", "/%2F/evil.example", "/"},
		{"EncodedSlashesAtStart", "%2F%2Fevil.example", "/"},
		{"EncodedBackslash", "/%5Cevil.example", "/"},
		{"EncodedTab", "/%09/evil.example", "/"},
		{"DotSegment", "/.//evil.example", "/"},
		{"DotDotSegment", "/..//evil.example", "/"},
		{"Scheme", "https://evil.example/", "/"},
		{"SchemeWithoutSlashes", "http:evil.example", "/"},
		{"UpperCaseScheme", "HTTPS://evil.example", "/"},
		{"JavaScript", "javascript:alert(1)", "/"},
		{"UserInfo", "//user@evil.example", "/"},
		{"UserInfoWithScheme", "https://minutebook.example@evil.example/", "/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, via := range []string{"GET", "POST"} {
				status, location := rawRedirect(t, signedIn, http.MethodGet, "/sign-in?next="+url.QueryEscape(tc.next), nil)
				if via == "POST" {
					status, location = rawRedirect(t, a.anonymous(), http.MethodPost, "/sign-in",
						url.Values{"email": {a.emails["member"]}, "password": {testPassword}, "next": {tc.next}})
				}
				if status != http.StatusSeeOther {
					t.Fatalf("%s: status %d", via, status)
				}
				if location != tc.want {
					t.Errorf("%s: Location %q, want %q", via, location, tc.want)
				}
				got := browserResolve(t, base, location)
				if want, _ := url.Parse(a.srv.URL); got.Host != want.Host || got.Scheme != want.Scheme {
					t.Errorf("%s: Location %q takes a browser to %s", via, location, got)
				}
				if tc.want == "/" && got.Path != home.Path {
					t.Errorf("%s: Location %q takes a browser to %s, want the home page", via, location, got)
				}
			}
		})
	}

	t.Run("SignInFormCarriesOnlyASafeNext", func(t *testing.T) {
		res := a.anonymous().get("/sign-in?next=" + url.QueryEscape("/\t/evil.example/path"))
		res.mustNotContain(t, "evil.example")
	})
}
