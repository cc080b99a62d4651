package minutebook

import (
	"strings"
	"testing"
)

// panel is a roll call of five voting members: Kevin, Shuba and Cassie
// present, Owen in part for item 5, Jo attending as alternate for Sam, who
// sent apologies; Pauline chairs.
func panelRoll() ([]Attendee, []Seat) {
	sam := int64(6)
	roll := []Attendee{
		{PersonID: 1, PersonName: "Pauline Hartley", Status: Present, Category: "Panel Chair"},
		{PersonID: 2, PersonName: "Kevin Donnelly", Status: Present, Category: "Large Supplier Members"},
		{PersonID: 3, PersonName: "Shuba Khatun", Status: Present, Category: "Network Party Members"},
		{PersonID: 4, PersonName: "Cassie Bowerman", Status: Present, Category: "Small Supplier Members"},
		{PersonID: 5, PersonName: "Owen Pritchard", Status: Part, PartItems: "5", Category: "Consumer Members"},
		{PersonID: 7, PersonName: "Jo Bloggs", Status: Present, Category: "Large Supplier Members", AlternateForID: &sam},
		{PersonID: 6, PersonName: "Sam Draper", Status: Apologies, Category: "Large Supplier Members"},
		{PersonID: 9, PersonName: "Sarah Roebel", Status: Present, RepresentingID: &sam},
	}
	seats := []Seat{
		{PersonID: 1, PersonName: "Pauline Hartley", Role: RoleChair},
		{PersonID: 2, PersonName: "Kevin Donnelly", Role: RoleMember},
		{PersonID: 3, PersonName: "Shuba Khatun", Role: RoleMember},
		{PersonID: 4, PersonName: "Cassie Bowerman", Role: RoleMember},
		{PersonID: 5, PersonName: "Owen Pritchard", Role: RoleMember},
		{PersonID: 6, PersonName: "Sam Draper", Role: RoleMember},
		{PersonID: 8, PersonName: "Alex Ford", Role: RoleMember},
		{PersonID: 9, PersonName: "Sarah Roebel", Role: RoleSecretariat},
	}
	return roll, seats
}

func TestElectorate(t *testing.T) {
	roll, seats := panelRoll()
	item := &Item{ID: 40, Number: "4"}
	decl := []Declaration{{ItemID: 40, PersonID: 2, PersonName: "Kevin Donnelly", Effect: LeftRoom}}
	e := NewElectorate(item, roll, decl, seats)
	// Pauline, Shuba, Cassie and Jo vote on item 4; Owen was there for 5
	// only; Kevin left the room; Alex is absent and may vote by proxy;
	// Sam is represented by Jo.
	for _, id := range []int64{1, 3, 4, 7} {
		if _, ok := e.Voters[id]; !ok {
			t.Errorf("person %d should vote on item 4", id)
		}
	}
	for _, id := range []int64{2, 5, 9} {
		if _, ok := e.Voters[id]; ok {
			t.Errorf("person %d should not vote on item 4", id)
		}
	}
	if _, ok := e.Absent[8]; !ok || len(e.Absent) != 2 {
		t.Errorf("absent %v, want Alex and Owen", e.Absent)
	}
	if got := e.Excluded[2]; !strings.Contains(got, "Kevin Donnelly declared an interest in item 4 and left the room") {
		t.Errorf("excluded %q", got)
	}
}

// TestElectorateOfPartAttendanceByItem: part attendance recorded by item
// (PartItemIDs, with no text) admits to the items chosen and their
// sub-items, and to no other.
func TestElectorateOfPartAttendanceByItem(t *testing.T) {
	roll, seats := panelRoll()
	roll[4].PartItems, roll[4].PartItemIDs = "", []int64{50}
	parent := int64(50)
	for _, tt := range []struct {
		it   *Item
		vote bool
	}{{&Item{ID: 50, Number: "5"}, true}, {&Item{ID: 51, Number: "5.1", ParentID: &parent}, true}, {&Item{ID: 40, Number: "4"}, false}} {
		if _, ok := NewElectorate(tt.it, roll, nil, seats).Voters[5]; ok != tt.vote {
			t.Errorf("Owen, there for item 5 by id, votes on item %s: %v, want %v", tt.it.Number, ok, tt.vote)
		}
	}
}

