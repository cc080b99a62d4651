package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

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

// TestWrongMethodIs405 checks that a method an address does not serve is
// answered 405 with the methods it does serve, not as a missing page.
func TestWrongMethodIs405(t *testing.T) {
	a := newApp(t)
	c := a.as("secretariat")
	tests := []struct {
		name, method, path, allow, body string
	}{
		{"GetOfAPostOnlyAddress", http.MethodGet, "/sign-out", "POST", "does not answer GET requests"},
		{"PutOfAPage", http.MethodPut, "/committees/OPSG/meetings/105/edit", "GET, POST", "does not answer PUT requests"},
		{"DeleteInTheAPIAnswersJSON", http.MethodDelete, "/api/v1/committees", "GET", `"error": "method_not_allowed"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, c.base+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			res := c.do(req)
			if res.status != http.StatusMethodNotAllowed || res.header.Get("Allow") != tt.allow {
				t.Fatalf("status %d, Allow %q; want 405 with Allow %q\n%s", res.status, res.header.Get("Allow"), tt.allow, res.body)
			}
			res.mustContain(t, tt.body)
		})
	}
}

// Issue 13, point 6: the API answers every refusal in JSON, as the README
// says: {"error": code, "message": text} with the refusal's status.
func TestAPIRefusalsAreJSON(t *testing.T) {
	a := newApp(t)
	request := func(c *client, method, path string, header ...string) *response {
		req, err := http.NewRequest(method, c.base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return c.do(req)
	}
	tests := []struct {
		name   string
		res    *response
		status int
		code   string
	}{
		{"AnonymousOnASignedInRoute", request(a.anonymous(), http.MethodGet, "/api/v1/committees/OPSG/risks"), http.StatusUnauthorized, "unauthorized"},
		{"AnonymousOnAnotherSignedInRoute", request(a.anonymous(), http.MethodGet, "/api/v1/committees/PANEL/escalations"), http.StatusUnauthorized, "unauthorized"},
		{"UnknownToken", request(a.anonymous(), http.MethodGet, "/api/v1/committees", "Authorization", "Bearer mbk_nonsense"), http.StatusUnauthorized, "unauthorized"},
		{"NotABearerToken", request(a.anonymous(), http.MethodGet, "/api/v1/committees", "Authorization", "Basic eDp5"), http.StatusUnauthorized, "unauthorized"},
		{"Forbidden", request(a.as("non-member"), http.MethodGet, "/api/v1/committees/OPSG/risks"), http.StatusForbidden, "forbidden"},
		{"NoSuchAddress", request(a.anonymous(), http.MethodGet, "/api/v1/nothing-here"), http.StatusNotFound, "not_found"},
		{"NoSuchCommittee", request(a.anonymous(), http.MethodGet, "/api/v1/committees/NOPE/meetings"), http.StatusNotFound, "not_found"},
		{"WrongMethod", request(a.anonymous(), http.MethodPost, "/api/v1/actions"), http.StatusMethodNotAllowed, "method_not_allowed"},
		{"CrossOrigin", request(a.as("member"), http.MethodPost, "/api/v1/actions", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"), http.StatusForbidden, "forbidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.res.status != tt.status {
				t.Errorf("status %d, want %d", tt.res.status, tt.status)
			}
			if ct := tt.res.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want JSON\n%s", ct, tt.res.body)
			}
			var body struct{ Error, Message string }
			if err := json.Unmarshal([]byte(tt.res.body), &body); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, tt.res.body)
			}
			if body.Error != tt.code || body.Message == "" {
				t.Errorf("body %+v, want error %q and a message", body, tt.code)
			}
		})
	}
}
