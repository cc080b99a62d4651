package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/web"
)

// TestWorkspaceForms: an item's, a decision's and an action's forms open in
// the meeting's page where they belong; a save returns to the item's
// anchor, or opens the form asked for next.
func TestWorkspaceForms(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	item := itemID(t, a, 106, "1")
	base := "/committees/OPSG/meetings/106"

	t.Run("EditorInTheMinutes", func(t *testing.T) {
		res := sec.get(base + "/items/" + item + "/edit")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		minutes, section, editor := indexOf(res.body, `data-testid="minutes"`), indexOf(res.body, `id="item-1"`), indexOf(res.body, `data-testid="item-form"`)
		if minutes < 0 || section < minutes || editor < section {
			t.Errorf("the item's editor is not inside its section of the minutes (%d, %d, %d)", minutes, section, editor)
		}
	})
	t.Run("ThenOpensTheNextForm", func(t *testing.T) {
		res := sec.post(base+"/items/new", url.Values{"title": {"SEC Panel Reports – October 2023"}, "then": {"decision"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		id := itemID(t, a, 106, "2")
		if want := base + "/items/" + id + "/decisions/new#item-2"; res.location != want {
			t.Errorf("location %q, want %q", res.location, want)
		}
		res = sec.post(base+"/items/"+id+"/decisions/new", url.Values{"kind": {"NOTED"}, "text": {"the reports"}, "then": {"item"}})
		if want := base + "/items/new#item-new"; res.location != want {
			t.Errorf("after the decision, location %q, want %q", res.location, want)
		}
		res = sec.post(base+"/items/new?parent="+id, url.Values{"parent": {id}, "title": {"RDP Incidents"}, "then": {"sub-item"}})
		if want := base + "/items/new?parent=" + id + "#item-2"; res.location != want {
			t.Errorf("after the sub-item, location %q, want %q", res.location, want)
		}
	})
	t.Run("SaveReturnsToTheItem", func(t *testing.T) {
		res := sec.post(base+"/items/"+item+"/edit", url.Values{"version": {itemVersion(t, a, 106, "1")}, "title": {"Previous Meeting Minutes"}, "minute": {"The Chair invited comments."}})
		if res.status != http.StatusSeeOther || res.location != base+"#item-1" {
			t.Errorf("status %d location %q", res.status, res.location)
		}
	})
	t.Run("ErrSentBackInPlace", func(t *testing.T) {
		res := sec.post(base+"/items/new", url.Values{"minute": {"Typed, with no title."}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, `data-testid="minutes"`, `data-testid="item-form"`, "Typed, with no title.", "Enter the item&#39;s title")
	})
	t.Run("PreviewSavesNothing", func(t *testing.T) {
		res := sec.post(base+"/items/new", url.Values{"title": {"Preview only"}, "minute": {"**bold** <script>x</script>"}, "preview": {"1"}})
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		res.mustContain(t, "<strong>bold</strong>")
		res.mustNotContain(t, "<script>x")
		if doc := minutesOf(t, a, 106); len(doc.Items) != 2 {
			t.Errorf("%d items after a preview", len(doc.Items))
		}
	})
	t.Run("PreviewFragment", func(t *testing.T) {
		res := sec.post(base+"/preview", url.Values{"minute": {"- one\n- **two** <img src=x onerror=alert(1)>"}})
		if res.status != http.StatusOK || !strings.HasPrefix(res.body, "<ul>") {
			t.Fatalf("status %d body %q", res.status, res.body)
		}
		res.mustContain(t, "<strong>two</strong>")
		res.mustNotContain(t, "onerror", "<html")
		if res.body != web.RenderMinute("- one\n- **two** <img src=x onerror=alert(1)>") {
			t.Errorf("the preview is not the saved minutes' rendering: %q", res.body)
		}
	})
}

// TestPlacementInEveryRendering: OPSG 105's item 5 records its decision
// and three actions after 5.3, set apart, on the page, in print and the
// public site (one template), in the API and in the stored versions.
func TestPlacementInEveryRendering(t *testing.T) {
	a := newApp(t)
	anon := a.anonymous()
	for _, path := range []string{"/committees/OPSG/meetings/105", "/public/OPSG/105"} {
		body := pageText(anon.get(path).body)
		sub, continued, action, next := indexOf(body, "5.3. 3G Sunsetting Performance"), indexOf(body, "Item 5 (continued)"),
			indexOf(body, "ACTION 105/02:"), indexOf(body, "6. Risk Register")
		if sub < 0 || continued < sub || action < continued || next < action {
			t.Errorf("%s: 5.3 at %d, “continued” at %d, 105/02 at %d, item 6 at %d", path, sub, continued, action, next)
		}
		// Item 3's decisions have no sub-items to follow.
		if strings.Count(body, "(continued)") != 1 {
			t.Errorf("%s: %d “continued” labels, want item 5's only", path, strings.Count(body, "(continued)"))
		}
	}
	var doc struct {
		Items []struct {
			Number, Placement string
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(anon.get("/api/v1/committees/OPSG/meetings/105").body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Items[4].Number != "5" || doc.Items[4].Placement != "after" || doc.Items[2].Placement != "before" {
		t.Errorf("API placements %+v", doc.Items)
	}
	// The version stored when 105 was published says the same.
	m, _ := a.store.MeetingByNumber(context.Background(), "OPSG", 105)
	versions, err := a.store.MinutesVersions(context.Background(), m.ID)
	if err != nil || len(versions) == 0 {
		t.Fatal(versions, err)
	}
	text := versions[len(versions)-1].Minutes.Text(nil)
	if i, j := indexOf(text, "5.3. 3G Sunsetting Performance"), indexOf(text, "Item 5 (continued)\nThe OPSG NOTED the presentation."); i < 0 || j < i {
		t.Errorf("the stored version's text does not set item 5's own records apart after 5.3:\n%s", text)
	}
	history := a.as("member").get("/committees/OPSG/meetings/105/history?from=1&to=current")
	history.mustContain(t, "Item 5 (continued)")
}
