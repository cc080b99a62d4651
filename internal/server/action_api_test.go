package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestActionsAPI(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	member, _, err := a.store.UserByEmail(ctx, a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.CreateAPIToken(ctx, member.ID, "test", "mbk_register_test"); err != nil {
		t.Fatal(err)
	}
	bearer := func(path string) *response {
		c := a.anonymous()
		req, _ := http.NewRequest(http.MethodGet, a.srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer mbk_register_test")
		return c.do(req)
	}

	t.Run("SameFiltersAndAccessAsThePage", func(t *testing.T) {
		res := bearer("/api/v1/actions?committee=PANEL&status=overdue")
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d, %s", res.status, res.header.Get("Content-Type"))
		}
		res.mustContain(t, `"reference": "PANEL 120/01"`, `"overdue": true`, `"total": 1`, `"current_target_date": "2023-12-15"`)
		// The non-member reads the Panel's published CLEAR minutes (119),
		// not its AMBER ones (120).
		other := a.as("non-member").get("/api/v1/actions?committee=PANEL")
		other.mustContain(t, `"total": 1`, `"reference": "PANEL 119/01"`)
		other.mustNotContain(t, "PANEL 120/01")
	})
	t.Run("OneActionWithHistory", func(t *testing.T) {
		res := bearer("/api/v1/actions/TABASC/87/01")
		res.mustContain(t, `"times_revised": 2`, `"days_slipped": 118`, `"kind": "revised"`, `"meeting": "TABASC 88"`)
	})
	t.Run("ErrBadFilter", func(t *testing.T) {
		res := bearer("/api/v1/actions?raised_to=soon")
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, `"error": "invalid"`, "Enter a real date")
	})
	t.Run("ErrHiddenActionNotFound", func(t *testing.T) {
		if res := a.as("non-member").get("/api/v1/actions/PANEL/120/01"); res.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.status)
		}
	})
}
