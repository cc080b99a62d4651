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
