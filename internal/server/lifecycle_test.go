package server_test

import (
	"net/http"
	"testing"
)

// TestLifecycleConfirmations: circulating and publishing are confirmed on
// a page that says who will be able to read the minutes, worked out by the
// reading rule; the count of comments to resolve links to the first.
func TestLifecycleConfirmations(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	t.Run("Circulate", func(t *testing.T) {
		res := sec.get("/committees/OPSG/meetings/106/circulate")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "Circulate the draft minutes of OPSG 106?", "its secretariat", "the committee&#39;s members", "the public, on the public site", `data-testid="confirm-circulate"`)
		if i, j := indexOf(res.body, `data-testid="audience"`), indexOf(res.body, "the public, on the public site"); j < indexOf(res.body, `data-testid="not-audience"`) || i < 0 {
			t.Error("the public are listed among those who may read a circulated draft")
		}
	})
	t.Run("ErrNotADraft", func(t *testing.T) {
		if res := sec.get("/committees/OPSG/meetings/104/circulate"); res.status != http.StatusConflict {
			t.Errorf("status %d", res.status)
		}
	})
	t.Run("PublishSaysThePublic", func(t *testing.T) {
		res := sec.get("/committees/OPSG/meetings/103/publish")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		audience := res.body[indexOf(res.body, `data-testid="audience"`):indexOf(res.body, `data-testid="not-audience"`)]
		if indexOf(audience, "the public, on the public site") < 0 || indexOf(audience, "every other signed-in user") < 0 {
			t.Errorf("publishing CLEAR minutes does not say the public may read them: %s", audience)
		}
	})
	t.Run("CommentsToResolveLink", func(t *testing.T) {
		res := sec.get("/committees/OPSG/meetings/104")
		res.mustContain(t, "1 comment to resolve</a>", `href="/committees/OPSG/meetings/104#comment-`)
	})
}
