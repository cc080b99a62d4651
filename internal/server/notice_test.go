package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/server"
)

// The home page is each reader's own work, through the reading rule;
// anonymous visitors start at the published minutes as before.
func TestHomePage(t *testing.T) {
	a := newApp(t)
	if res := a.anonymous().get("/"); res.status != http.StatusSeeOther || res.location != "/public" {
		t.Errorf("anonymous: status %d to %q, want 303 to /public", res.status, res.location)
	}

	member := a.as("member").get("/")
	member.mustContain(t, "<h1>Your work</h1>", "Open actions of yours and of Albion Energy", `data-testid="home-action-counts"`,
		"Action", "TABASC 87/01", "PANEL 120/01", "Kevin Donnelly", "(you)",
		`href="/committees/OPSG/meetings/104"`, "comments by 24 October 2023")
	drafts := section(t, member.body, "home-drafts")
	if strings.Contains(drafts, "OPSG 106") {
		t.Error("the member is offered OPSG 106, a draft for the secretariat alone")
	}
	if strings.Contains(member.body, "For the OPSG secretariat") || strings.Contains(member.body, "Open escalations") {
		t.Error("the member sees the secretariat's to-do or the Panel's escalations")
	}

	sec := a.as("secretariat").get("/")
	todo := section(t, sec.body, "todo-OPSG")
	for _, want := range []string{"For the OPSG secretariat", "OPSG 104</a>: comments to resolve", "circulated, awaiting approval", "Past target with no update since"} {
		if !strings.Contains(todo, want) {
			t.Errorf("the secretariat's to-do lacks %q:\n%s", want, todo)
		}
	}
	chair := a.as("panel-chair").get("/")
	if esc := section(t, chair.body, "home-escalations"); !strings.Contains(esc, "OPSG-006") || !strings.Contains(esc, "Escalated to the SEC Panel") {
		t.Errorf("the Panel chair's escalations:\n%s", esc)
	}
	if other := section(t, a.as("non-member").get("/").body, "home-drafts"); !strings.Contains(other, "No draft minutes are out for your comments") {
		t.Errorf("a non-member is offered drafts:\n%s", other)
	}
}

// Circulated minutes classified RED are a draft for comment only to the
// members recorded at their meeting.
func TestHomePageKeepsRedDraftsToThoseRecorded(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	m, err := a.store.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	restoreSQL(t, a, `UPDATE meetings SET classification = 'RED' WHERE id = $1`, m.ID)
	if res := a.as("secretariat").post("/committees/OPSG/meetings/106/circulate", url.Values{"comments_due": {"2023-12-01"}}); res.status != http.StatusSeeOther {
		t.Fatalf("circulate: status %d", res.status)
	}
	if strings.Contains(section(t, a.as("member").get("/").body, "home-drafts"), "OPSG 106") {
		t.Error("the member, not recorded at RED OPSG 106, is offered its draft")
	}
	chair, _, err := a.store.UserByEmail(ctx, a.emails["chair"])
	if err != nil {
		t.Fatal(err)
	}
	restoreSQL(t, a, `INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, 'present')`, m.ID, chair.PersonID)
	a.as("chair").get("/").mustContain(t, `href="/committees/OPSG/meetings/106"`, "comments by 1 December 2023")
}

