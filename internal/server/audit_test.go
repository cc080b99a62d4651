package server_test

import (
	"net/http"
	"net/url"
	"testing"
)

func TestAuditPage(t *testing.T) {
	a := newApp(t)
	a.as("admin").post("/committees/new", url.Values{"code": {"MDG"}, "name": {"Modifications Group"},
		"decision_vocabulary": {"NOTED"}, "escalation_threshold": {"15"}, "bands": {"All 1-25"}})

	t.Run("AdministratorSeesEverything", func(t *testing.T) {
		a.as("admin").get("/audit").mustContain(t, "Created committee MDG (Modifications Group)", "Ada Admin")
	})
	t.Run("FilterByCommittee", func(t *testing.T) {
		res := a.as("admin").get("/audit?committee=OPSG")
		res.mustContain(t, "Created committee OPSG")
		res.mustNotContain(t, "Created committee MDG")
	})
	t.Run("SecretariatSeesOnlyItsCommittees", func(t *testing.T) {
		res := a.as("secretariat").get("/audit")
		res.mustContain(t, "Created committee OPSG")
		res.mustNotContain(t, "Created committee MDG")
		if res := a.as("secretariat").get("/audit?committee=MDG"); res.status != http.StatusNotFound {
			t.Errorf("another committee's log: status %d, want 404", res.status)
		}
	})
}
