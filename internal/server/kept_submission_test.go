package server_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/server"
)

// TestKeptSubmission: a form posted after the session ended is kept, and
// signing in again in the same browser completes it as if posted then.
func TestKeptSubmission(t *testing.T) {
	now := time.Date(2023, 11, 14, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	a := newAppWith(t, server.Config{Clock: clock})
	item, version := itemID(t, a, 106, "1"), itemVersion(t, a, 106, "1")
	edit := "/committees/OPSG/meetings/106/items/" + item + "/edit"
	signIn := url.Values{"email": {a.emails["secretariat"]}, "password": {testPassword}}
	kept := func(t *testing.T, minute string) *client {
		t.Helper()
		c := a.anonymous() // the session has ended
		res := c.post(edit, url.Values{"version": {version}, "title": {"Previous Meeting Minutes"}, "minute": {minute}})
		if res.status != http.StatusUnauthorized {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, `data-testid="sign-in-kept"`, `data-testid="sign-in-form"`)
		return c
	}

	t.Run("CompletedAfterSigningIn", func(t *testing.T) {
		c := kept(t, "Kept while signed out.")
		res := c.post("/sign-in", signIn)
		if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/106#item-1" {
			t.Fatalf("status %d location %q", res.status, res.location)
		}
		if got := minutesOf(t, a, 106).Items[0].Minute; got != "Kept while signed out." {
			t.Errorf("minute %q", got)
		}
		// Once: signing in again does not save it twice.
		c2 := a.anonymous()
		if res := c2.post("/sign-in", signIn); res.location != "/" {
			t.Errorf("a browser with nothing kept goes to %q", res.location)
		}
	})
	t.Run("ErrChangedMeanwhileShowsTheFormFilledIn", func(t *testing.T) {
		c := kept(t, "My version, kept.")
		// Someone else saves the item meanwhile (the first save moved it on).
		if res := a.as("admin").post(edit, url.Values{"version": {itemVersion(t, a, 106, "1")}, "title": {"Previous Meeting Minutes"}, "minute": {"Their version."}}); res.status != http.StatusSeeOther {
			t.Fatalf("the other save: %d", res.status)
		}
		res := c.post("/sign-in", signIn)
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want the conflict", res.status)
		}
		res.mustContain(t, "My version, kept.", "Their version.", "Your text is kept in the form")
	})
	t.Run("OnlyTheBrowserThatSentIt", func(t *testing.T) {
		kept(t, "Sent from the first browser.")
		other := a.anonymous()
		if res := other.post("/sign-in", signIn); res.status != http.StatusSeeOther || res.location != "/" {
			t.Errorf("another browser: status %d location %q", res.status, res.location)
		}
		if got := minutesOf(t, a, 106).Items[0].Minute; got == "Sent from the first browser." {
			t.Error("another browser's sign-in completed the kept form")
		}
	})
	t.Run("ErrExpired", func(t *testing.T) {
		c := kept(t, "Kept too long.")
		now = now.Add(31 * time.Minute)
		res := c.post("/sign-in", signIn)
		if res.status != http.StatusSeeOther || res.location != "/" {
			t.Fatalf("status %d location %q", res.status, res.location)
		}
		if got := minutesOf(t, a, 106).Items[0].Minute; got == "Kept too long." {
			t.Error("a form kept past its time was saved")
		}
	})
	t.Run("WorkspaceFollowsToSignIn", func(t *testing.T) {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, a.srv.URL+edit, nil)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("HX-Request", "true")
		res := a.anonymous().do(req)
		if res.status != http.StatusUnauthorized || res.header.Get("HX-Redirect") == "" {
			t.Errorf("status %d HX-Redirect %q", res.status, res.header.Get("HX-Redirect"))
		}
	})
}

// TestFormDrafts: the reader's drafts of the workspace's forms are kept,
// offered, restored and thrown away once the form is saved; only forms of
// minutebook itself are kept.
func TestFormDrafts(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	item, version := itemID(t, a, 106, "1"), itemVersion(t, a, 106, "1")
	edit := "/committees/OPSG/meetings/106/items/" + item + "/edit"
	t.Run("Kept", func(t *testing.T) {
		res := sec.post("/drafts", url.Values{"draft_key": {edit}, "version": {version}, "title": {"Previous Meeting Minutes"}, "minute": {"Half a sentence"}})
		if res.status != http.StatusNoContent {
			t.Fatalf("status %d %s", res.status, res.body)
		}
		sec.get(edit).mustContain(t, "Unsaved draft from ", `data-testid="draft-restore"`)
		restored := sec.get(edit + "?draft=restore")
		restored.mustContain(t, ">Half a sentence</textarea>")
		restored.mustNotContain(t, `data-testid="draft-notice"`)
	})
	t.Run("AnotherReaderSeesNone", func(t *testing.T) {
		a.as("admin").get(edit).mustNotContain(t, `data-testid="draft-notice"`)
	})
	t.Run("ThrownAwayWhenSaved", func(t *testing.T) {
		if res := sec.post(edit, url.Values{"version": {version}, "title": {"Previous Meeting Minutes"}, "minute": {"Half a sentence, finished."}}); res.status != http.StatusSeeOther {
			t.Fatalf("save %d", res.status)
		}
		sec.get(edit).mustNotContain(t, `data-testid="draft-notice"`)
	})
	t.Run("ErrNotAForm", func(t *testing.T) {
		for _, key := range []string{"https://elsewhere.example/committees/OPSG", "/admin/users/new", "/committees/OPSG/nothing-here", "//elsewhere.example/x"} {
			if res := sec.post("/drafts", url.Values{"draft_key": {key}, "x": {"y"}}); res.status != http.StatusUnprocessableEntity {
				t.Errorf("draft of %q: status %d", key, res.status)
			}
		}
	})
	t.Run("ErrSignedOut", func(t *testing.T) {
		if res := a.anonymous().post("/drafts", url.Values{"draft_key": {edit}}); res.status != http.StatusUnauthorized {
			t.Errorf("status %d", res.status)
		}
	})
}