// Circulating records the comment deadline, and the event that tells the
// members; a deadline that is no date, or before the meeting, is refused.
func TestCirculateWithACommentDeadline(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	sec := a.as("secretariat")
	for _, bad := range []string{"soon", "2023-01-01"} {
		res := sec.post("/committees/OPSG/meetings/106/circulate", url.Values{"comments_due": {bad}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("%s: status %d", bad, res.status)
		}
		if m, _ := a.store.MeetingByNumber(ctx, "OPSG", 106); m.Status != mb.Draft {
			t.Errorf("circulated with the deadline %q", bad)
		}
		sec.get(res.location).mustContain(t, "comment deadline")
	}
	if res := sec.post("/committees/OPSG/meetings/106/circulate", url.Values{"comments_due": {"2023-12-01"}}); res.status != http.StatusSeeOther {
		t.Fatalf("status %d", res.status)
	}
	m, err := a.store.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != mb.Circulated || m.CommentsDue == nil || m.CommentsDue.Format(time.DateOnly) != "2023-12-01" {
		t.Errorf("OPSG 106: %s, comments due %v", m.Status, m.CommentsDue)
	}
	a.as("member").get("/committees/OPSG/meetings/106").mustContain(t, `<p data-testid="comments-due">Comments by 1 December 2023.</p>`)
	ids, err := a.store.PendingNoticeEvents(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, id := range ids {
		e, err := a.store.NoticeEvent(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		found = found || (e.Kind == mb.EventCirculated && e.MeetingID != nil && *e.MeetingID == m.ID)
	}
	if !found {
		t.Error("circulating recorded no event to tell the members")
	}
}

// The account page offers, per kind of message, at once, in the digest or
// never; the choice is kept, and a choice the kind does not offer is refused.
func TestNoticePreferences(t *testing.T) {
	a := newApp(t)
	member := a.as("member")
	page := member.get("/account")
	page.mustContain(t, "What you are sent", `name="minutes" value="immediately" checked`, `name="summary" value="digest" checked`,
		"no mail server yet")
	res := member.post("/account/notices", url.Values{"minutes": {"digest"}, "reminders": {"never"}, "summary": {"never"}})
	if res.status != http.StatusSeeOther || res.location != "/account#notices" {
		t.Fatalf("status %d to %q", res.status, res.location)
	}
	u, _, err := a.store.UserByEmail(context.Background(), a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.store.Preferences(context.Background(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.For(mb.NoticeMinutes) != mb.InDigest || p.For(mb.NoticeReminders) != mb.Never || p.For(mb.NoticeSummary) != mb.Never || p.For(mb.NoticeComments) != mb.Immediately {
		t.Errorf("saved %v", p)
	}
	member.get("/account").mustContain(t, `name="minutes" value="digest" checked`, `name="reminders" value="never" checked`)
	if res := member.post("/account/notices", url.Values{"summary": {"immediately"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("an immediate weekly digest: status %d, want 422", res.status)
	}
}

// An unsubscribe link works without signing in: a GET asks and changes
// nothing, a POST (a mail program's one-click POST too) stops the kind. A
// link changed by hand is not found.
func TestUnsubscribeLink(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	_, token := keptMessage(t, a.store, a.emails["member"])
	anon := a.anonymous()
	page := anon.get("/unsubscribe/" + token)
	page.mustContain(t, "Stop these messages?", "Kevin Donnelly", "Minutes circulated for comment, and published", `data-testid="unsubscribe-form"`)
	u, _, err := a.store.UserByEmail(ctx, a.emails["member"])
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := a.store.Preferences(ctx, u.ID); p.For(mb.NoticeMinutes) != mb.Immediately {
		t.Fatal("a GET of the unsubscribe link changed the choice")
	}
	// RFC 8058: a POST from the mail provider, with no cookie and no origin.
	req, err := http.NewRequest(http.MethodPost, a.srv.URL+"/unsubscribe/"+token, strings.NewReader("List-Unsubscribe=One-Click"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("one-click unsubscribe: status %d", resp.StatusCode)
	}
	if p, _ := a.store.Preferences(ctx, u.ID); p.For(mb.NoticeMinutes) != mb.Never {
		t.Errorf("after unsubscribing: %v", p)
	}
	for _, bad := range []string{token + "x", strings.Replace(token, "minutes", "reminders", 1), "1.minutes.x"} {
		if res := anon.get("/unsubscribe/" + bad); res.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", bad, res.status)
		}
	}
}

// The outbox shows administrators every message, and a failed one may be
// retried: without a mail server it is refused with the reason; with one
// its delivery is queued again.
func TestOutbox(t *testing.T) {
	var queued []int64
	queue := func(_ context.Context, _ pgx.Tx, ids []int64) error { queued = append(queued, ids...); return nil }
	for _, mail := range []bool{false, true} {
		cfg := server.Config{}
		if mail {
			cfg.Queue = queue
		}
		a := newAppWith(t, cfg)
		id, _ := keptMessage(t, a.store, a.emails["member"])
		admin := a.as("admin")
		list := admin.get("/admin/outbox")
		list.mustContain(t, "Your minutebook week", "kevin.donnelly@albion.example.org", `href="/admin/outbox/`+id+`"`)
		if mail != !strings.Contains(list.body, `data-testid="outbox-no-mail"`) {
			t.Errorf("mail %v: the outbox says whether messages are kept", mail)
		}
		admin.get("/admin/outbox?status=kept").mustContain(t, "Your minutebook week")
		if strings.Contains(admin.get("/admin/outbox?status=failed").body, "Your minutebook week") {
			t.Error("a kept message is listed as failed")
		}
		admin.get("/admin/outbox/"+id).mustContain(t, "Nothing this week.", "&lt;p&gt;Nothing this week.&lt;/p&gt;")
		restoreSQL(t, a, `UPDATE messages SET status = 'failed', failed_at = now(), attempts = 10, last_error = '451 try later' WHERE id = $1`, id)
		page := admin.get("/admin/outbox/" + id)
		page.mustContain(t, "451 try later", "10 attempts")
		if mail != strings.Contains(page.body, `data-testid="retry-form"`) {
			t.Errorf("mail %v: the retry button", mail)
		}
		res := admin.post("/admin/outbox/"+id+"/retry", nil)
		if res.status != http.StatusSeeOther {
			t.Fatalf("retry: status %d", res.status)
		}
		m, err := a.store.Message(context.Background(), mustID(t, id))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case !mail && m.Status != mb.MessageFailed:
			t.Errorf("without a mail server the retry made it %s", m.Status)
		case !mail:
			admin.get(res.location).mustContain(t, "No mail server is configured")
		case m.Status != mb.MessageQueued || len(queued) != 1 || queued[0] != m.ID:
			t.Errorf("retried: %s, jobs %v", m.Status, queued)
		}
	}
}

// The personal calendar feed offers only the reader's own actions: their
// organisation's and their own, not the rest of their committees'.
func TestPersonalCalendarOnlyMyActions(t *testing.T) {
	a := newApp(t)
	member := a.as("member")
	res := member.post("/account/calendar-token", nil)
	m := regexp.MustCompile(`https?://[^<"]+/calendar/(cal_[A-Za-z0-9_-]+)\.ics\?actions=mine`).FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("no 'only my actions' feed URL shown:\n%s", res.body)
	}
	all := summaries(t, a.anonymous().get("/calendar/"+m[1]+".ics"))
	mine := summaries(t, a.anonymous().get("/calendar/"+m[1]+".ics?actions=mine"))
	if !holds(all, "Action PANEL 120/02 due – SECAS") {
		t.Fatalf("the whole feed lacks the Panel's SECAS action: %q", all)
	}
	if holds(mine, "PANEL 120/02") {
		t.Errorf("'only my actions' carries another organisation's action: %q", mine)
	}
	for _, want := range []string{"Action PANEL 120/01 due – Albion Energy", "Action TABASC 87/01 due – Albion Energy", "OPSG 106 – Main Meeting"} {
		if !holds(mine, want) {
			t.Errorf("'only my actions' lacks %q: %q", want, mine)
		}
	}
}

// section is the part of a page marked with the test id.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `data-testid="`+id+`"`)
	if i < 0 {
		t.Fatalf("no %s on the page", id)
	}
	rest := page[i:]
	if j := strings.Index(rest, "</section>"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var id int64
	for _, c := range s {
		id = id*10 + int64(c-'0')
	}
	return id
}
