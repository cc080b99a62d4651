package demo_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The demo's formal record: the Panel's meeting 120 records a named vote
// and a declaration, OPSG 105's approved minutes are signed by its chair,
// and both committees have quorum rules and registers of interests.
func TestFormalRecord(t *testing.T) {
	ctx := context.Background()
	store := loadedDemo(t)
	m, err := store.MeetingByNumber(ctx, "PANEL", 120)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := store.MinutesOf(ctx, m)
	if err != nil {
		t.Fatal(err)
	}
	it := doc.Items[1]
	if len(it.Declarations) != 1 || it.Declarations[0].PersonName != "Kevin Donnelly" || it.Declarations[0].Effect != mb.LeftRoom {
		t.Errorf("declarations %+v", it.Declarations)
	}
	d := it.Decisions[0]
	if d.Vote == nil || !d.Vote.Named || d.Vote.Result() != mb.Carried ||
		mb.DecisionSentence("PANEL", d) != "The PANEL voted 2 for, 1 against, with 1 abstention, and APPROVED MP242 for implementation in the February 2024 SEC Release." {
		t.Errorf("vote %+v: %q", d.Vote, mb.DecisionSentence("PANEL", d))
	}
	q := mb.JudgeQuorum(doc)
	if !q.Meeting.Quorate || q.Items[1].Present != 3 || !q.Items[1].Quorate {
		t.Errorf("PANEL 120 quorum %+v items %+v", q.Meeting, q.Items)
	}
	m105, _ := store.MeetingByNumber(ctx, "OPSG", 105)
	doc105, err := store.MinutesOf(ctx, m105)
	if err != nil {
		t.Fatal(err)
	}
	if s := doc105.Signature; !s.Standing() || s.SignerName != "Dave Warner" || s.Line() != "Signed by Dave Warner on 14 November 2023." {
		t.Errorf("OPSG 105 signature %+v", s)
	}
	v, err := store.SignedVersion(ctx, doc105.Signature)
	if err != nil || mb.CanonicalHash(v.Minutes) != doc105.Signature.SHA256 {
		t.Errorf("the signature does not verify: %v", err)
	}
	if q := mb.JudgeQuorum(doc105); !q.Meeting.Quorate || q.Meeting.Present != 11 {
		t.Errorf("OPSG 105 quorum %+v", q.Meeting)
	}
	for _, code := range []string{"OPSG", "PANEL"} {
		c, _ := store.CommitteeByCode(ctx, code)
		list, err := store.Interests(ctx, c.ID)
		if err != nil || len(list) < 2 || !c.Rules.Quorum.Set() {
			t.Errorf("%s: %d interests, rules %+v, %v", code, len(list), c.Rules, err)
		}
	}
}
