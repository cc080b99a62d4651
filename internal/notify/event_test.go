package notify_test

import (
	"context"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// The circulation of minutes with a RED item: the chair, recorded present,
// reads its title; the member, not recorded, is told only its number and
// level; the secretariat who circulated them is not told; nobody off the
// committee is. Both parts say the same and link back.
func TestCirculationCarriesOnlyWhatEachMayRead(t *testing.T) {
	f := newFixture(t)
	const secret = "XYZZY-CSP-NORTH"
	f.redMeeting(t, secret, time.Date(2023, 10, 26, 0, 0, 0, 0, time.UTC))
	e, told := f.event(t, mb.EventCirculated)
	if e.MeetingID == nil {
		t.Fatal("the event names no meeting")
	}
	member, chair := told[f.users["member"].Email], told[f.users["chair"].Email]
	if member.Message == nil || chair.Message == nil {
		t.Fatalf("told %v: want the member and the chair, at once", told)
	}
	for _, key := range []string{"secretariat", "panel-chair", "non-member"} {
		if _, ok := told[f.users[key].Email]; ok {
			t.Errorf("the %s is told of the circulation", key)
		}
	}
	for who, n := range map[string]postgres.NewNotice{"member": member, "chair": chair} {
		m := n.Message
		if m.Subject != "OPSG 110: draft minutes for comment by 26 October 2023" {
			t.Errorf("%s's subject: %q", who, m.Subject)
		}
		for part, body := range map[string]string{"text": m.Text, "html": m.HTML} {
			mustContain(t, who+"'s "+part, body, "Operations Group meeting 110", "Please comment by 26 October 2023",
				"1. Operational Performance", base+"/committees/OPSG/meetings/110", base+"/account#notices", base+"/unsubscribe/")
		}
		if m.ToAddress != f.users[who].Email || m.Kind != mb.NoticeMinutes || m.Unsubscribe == "" || m.HeaderID == "" {
			t.Errorf("%s's message: %+v", who, m)
		}
	}
	mustContain(t, "the chair's message", chair.Message.Text, "2. Security incident "+secret)
	for _, body := range []string{member.Message.Text, member.Message.HTML, member.Message.Subject} {
		mustNotContain(t, "the member's message", body, secret)
		mustContain(t, "the member's message", body+member.Message.Text, "Item 2 is classified RED and is not shown.")
	}
}

// Each person's choice decides: in the digest, a notice without a message;
// never, nothing at all.
func TestChoicesDecideHowPeopleAreTold(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.store.SetPreferences(ctx, f.users["member"].ID, mb.Preferences{mb.NoticeMinutes: mb.InDigest}, "test"); err != nil {
		t.Fatal(err)
	}
	if err := f.store.SetPreferences(ctx, f.users["chair"].ID, mb.Preferences{mb.NoticeMinutes: mb.Never}, "test"); err != nil {
		t.Fatal(err)
	}
	f.redMeeting(t, "S", time.Date(2023, 10, 26, 0, 0, 0, 0, time.UTC))
	_, told := f.event(t, mb.EventCirculated)
	if n, ok := told[f.users["member"].Email]; !ok || n.Delivery != mb.InDigest || n.Message != nil {
		t.Errorf("the member chose the digest: %+v", n)
	}
	if n, ok := told[f.users["chair"].Email]; ok {
		t.Errorf("the chair chose never, and is told: %+v", n)
	}
}

// A member's comment tells the committee's secretariat, with the comment's
// words and the item it is on; not the member who made it.
func TestCommentTellsTheSecretariat(t *testing.T) {
	f := newFixture(t)
	e, told := f.event(t, mb.EventCommented)
	if len(told) != 1 {
		t.Fatalf("told %d people of the demo's comment on OPSG 104, want the secretariat alone", len(told))
	}
	n, ok := told[f.users["secretariat"].Email]
	if !ok || n.Message == nil || n.EventID == nil || *n.EventID != e.ID {
		t.Fatalf("the secretariat is not told at once: %+v", n)
	}
	m := n.Message
	if m.Subject != "OPSG 104: Kevin Donnelly commented on the draft minutes" {
		t.Errorf("subject %q", m.Subject)
	}
	for _, body := range []string{m.Text, m.HTML} {
		mustContain(t, "the comment's message", body, "item 1", "CSP North Scaling and Optimisation", "engagement plan in writing",
			base+"/committees/OPSG/meetings/104")
	}
}

// Withdrawing an escalation, and escalating again, tell the parent body's
// chair, with the risk; the decision only when she may read its minutes.
func TestEscalationTellsTheParentBody(t *testing.T) {
	f := newFixture(t)
	ctx := f.as("secretariat")
	m := f.redMeeting(t, "S", time.Date(2023, 10, 26, 0, 0, 0, 0, time.UTC))
	opsg, err := f.store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	open, err := f.store.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: []int64{opsg.ID}, OpenOnly: true})
	if err != nil || len(open) == 0 {
		t.Fatalf("the demo has no open OPSG escalation: %v", err)
	}
	risk, err := f.store.Risk(ctx, open[0].RiskID)
	if err != nil {
		t.Fatal(err)
	}
	set := postgres.EscalationSet{MeetingID: m.ID, NewItemTitle: "Risk Register", RiskIDs: []int64{risk.ID}, Reason: "The mitigation is in place."}
	if _, err := f.store.WithdrawEscalations(ctx, set); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.EscalateRisks(ctx, set); err != nil {
		t.Fatal(err)
	}
	for kind, subject := range map[mb.NoticeEventKind]string{
		mb.EventWithdrawn: "OPSG withdrew the escalation of one risk to the SEC Panel",
		mb.EventEscalated: "OPSG escalated one risk to the SEC Panel",
	} {
		_, told := f.event(t, kind)
		n, ok := told[f.users["panel-chair"].Email]
		if !ok || n.Message == nil {
			t.Fatalf("%s: the Panel chair is not told: %v", kind, told)
		}
		if _, ok := told[f.users["member"].Email]; ok {
			t.Errorf("%s: an OPSG member is told of an escalation to the Panel", kind)
		}
		msg := n.Message
		if msg.Subject != subject {
			t.Errorf("%s: subject %q, want %q", kind, msg.Subject, subject)
		}
		mustContain(t, string(kind), msg.Text, risk.Reference+": "+risk.Statement, base+"/escalations",
			base+"/committees/OPSG/risks/"+risk.Reference)
		// The circulated minutes of OPSG 110 are for OPSG's members: the
		// Panel chair is not shown the decision in them.
		mustNotContain(t, string(kind), msg.Text, "AGREED")
	}
}
