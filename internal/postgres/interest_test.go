package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestInterests(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	day := time.Date(2023, 1, 9, 0, 0, 0, 0, time.UTC)
	stranger := &mb.Person{Name: "Rachel Allen"}
	if err := s.CreatePerson(ctx, stranger); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrNotMember", func(t *testing.T) {
		err := s.CreateInterest(ctx, &mb.Interest{CommitteeID: f.committee.ID, PersonID: stranger.ID, Nature: "Adviser to DESNZ", From: day})
		if !strings.Contains(mb.ErrorFields(err)["person"], "Rachel Allen does not sit on OPSG") {
			t.Fatalf("got %v", err)
		}
	})
	i := &mb.Interest{CommitteeID: f.committee.ID, PersonID: f.people["Kevin Donnelly"], Nature: "Employed by Albion Energy", From: day}
	if err := s.CreateInterest(ctx, i); err != nil {
		t.Fatal(err)
	}
	if err := s.EndInterest(ctx, f.committee.ID, i.ID, day.AddDate(0, 6, 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.EndInterest(ctx, f.committee.ID, i.ID, day.AddDate(0, 7, 0)); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("ending twice: %v", err)
	}
	list, err := s.Interests(ctx, f.committee.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].To == nil || list[0].PersonName != "Kevin Donnelly" || list[0].Current(day.AddDate(1, 0, 0)) {
		t.Fatalf("register %+v", list)
	}
}

func TestCommitteeRules(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	c, err := s.Committee(ctx, f.committee.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Rules.Quorum.Set() || c.Rules.InterestsLevel != mb.Amber || c.Rules.CastingVote {
		t.Fatalf("a new committee's rules: %+v", c.Rules)
	}
	chair := f.people["Dave Warner"]
	c.Rules = mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumMembers, Members: 3, Chair: true}, CastingVote: true, SignatoryID: &chair, InterestsLevel: mb.Green}
	if err := s.UpdateCommitteeRules(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Committee(ctx, c.ID)
	if got.Rules.Quorum.Label() != "3 voting members, including the chair or a deputy" || got.Rules.SignatoryName != "Dave Warner" || got.Rules.InterestsLevel != mb.Green {
		t.Fatalf("rules %+v", got.Rules)
	}
	stale := *got
	stale.Version--
	if err := s.UpdateCommitteeRules(ctx, &stale); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("stale rules: %v", err)
	}
	got.Rules.Quorum = mb.QuorumRule{Kind: mb.QuorumShare, Share: 0}
	if err := s.UpdateCommitteeRules(ctx, got); mb.ErrorFields(err)["quorum_share"] == "" {
		t.Fatalf("a share of 0: %v", err)
	}

	// The minutes carry the rule and the seats: meeting 105 is quorate,
	// item 1 (Owen came for item 2 only) has the chair, Kevin and Shuba.
	got.Rules.Quorum = mb.QuorumRule{Kind: mb.QuorumShare, Share: 75}
	if err := s.UpdateCommitteeRules(ctx, got); err != nil {
		t.Fatal(err)
	}
	doc, err := s.Minutes(ctx, f.m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	q := mb.JudgeQuorum(doc)
	if len(doc.Seats) != 5 || q.Meeting.Required != 4 || q.Meeting.Present != 4 || !q.Meeting.Quorate || q.Items[0].Quorate {
		t.Fatalf("quorum %+v items %+v", q.Meeting, q.Items)
	}
	if got := q.InquorateDecisions(); len(got) != 1 || got[0] != "1" {
		t.Errorf("inquorate decisions %v", got)
	}
}

func TestAttendanceRecord(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	// At 106 Kevin sends apologies and Shuba attends for him.
	kevin := f.people["Kevin Donnelly"]
	roll := []mb.Attendee{
		{PersonID: f.people["Dave Warner"], Status: mb.Present, Category: "Operations Group Chair"},
		{PersonID: kevin, Status: mb.Apologies, Category: "Large Suppliers"},
		{PersonID: f.people["Owen Pritchard"], Status: mb.Present, Category: "Large Suppliers", AlternateForID: &kevin},
	}
	if _, err := s.SaveAttendance(ctx, f.m106.ID, f.m106.AttendanceVersion, roll); err != nil {
		t.Fatal(err)
	}
	period := mb.AttendancePeriod{From: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)}
	list, err := s.AttendanceRecord(ctx, f.committee.ID, []int64{f.m105.ID, f.m106.ID}, period)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]mb.MemberAttendance{}
	for _, m := range list {
		got[m.Name] = m
	}
	if len(list) != 5 || list[0].Name != "Dave Warner" {
		t.Fatalf("record %+v", list)
	}
	if m := got["Kevin Donnelly"]; m.Eligible != 2 || m.Attended != 1 || m.ByAlternate != 1 || m.Percent() != 50 {
		t.Errorf("Kevin %+v", m)
	}
	if m := got["Owen Pritchard"]; m.Attended != 2 {
		t.Errorf("Owen %+v: in part at 105 and present at 106", m)
	}
	if m := got["Alex Ford"]; m.Attended != 0 || m.Eligible != 2 {
		t.Errorf("Alex %+v", m)
	}
	// Only the meetings given count: a reader who may open 105 alone.
	list, _ = s.AttendanceRecord(ctx, f.committee.ID, []int64{f.m105.ID}, period)
	for _, m := range list {
		if m.Eligible != 1 {
			t.Errorf("%s eligible for %d meetings of one", m.Name, m.Eligible)
		}
	}
}
