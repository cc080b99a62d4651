package demo

import (
	"context"
	"fmt"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The formal record of the demo (issue 20): the committees' rules, their
// registers of interests, the SEC Panel's meeting 120 with a declaration
// and a named vote, and the chair's signature of OPSG 105.

// rules sets the OPSG's and the Panel's quorum, the Panel chair's casting
// vote, and fills both registers of interests.
func (l *loader) rules(ctx context.Context) error {
	for _, x := range []struct {
		code  string
		rules mb.CommitteeRules
	}{
		{"OPSG", mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumMembers, Members: 5, Chair: true}, InterestsLevel: mb.Amber}},
		{"PANEL", mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumShare, Share: 50}, CastingVote: true, InterestsLevel: mb.Amber}},
	} {
		c, err := l.store.CommitteeByCode(ctx, x.code)
		if err != nil {
			return err
		}
		c.Rules = x.rules
		if err := l.store.UpdateCommitteeRules(ctx, c); err != nil {
			return fmt.Errorf("rules of %s: %w", x.code, err)
		}
	}
	for _, i := range []struct{ code, person, nature string }{
		{"OPSG", "Kevin Donnelly", "Employed by Albion Energy, a Large Supplier"},
		{"OPSG", "Martin Christie", "Director of Metering Services Ltd, a meter operator"},
		{"OPSG", "Geoff Huckerby", "Trustee of the Consumer Energy Trust"},
		{"PANEL", "Kevin Donnelly", "Employed by Albion Energy, a Large Supplier"},
		{"PANEL", "Shuba Khatun", "Employed by Northgrid Networks, a Network Party"},
	} {
		c, err := l.store.CommitteeByCode(ctx, i.code)
		if err != nil {
			return err
		}
		if err := l.store.CreateInterest(ctx, &mb.Interest{CommitteeID: c.ID, PersonID: l.people[i.person], Nature: i.nature, From: since}); err != nil {
			return fmt.Errorf("interest of %s on %s: %w", i.person, i.code, err)
		}
	}
	return nil
}

// panel120Attendance is the Panel's roll call at meeting 120: Owen
// Pritchard sent apologies and gave Shuba Khatun his proxy.
var panel120Attendance = []attendee{
	{"Pauline Hartley", "Panel Chair", true, mb.Present, ""},
	{"Kevin Donnelly", "Large Supplier Members", true, mb.Present, ""},
	{"Cassie Bowerman", "Small Supplier Members", true, mb.Present, ""},
	{"Shuba Khatun", "Network Party Members", true, mb.Present, ""},
	{"Sarah Roebel", "SECAS", false, mb.Present, ""},
	{"Owen Pritchard", "Consumer Members", true, mb.Apologies, ""},
}

var panel120Items = []demoItem{
	{title: "Welcome, Apologies and Declarations of Interest", minute: "The Chair welcomed members. Owen Pritchard sent apologies and gave his proxy to Shuba Khatun.\n\nKevin Donnelly declared an interest in item 2."},
	{key: "mp242", title: "MP242 ‘Incident Management Policy Review’ – Final Modification Report", minute: "SECAS presented the Final Modification Report for MP242, which revises the Incident Management Policy following the review of Major Incident INC000001076111.\n\nThe Chair put the modification to a named vote."},
	{title: "Sub-Committee Escalations", minute: "SECAS presented the risks escalated by the Operations Group.", decisions: [][2]string{{"NOTED", "the escalations"}}},
}

// panel120 writes the Panel's meeting 120 before it is circulated: its roll
// call, Kevin Donnelly's declaration in item 2 (he left the room), and the
// named vote that APPROVED MP242, Shuba Khatun voting as Owen Pritchard's
// proxy.
func (l *loader) panel120(ctx context.Context) error {
	sec, _, err := l.store.UserByEmail(ctx, "sarah.roebel@secas.example.org")
	if err != nil {
		return err
	}
	ctx = mb.NewContextWithActor(ctx, sec)
	m, err := l.store.MeetingByNumber(ctx, "PANEL", 120)
	if err != nil {
		return err
	}
	if err := l.attend(ctx, m, panel120Attendance); err != nil {
		return err
	}
	items := map[string]*mb.Item{}
	if err := l.writeItems(ctx, m, panel120Items, items, map[string]*mb.Action{}, "120"); err != nil {
		return err
	}
	mp242 := items["120/mp242"]
	if err := l.store.CreateDeclaration(ctx, &mb.Declaration{ItemID: mp242.ID, PersonID: l.people["Kevin Donnelly"],
		Nature: "Albion Energy raised MP242 and would bear much of its cost", Effect: mb.LeftRoom}); err != nil {
		return fmt.Errorf("declaration at PANEL 120: %w", err)
	}
	d := &mb.Decision{ItemID: mp242.ID, Kind: "APPROVED", Text: "MP242 for implementation in the February 2024 SEC Release"}
	if err := l.store.CreateDecision(ctx, d); err != nil {
		return err
	}
	ballot := func(voter, member string, c mb.VoteChoice) mb.Ballot {
		return mb.Ballot{VoterID: l.people[voter], MemberID: l.people[member], Choice: c}
	}
	v := &mb.Vote{DecisionID: d.ID, Named: true, Ballots: []mb.Ballot{
		ballot("Pauline Hartley", "Pauline Hartley", mb.VoteFor),
		ballot("Shuba Khatun", "Shuba Khatun", mb.VoteFor),
		ballot("Cassie Bowerman", "Cassie Bowerman", mb.VoteAgainst),
		ballot("Shuba Khatun", "Owen Pritchard", mb.VoteAbstain),
	}}
	if err := l.store.SaveVote(ctx, v); err != nil {
		return fmt.Errorf("vote at PANEL 120: %w %v", err, mb.ErrorFields(err))
	}
	return nil
}

// sign105 has the OPSG chair sign the approved minutes of 105 on the day
// of meeting 106, which approved them.
func (l *loader) sign105(ctx context.Context) error {
	chair, _, err := l.store.UserByEmail(ctx, "dave.warner@example.org")
	if err != nil {
		return err
	}
	m, err := l.store.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		return err
	}
	at := time.Date(2023, 11, 14, 16, 30, 0, 0, mb.Zone)
	_, err = l.store.Sign(mb.NewContextWithActor(ctx, chair), m.ID, chair, at)
	return err
}
