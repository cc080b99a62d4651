package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Leak 1 of issue 11: an action raised in draft or circulated minutes is
// not the public's, nor (while a draft) a member's, in the actions
// outstanding table of later, published minutes.
func TestOutstandingKeepsUnreadableMinutesActions(t *testing.T) {
	a := newApp(t)
	b := newMinutesBuilder(t, a)
	m254 := b.meeting(254, day(2024, 1, 10), mb.Clear)
	b.action(b.item(m254, nil, "Draft business", 0), "Draft-raised action text.", day(2024, 9, 1))
	m255 := b.meeting(255, day(2024, 2, 10), mb.Clear)
	b.action(b.item(m255, nil, "Circulated business", 0), "Circulated-raised action text.", day(2024, 9, 1))
	b.circulate(m255)
	m260 := b.meeting(260, day(2024, 6, 10), mb.Clear)
	b.item(m260, nil, "Actions Outstanding", 0)
	m261 := b.meeting(261, day(2024, 7, 10), mb.Clear)
	b.publish(m260, m261)

	for _, path := range []string{"/public/OPSG/260", "/committees/OPSG/meetings/260", "/api/v1/committees/OPSG/meetings/260"} {
		res := a.anonymous().get(path)
		if res.status != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.status)
		}
		res.mustNotContain(t, "OPSG 254/01", "Draft-raised action text.", "OPSG 255/01", "Circulated-raised action text.")
	}
	// The actions themselves are not found for the same reader.
	for _, path := range []string{"/actions/OPSG/254/01", "/actions/OPSG/255/01"} {
		if res := a.anonymous().get(path); res.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, res.status)
		}
	}
	member := a.as("member")
	for _, path := range []string{"/committees/OPSG/meetings/260", "/api/v1/committees/OPSG/meetings/260"} {
		res := member.get(path)
		res.mustNotContain(t, "OPSG 254/01", "Draft-raised action text.")
		// Circulated minutes are the members'.
		res.mustContain(t, "Circulated-raised action text.")
	}
	a.as("secretariat").get("/committees/OPSG/meetings/260").mustContain(t, "Draft-raised action text.", "Circulated-raised action text.")
}

// Leak 2 of issue 11: the escalations dashboard's chronic actions are only
// those the reader may read.
func TestEscalationsChronicActionsReadable(t *testing.T) {
	a := newApp(t)
	b := newMinutesBuilder(t, a)
	late := day(2024, 2, 1)
	draft := b.meeting(254, day(2024, 1, 10), mb.Clear)
	b.action(b.item(draft, nil, "Draft business", 0), "Chronic draft action.", late)
	circulated := b.meeting(255, day(2024, 1, 11), mb.Clear)
	b.action(b.item(circulated, nil, "Circulated business", 0), "Chronic circulated action.", late)
	b.circulate(circulated)
	items := b.meeting(256, day(2024, 1, 12), mb.Clear)
	red := b.item(items, nil, "Red business", mb.Red)
	b.action(red, "Chronic RED item action.", late)
	b.action(b.item(items, red, "Beneath red", 0), "Chronic RED sub-item action.", late)
	b.action(b.item(items, nil, "Amber business", mb.Amber), "Chronic AMBER item action.", late)
	b.action(b.item(items, nil, "Clear business", 0), "Chronic readable action.", late)
	redDoc := b.meeting(257, day(2024, 1, 13), mb.Red)
	b.action(b.item(redDoc, nil, "Business", 0), "Chronic RED document action.", late)
	b.earlier(90, day(2020, 1, 10), "Chronic earlier history action.", day(2020, 2, 1))
	approver := b.meeting(258, day(2024, 1, 20), mb.Clear)
	b.publish(items, approver)
	b.publish(redDoc, approver)

	res := a.as("panel-chair").get("/escalations?chronic=all")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	res.mustContain(t, "Chronic readable action.")
	res.mustNotContain(t, "Chronic draft action.", "Chronic circulated action.", "Chronic RED item action.",
		"Chronic RED sub-item action.", "Chronic AMBER item action.", "Chronic RED document action.", "Chronic earlier history action.")
}

// Leak 3 of issue 11: a RED item's sub-item is withheld in the minutes'
// history and its differences, as on the minutes page, from a member not
// recorded present.
func TestHistoryWithholdsSubItemsOfWithheldItems(t *testing.T) {
	a := newApp(t)
	b := newMinutesBuilder(t, a)
	m := b.meeting(254, day(2024, 1, 10), mb.Clear)
	red := b.item(m, nil, "Red business", mb.Red)
	b.item(m, red, "Secret sub-item", 0)
	b.item(m, nil, "Open business", 0)
	b.circulate(m)
	member := a.as("member")
	page := member.get("/committees/OPSG/meetings/254")
	page.mustContain(t, "The minute of Open business.")
	page.mustNotContain(t, "Secret sub-item")
	for _, path := range []string{"/committees/OPSG/meetings/254/history", "/committees/OPSG/meetings/254/history?from=1&to=current"} {
		res := member.get(path)
		if res.status != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.status)
		}
		res.mustContain(t, "The minute of Open business.")
		res.mustNotContain(t, "Secret sub-item", "The minute of Secret sub-item.", "The minute of Red business.")
	}
	a.as("secretariat").get("/committees/OPSG/meetings/254/history").mustContain(t, "The minute of Secret sub-item.")
}

// Leak 4 of issue 11: a member may not comment on an item he may not read.
func TestCommentRefusedOnUnreadableItem(t *testing.T) {
	a := newApp(t)
	b := newMinutesBuilder(t, a)
	m := b.meeting(254, day(2024, 1, 10), mb.Clear)
	red := b.item(m, nil, "Red business", mb.Red)
	sub := b.item(m, red, "Beneath red", 0)
	open := b.item(m, nil, "Open business", 0)
	b.circulate(m)
	member := a.as("member")
	for _, it := range []*mb.Item{red, sub} {
		res := member.post("/committees/OPSG/meetings/254/items/"+strconv.FormatInt(it.ID, 10)+"/comments", url.Values{"body": {"Let me in."}})
		if res.status != http.StatusNotFound {
			t.Errorf("comment on %s: status %d, want 404", it.Title, res.status)
		}
	}
	res := member.post("/committees/OPSG/meetings/254/items/"+strconv.FormatInt(open.ID, 10)+"/comments", url.Values{"body": {"A fair comment."}})
	if res.status != http.StatusSeeOther {
		t.Errorf("comment on a readable item: status %d, want 303", res.status)
	}
	comments, err := a.store.Comments(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(comments) != 1 || comments[0].Body != "A fair comment." {
		for _, c := range comments {
			t.Errorf("stored comment: %q", c.Body)
		}
		t.Errorf("%d comments stored, want only the one on the readable item", len(comments))
	}
}
