package server_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
)

func TestEarlierActionForm(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	dcc, err := a.store.EnsureOrganisation(context.Background(), "DCC")
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"reference": {"OPSG 98/04"}, "raised_on": {"2023-06-13"}, "text": {"The DCC to report on the 3G switch-off."},
		"owner": {i64(dcc.ID)}, "target_date": {"2023-09-30"}}

	t.Run("OK", func(t *testing.T) {
		if page := sec.get("/committees/OPSG/actions/new"); page.status != http.StatusOK {
			t.Fatalf("form: status %d", page.status)
		}
		res := sec.post("/committees/OPSG/actions/new", form)
		if res.status != http.StatusSeeOther || res.location != "/actions/OPSG/98/04" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		sec.get(res.location).mustContain(t, "entered from earlier history", "30/09/2023")
	})
	t.Run("ErrReferenceUsedKeepsWhatWasTyped", func(t *testing.T) {
		res := sec.post("/committees/OPSG/actions/new", form)
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "references are never reused", `value="OPSG 98/04"`, "The DCC to report on the 3G switch-off.")
	})
	t.Run("ErrOtherCommitteesReference", func(t *testing.T) {
		f := url.Values{}
		for k, v := range form {
			f[k] = v
		}
		f.Set("reference", "TABASC 98/04")
		res := sec.post("/committees/OPSG/actions/new", f)
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "This form enters actions of OPSG")
	})
}