func TestVoteValidate(t *testing.T) {
	roll, seats := panelRoll()
	item := &Item{ID: 40, Number: "4"}
	decl := []Declaration{{ItemID: 40, PersonID: 2, PersonName: "Kevin Donnelly", Effect: DidNotVote}}
	e := NewElectorate(item, roll, decl, seats)
	tests := []struct {
		name    string
		vote    Vote
		casting bool
		want    string // "" for valid
	}{
		{"OKCounts", Vote{For: 3, Against: 1, Abstain: 1}, false, ""},
		{"ErrNoVotes", Vote{}, false, "at least one vote"},
		{"ErrCountsDeclared", Vote{For: 6, Against: 1}, false, "The vote counts 7, but only 6 could vote on item 4: Kevin Donnelly declared an interest in item 4 and did not vote, so cannot be counted"},
		{"ErrNegative", Vote{For: -1, Against: 2}, false, "whole numbers"},
		{"OKNamed", Vote{Named: true, Ballots: []Ballot{{VoterID: 1, Choice: VoteFor}, {VoterID: 3, Choice: VoteAgainst}, {VoterID: 7, Choice: VoteFor}}}, false, ""},
		{"ErrNamedDeclared", Vote{Named: true, Ballots: []Ballot{{VoterID: 2, Choice: VoteFor}}}, false, "Kevin Donnelly declared an interest in item 4 and did not vote, so cannot be counted in the vote."},
		{"ErrNamedNotPresent", Vote{Named: true, Ballots: []Ballot{{VoterID: 5, Choice: VoteFor}}}, false, "Owen Pritchard was not recorded as a voting member present for item 4"},
		{"OKProxy", Vote{Named: true, Ballots: []Ballot{{VoterID: 3, Choice: VoteFor}, {VoterID: 3, MemberID: 8, Choice: VoteFor}}}, false, ""},
		{"ErrProxyForPresent", Vote{Named: true, Ballots: []Ballot{{VoterID: 3, MemberID: 4, Choice: VoteFor}}}, false, "by proxy only for a voting member who was not present"},
		{"ErrCountedTwice", Vote{Named: true, Ballots: []Ballot{{VoterID: 7, Choice: VoteFor}, {VoterID: 7, MemberID: 6, Choice: VoteAgainst}}}, false, "Sam Draper's vote is already counted"},
		{"OKCasting", Vote{For: 2, Against: 2, CastingVote: VoteFor}, true, ""},
		{"ErrCastingNotTied", Vote{For: 3, Against: 2, CastingVote: VoteFor}, true, "only when the votes for and against are tied"},
		{"ErrCastingNotAllowed", Vote{For: 2, Against: 2, CastingVote: VoteFor}, false, "no casting vote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := tt.vote
			err := v.Validate(e, tt.casting)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v %v", err, ErrorFields(err))
			case tt.want != "":
				all := ErrorMessage(err)
				for _, m := range ErrorFields(err) {
					all += " " + m
				}
				if !strings.Contains(all, tt.want) {
					t.Fatalf("got %q, want %q", all, tt.want)
				}
			}
		})
	}
}

func TestNamedVoteCountsAndSentence(t *testing.T) {
	roll, seats := panelRoll()
	e := NewElectorate(&Item{ID: 40, Number: "4"}, roll, nil, seats)
	v := &Vote{Named: true, Ballots: []Ballot{
		{VoterID: 1, Choice: VoteFor}, {VoterID: 2, Choice: VoteFor}, {VoterID: 3, Choice: VoteAgainst}, {VoterID: 7, Choice: VoteAbstain},
	}}
	if err := v.Validate(e, false); err != nil {
		t.Fatal(err, ErrorFields(err))
	}
	if v.For != 2 || v.Against != 1 || v.Abstain != 1 || v.Result() != Carried {
		t.Fatalf("counts %d/%d/%d result %s", v.For, v.Against, v.Abstain, v.Result())
	}
	if v.Ballots[3].MemberID != 6 {
		t.Errorf("the alternate's ballot should be counted as Sam's, got member %d", v.Ballots[3].MemberID)
	}
	d := Decision{Kind: "APPROVED", Text: "the modification", Vote: &Vote{For: 7, Against: 2, Abstain: 1}}
	if got, want := DecisionSentence("PANEL", d), "The PANEL voted 7 for, 2 against, with 1 abstention, and APPROVED the modification."; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	d.Vote = &Vote{For: 4, Against: 4, CastingVote: VoteAgainst}
	if got, want := DecisionSentence("PANEL", d), "The PANEL voted 4 for and 4 against, the Chair giving a casting vote against, and APPROVED the modification."; got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if d.Vote.Result() != NotCarried {
		t.Error("a tie lost on the casting vote is not carried")
	}
	named := &Vote{Named: true, Ballots: []Ballot{{MemberID: 2, MemberName: "Kevin Donnelly", VoterID: 2, Choice: VoteFor}, {MemberID: 6, MemberName: "Sam Draper", VoterID: 7, VoterName: "Jo Bloggs", Choice: VoteFor}, {MemberID: 3, MemberName: "Shuba Khatun", VoterID: 3, Choice: VoteAbstain}}}
	if got, want := named.Roll(), "For: Kevin Donnelly, Jo Bloggs for Sam Draper. Abstained: Shuba Khatun."; got != want {
		t.Errorf("roll %q, want %q", got, want)
	}
}
