package server_test

import (
	"net/http"
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
