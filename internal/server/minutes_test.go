package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// TestLifecyclePermissions walks OPSG 106 (a draft in the demo) through its
// lifecycle, checking at each step that only the committee's secretariat may
// move it and that each move lands.
func TestLifecyclePermissions(t *testing.T) {
	a := newApp(t)
	base := "/committees/OPSG/meetings/106"
	others := []string{"member", "chair", "panel-chair", "non-member"}
	refused := func(t *testing.T, path string, form url.Values) {
		t.Helper()
		for _, who := range others {
			if res := a.as(who).post(path, form); res.status != http.StatusForbidden {
				t.Errorf("POST %s as %s: status %d, want 403", path, who, res.status)
			}
		}
		if res := a.anonymous().post(path, form); res.status != http.StatusUnauthorized {
			t.Errorf("POST %s anonymously: status %d, want 401", path, res.status)
		}
	}
	status := func(t *testing.T) mb.MinutesStatus {
		m, err := a.store.MeetingByNumber(context.Background(), "OPSG", 106)
		if err != nil {
			t.Fatal(err)
		}
		return m.Status
	}
	sec := a.as("secretariat")

	t.Run("Circulate", func(t *testing.T) {
		refused(t, base+"/circulate", nil)
		if got := status(t); got != mb.Draft {
			t.Fatalf("status %s after refusals, want draft", got)
		}
		if res := sec.post(base+"/circulate", nil); res.status != http.StatusSeeOther {
			t.Fatalf("status %d", res.status)
		}
		if got := status(t); got != mb.Circulated {
			t.Fatalf("status %s, want circulated", got)
		}
	})

	t.Run("MemberCommentsSecretariatResolves", func(t *testing.T) {
		items, err := a.store.Items(context.Background(), mustMeeting(t, a, 106).ID)
		if err != nil || len(items) == 0 {
			t.Fatalf("items of 106: %v %v", items, err)
		}
		path := base + "/items/" + i64(items[0].ID) + "/comments"
		if res := a.as("non-member").post(path, url.Values{"body": {"Hello"}}); res.status != http.StatusNotFound {
			t.Errorf("non-member comment: status %d, want 404", res.status)
		}
		if res := a.as("member").post(path, url.Values{"body": {"Item 1 should say who chaired."}}); res.status != http.StatusSeeOther {
			t.Fatalf("member comment: status %d", res.status)
		}
		page := sec.get(base)
		page.mustContain(t, "Item 1 should say who chaired.", "1 comment to resolve")
		comments, _ := a.store.Comments(context.Background(), mustMeeting(t, a, 106).ID)
		resolve := base + "/comments/" + i64(comments[0].ID) + "/resolve"
		refused(t, resolve, url.Values{"resolution": {"x"}})
		if res := sec.post(resolve, url.Values{"resolution": {"Added."}}); res.status != http.StatusSeeOther {
			t.Fatalf("resolve: status %d", res.status)
		}
		a.as("member").get(base).mustContain(t, "Resolved by Sarah Roebel", "Added.")
	})

	t.Run("Approve", func(t *testing.T) {
		m107 := mustMeeting(t, a, 107)
		form := url.Values{"approved_at": {i64(m107.ID)}}
		refused(t, base+"/approve", form)
		res := sec.post(base+"/approve", form)
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		if got := status(t); got != mb.Approved {
			t.Fatalf("status %s, want approved", got)
		}
		sec.get("/committees/OPSG/meetings/107").mustContain(t, "1. Previous Meeting Minutes", "APPROVED</strong> the minutes from OPSG 106 as final.")
		sec.get(base).mustContain(t, "OPSG_106_2311 – Final Minutes", "Approved as final at OPSG 107.")
	})

	t.Run("ErrChangesToApprovedRefused", func(t *testing.T) {
		items, _ := a.store.Items(context.Background(), mustMeeting(t, a, 106).ID)
		item := items[0]
		for _, tc := range []struct {
			path string
			form url.Values
		}{
			{base + "/items/new", url.Values{"title": {"Late item"}}},
			{base + "/items/" + i64(item.ID) + "/edit", url.Values{"version": {itoa(item.Version)}, "title": {"Rewritten"}}},
			{base + "/items/" + i64(item.ID) + "/delete", nil},
			{base + "/items/" + i64(item.ID) + "/decisions/new", url.Values{"kind": {"NOTED"}, "text": {"a late decision"}}},
			{base + "/attendance", url.Values{"version": {"1"}, "rows": {"0"}}},
			{base + "/edit", url.Values{"version": {"1"}, "number": {"106"}, "kind": {"main"}, "date": {"2023-11-14"}, "classification": {"CLEAR"}}},
		} {
			res := sec.post(tc.path, tc.form)
			if res.status != http.StatusConflict {
				t.Errorf("POST %s: status %d, want 409", tc.path, res.status)
			}
		}
		if got, _ := a.store.Item(context.Background(), item.ID); got.Title != item.Title {
			t.Errorf("item title = %q: approved minutes changed", got.Title)
		}
		sec.get(base).mustNotContain(t, `data-testid="add-item"`, `data-testid="controls-1"`)
	})

	t.Run("Publish", func(t *testing.T) {
		refused(t, base+"/publish", nil)
		if res := a.anonymous().get("/public/OPSG/106"); res.status != http.StatusNotFound {
			t.Errorf("unpublished minutes on the public site: status %d, want 404", res.status)
		}
		if res := sec.post(base+"/publish", nil); res.status != http.StatusSeeOther {
			t.Fatalf("status %d", res.status)
		}
		a.anonymous().get("/public/OPSG/106").mustContain(t, "OPSG_106_2311 – Final Minutes")
	})

	t.Run("Correction", func(t *testing.T) {
		refused(t, base+"/correction", url.Values{"reason": {"x"}})
		if res := sec.post(base+"/correction", url.Values{"reason": {""}}); res.status != http.StatusUnprocessableEntity {
			t.Errorf("no reason: status %d, want 422", res.status)
		}
		if res := sec.post(base+"/correction", url.Values{"reason": {"Typo in item 1"}}); res.status != http.StatusSeeOther {
			t.Fatalf("status %d", res.status)
		}
		items, _ := a.store.Items(context.Background(), mustMeeting(t, a, 106).ID)
		res := sec.post(base+"/items/"+i64(items[0].ID)+"/edit", url.Values{"version": {itoa(items[0].Version)}, "title": {"Previous Meeting Minutes (corrected)"}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("edit during correction: status %d\n%s", res.status, res.body)
		}
		refused(t, base+"/correction/finish", nil)
		if res := sec.post(base+"/correction/finish", nil); res.status != http.StatusSeeOther {
			t.Fatalf("finish: status %d", res.status)
		}
		hist := a.as("member").get(base + "/history?from=3&to=4")
		hist.mustContain(t, "Corrected", "Typo in item 1", "<del>− 1. Previous Meeting Minutes</del>", "<ins>+ 1. Previous Meeting Minutes (corrected)</ins>")
	})
}

func mustMeeting(t *testing.T, a *app, number int) *mb.Meeting {
	t.Helper()
	m, err := a.store.MeetingByNumber(context.Background(), "OPSG", number)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestItemConflictKeepsWhatWasTyped checks that a save against a stale
// version is refused with both texts and the typed one kept.
func TestItemConflictKeepsWhatWasTyped(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	base := "/committees/OPSG/meetings/107"
	if res := sec.post(base+"/items/new", url.Values{"title": {"Actions Outstanding"}, "minute": {"SECAS presented."}}); res.status != http.StatusSeeOther {
		t.Fatalf("create: status %d\n%s", res.status, res.body)
	}
	items, _ := a.store.Items(context.Background(), mustMeeting(t, a, 107).ID)
	it := items[0]
	edit := base + "/items/" + i64(it.ID) + "/edit"
	if res := sec.post(edit, url.Values{"version": {itoa(it.Version)}, "title": {"Actions Outstanding"}, "minute": {"The saved text from a colleague."}}); res.status != http.StatusSeeOther {
		t.Fatalf("first save: status %d", res.status)
	}
	res := sec.post(edit, url.Values{"version": {itoa(it.Version)}, "title": {"Actions Outstanding"}, "minute": {"My own text, typed at length."}})
	if res.status != http.StatusConflict {
		t.Fatalf("stale save: status %d, want 409", res.status)
	}
	res.mustContain(t, "Someone else changed this item", "My own text, typed at length.</textarea>", `data-testid="saved-version"`, "The saved text from a colleague.")
	if !strings.Contains(res.body, `name="version" value="`+itoa(it.Version+1)+`"`) {
		t.Error("the conflict page should carry the saved version so that saving again is deliberate")
	}
	got, _ := a.store.Item(context.Background(), it.ID)
	if got.Minute != "The saved text from a colleague." {
		t.Errorf("minute = %q: no last-writer-wins", got.Minute)
	}
}

// TestPublicSiteAndAPI checks what the public and API clients see.
func TestPublicSiteAndAPI(t *testing.T) {
	a := newApp(t)
	anon := a.anonymous()

	t.Run("WithheldItemShownAsNotice", func(t *testing.T) {
		res := anon.get("/public/OPSG/102")
		res.mustContain(t, "Item 4 is classified AMBER and is not shown.")
		res.mustNotContain(t, "Security Assessment Briefing", "findings of the annual security assessment")
		a.as("member").get("/public/OPSG/102").mustContain(t, "Security Assessment Briefing")
	})

	t.Run("ActionOfAmberItemWithheldFromLaterTable", func(t *testing.T) {
		ctx := context.Background()
		m106, m107 := mustMeeting(t, a, 106), mustMeeting(t, a, 107)
		dcc, _ := a.store.EnsureOrganisation(ctx, "DCC")
		it := &mb.Item{MeetingID: m106.ID, Title: "Security briefing", Classification: mb.Amber}
		if err := a.store.CreateItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		if err := a.store.RaiseAction(ctx, &mb.Action{ItemID: &it.ID, Text: "The DCC to patch the secret thing.", OwnerID: dcc.ID}); err != nil {
			t.Fatal(err)
		}
		later := &mb.Meeting{CommitteeID: m107.CommitteeID, Number: 108, Kind: mb.MainMeeting, Date: m107.Date.AddDate(0, 1, 0), Classification: mb.Clear}
		if err := a.store.CreateMeeting(ctx, later); err != nil {
			t.Fatal(err)
		}
		if err := a.store.CreateItem(ctx, &mb.Item{MeetingID: m107.ID, Title: "Actions Outstanding"}); err != nil {
			t.Fatal(err)
		}
		for _, step := range []error{
			// Circulated, OPSG 106's action is the members' (a draft's is the secretariat's alone).
			a.store.Circulate(ctx, m106.ID),
			a.store.Circulate(ctx, m107.ID),
			a.store.Approve(ctx, postgres.Approval{MeetingID: m107.ID, ApprovedAt: later.ID}),
			a.store.Publish(ctx, m107.ID),
		} {
			if step != nil {
				t.Fatal(step)
			}
		}
		res := anon.get("/public/OPSG/107")
		res.mustContain(t, "One action outstanding is classified above your level and is not shown.")
		res.mustNotContain(t, "patch the secret thing")
		a.as("member").get("/public/OPSG/107").mustContain(t, "OPSG 106/01", "patch the secret thing")
		anon.get("/api/v1/committees/OPSG/meetings/107").mustNotContain(t, "patch the secret thing")
	})

	t.Run("IndexListsPublishedClear", func(t *testing.T) {
		res := anon.get("/public/OPSG")
		res.mustContain(t, "Operations Group Meeting 105", "Operations Group Meeting 102", "feed.atom")
		// 106's agenda is published (and listed), not its minutes.
		res.mustNotContain(t, "Meeting 104", `href="/public/OPSG/106"`)
		res.mustContain(t, `href="/committees/OPSG/meetings/106/agenda"`)
		if res := anon.get("/public/TABASC/88"); res.status != http.StatusNotFound {
			t.Errorf("GREEN minutes for the public: status %d, want 404", res.status)
		}
		a.as("non-member").get("/public/TABASC").mustContain(t, "Meeting 88")
	})

	t.Run("AtomFeed", func(t *testing.T) {
		res := anon.get("/public/OPSG/feed.atom")
		if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/atom+xml") {
			t.Errorf("content type %q", ct)
		}
		res.mustContain(t, `<feed xmlns="http://www.w3.org/2005/Atom">`, "<title>OPSG_105_2310 – Final Minutes</title>", "/public/OPSG/105")
	})

	t.Run("APIMeetingAnonymous", func(t *testing.T) {
		res := anon.get("/api/v1/committees/OPSG/meetings/102")
		if res.status != http.StatusOK {
			t.Fatalf("status %d", res.status)
		}
		var doc struct {
			DocumentTitle string `json:"document_title"`
			Items         []struct {
				Number   string `json:"number"`
				Withheld bool   `json:"withheld"`
				Title    string `json:"title"`
				Actions  []struct {
					Reference string `json:"reference"`
				} `json:"actions"`
			} `json:"items"`
		}
		if err := json.Unmarshal([]byte(res.body), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.DocumentTitle != "OPSG_102_2309 – Final Minutes" || len(doc.Items) != 5 || !doc.Items[3].Withheld || doc.Items[3].Title != "" {
			t.Errorf("doc = %+v", doc)
		}
		if refs := doc.Items[1].Actions; len(refs) != 2 || refs[0].Reference != "OPSG 102/01" {
			t.Errorf("actions of item 2 = %+v", refs)
		}
		if res := anon.get("/api/v1/committees/OPSG/meetings/104"); res.status != http.StatusNotFound || !strings.Contains(res.body, `"error": "not_found"`) {
			t.Errorf("AMBER draft for the public: status %d %s", res.status, res.body)
		}
	})

	t.Run("APIBearerToken", func(t *testing.T) {
		member, _, err := a.store.UserByEmail(context.Background(), a.emails["member"])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.CreateAPIToken(context.Background(), member.ID, "test", "mbk_member_secret"); err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodGet, a.srv.URL+"/api/v1/committees/OPSG/meetings/104", nil)
		req.Header.Set("Authorization", "Bearer mbk_member_secret")
		res := anon.do(req)
		if res.status != http.StatusOK || !strings.Contains(res.body, `"status": "circulated"`) {
			t.Errorf("member's token on AMBER circulated minutes: status %d %s", res.status, res.body)
		}
		req, _ = http.NewRequest(http.MethodGet, a.srv.URL+"/api/v1/committees", nil)
		req.Header.Set("Authorization", "Bearer wrong")
		if res := anon.do(req); res.status != http.StatusUnauthorized {
			t.Errorf("bad token: status %d, want 401", res.status)
		}
		res = anon.get("/api/v1/committees/OPSG/meetings")
		if strings.Contains(res.body, `"number": 104`) || !strings.Contains(res.body, `"number": 105`) {
			t.Errorf("public meetings list: %s", res.body)
		}
	})
}
