package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/notify"
	"github.com/minutebook/minutebook/internal/postgres"
)

// noticeMatrix decides the routes of telling people (issue 18): the outbox
// is the administrators'; one's choices are one's own; an unsubscribe link
// is for whoever holds it, signed in or not.
func noticeMatrix(ids map[string]string) map[string]route {
	return map[string]route{
		"GET /admin/outbox":             {path: "/admin/outbox", expect: adminOnly},
		"GET /admin/outbox/{id}":        {path: "/admin/outbox/" + ids["message"], expect: adminOnly},
		"POST /admin/outbox/{id}/retry": {path: "/admin/outbox/" + ids["message"] + "/retry", expect: adminOnly},
		"POST /account/notices":         {path: "/account/notices", expect: signedIn, form: url.Values{"minutes": {"immediately"}}},
		"GET /unsubscribe/{token}":      {path: "/unsubscribe/" + ids["unsubscribe"], expect: everyone},
		"POST /unsubscribe/{token}":     {path: "/unsubscribe/" + ids["unsubscribe"], expect: everyone},
	}
}

// noticeMatrixFixtures keeps a message in the outbox (the member's digest)
// and signs the member's unsubscribe link for the minutes' notices.
func noticeMatrixFixtures(t *testing.T, a *app, ids map[string]string) {
	t.Helper()
	ids["message"], ids["unsubscribe"] = keptMessage(t, a.store, a.emails["member"])
}

// keptMessage records a digest for the person this week, kept in the
// outbox, and returns its id and the person's unsubscribe token for the
// minutes' notices.
func keptMessage(t *testing.T, store *postgres.Store, email string) (id, token string) {
	t.Helper()
	ctx := context.Background()
	u, _, err := store.UserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	msg := &mb.Message{UserID: &u.ID, Kind: mb.NoticeSummary, ToAddress: u.Email, ToName: u.Name, Subject: "Your minutebook week",
		Text: "Nothing this week.", HTML: "<p>Nothing this week.</p>", HeaderID: "<test-" + i64(u.ID) + "@minutebook.test>"}
	if _, err := store.SaveDigest(ctx, u.ID, mb.DigestWeek(time.Now()), msg, nil, nil); err != nil {
		t.Fatal(err)
	}
	key, err := store.NoticeKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return i64(msg.ID), notify.UnsubscribeToken(key, u.ID, mb.NoticeMinutes)
}
