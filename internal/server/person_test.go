package server_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

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
