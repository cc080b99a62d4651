package server_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestActionPage(t *testing.T) {
	a := newApp(t)

	t.Run("FullHistory", func(t *testing.T) {
		res := a.as("member").get("/actions/TABASC/87/01")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Action TABASC 87/01", "Target revised twice, 118 days in all.", "moved from 05/10/2023 to 02/11/2023",
			"moved from 02/11/2023 to 31/01/2024", "Waiting on the Communications Hub manufacturer", "Overdue")
		res.mustNotContain(t, `data-testid="change-form"`)
	})
	t.Run("ErrHiddenActionIsNotFound", func(t *testing.T) {
		if res := a.as("non-member").get("/actions/PANEL/120/01"); res.status != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.status)
		}
	})
	t.Run("SecretariatClosesAndReopens", func(t *testing.T) {
		x := regEnter(t, a, "OPSG", 99, 1, regDay(2023, 8, 15), "DCC", "The DCC to review the outage plan.", ptrTime(regDay(2023, 10, 1)))
		m106, err := a.store.MeetingByNumber(context.Background(), "OPSG", 106)
		if err != nil {
			t.Fatal(err)
		}
		sec := a.as("secretariat")
		page := sec.get("/actions/OPSG/99/01")
		page.mustContain(t, `data-testid="change-form"`, "OPSG 106 – 14 November 2023")
		res := sec.post("/actions/OPSG/99/01/record", url.Values{"version": {itoa(x.Version)}, "meeting": {i64(m106.ID)}, "kind": {"closed"}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("close without note: status %d", res.status)
		}
		res.mustContain(t, "Write a closing note")
		res = sec.post("/actions/OPSG/99/01/record", url.Values{"version": {itoa(x.Version)}, "meeting": {i64(m106.ID)}, "kind": {"closed"}, "note": {"Plan reviewed."}})
		if res.status != http.StatusSeeOther || res.location != "/actions/OPSG/99/01" {
			t.Fatalf("close: status %d location %q\n%s", res.status, res.location, res.body)
		}
		if res := a.as("member").post("/actions/OPSG/99/01/reopen", url.Values{"version": {itoa(x.Version + 1)}, "note": {"No."}}); res.status != http.StatusForbidden {
			t.Errorf("member reopening: status %d, want 403", res.status)
		}
		res = sec.post("/actions/OPSG/99/01/reopen", url.Values{"version": {itoa(x.Version + 1)}, "note": {"The plan missed the BCDR tests."}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("reopen: status %d\n%s", res.status, res.body)
		}
		got, err := a.store.Action(context.Background(), x.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != mb.ActionOpen || len(got.Events) != 2 {
			t.Errorf("after close and reopen: %s with %d events", got.Status, len(got.Events))
		}
		// Stale version: the form comes back with what was typed.
		res = sec.post("/actions/OPSG/99/01/record", url.Values{"version": {itoa(x.Version)}, "meeting": {i64(m106.ID)}, "kind": {"update"}, "note": {"Typed but stale."}})
		if res.status != http.StatusConflict {
			t.Fatalf("stale: status %d", res.status)
		}
		res.mustContain(t, "Someone else changed this action", "Typed but stale.")
	})
	t.Run("NoteFromUnreadableMinutesWithheld", func(t *testing.T) {
		// OPSG 102/01 is in published CLEAR minutes; its closure at 105 is
		// too. A reopening outside a meeting is for OPSG's members.
		a102, err := a.store.ActionByReference(context.Background(), "OPSG", 102, 1)
		if err != nil {
			t.Fatal(err)
		}
		res := a.as("secretariat").post("/actions/OPSG/102/01/reopen", url.Values{"version": {itoa(a102.Version)}, "note": {"Internal reason for reopening."}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("reopen: status %d\n%s", res.status, res.body)
		}
		anon := a.anonymous().get("/actions/OPSG/102/01")
		anon.mustContain(t, "Reopened", "The note is in minutes you may not read.", "The formal report was provided to TABASC")
		anon.mustNotContain(t, "Internal reason for reopening.")
		a.as("member").get("/actions/OPSG/102/01").mustContain(t, "Internal reason for reopening.")
	})
}
