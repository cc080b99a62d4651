package minutebook

import (
	"strings"
	"testing"
)

func TestPartCovers(t *testing.T) {
	tests := []struct {
		parts, number string
		want          bool
	}{
		{"5", "5", true}, {"5", "5.2", true}, {"5", "6", false}, {"5.1", "5.2", false},
		{"5, 7", "7", true}, {"2 and 4", "4", true}, {"3–5", "4", true}, {"3-5", "5.3", true}, {"3–5", "6", false},
		{"Agenda Item 5", "5", true}, {"Agenda Items 5 & 7", "7", true}, {"items 3 to 5", "2", false},
	}
	for _, tt := range tests {
		if got := PartCovers(tt.parts, tt.number); got != tt.want {
			t.Errorf("PartCovers(%q, %q) = %v, want %v", tt.parts, tt.number, got, tt.want)
		}
	}
}

func TestJudgeQuorum(t *testing.T) {
	roll, seats := panelRoll()
	items := []*Item{
		{ID: 1, Number: "1", Decisions: []Decision{{Kind: "NOTED"}}},
		{ID: 5, Number: "5", Decisions: []Decision{{Kind: "APPROVED"}},
			Declarations: []Declaration{{ItemID: 5, PersonID: 3, Effect: LeftRoom}, {ItemID: 5, PersonID: 4, Effect: DidNotVote}}},
	}
	doc := &Minutes{Meeting: &Meeting{}, Attendance: roll, Items: items, Seats: seats,
		Quorum: QuorumRule{Kind: QuorumMembers, Members: 5, Chair: true}}
	q := JudgeQuorum(doc)
	// Meeting: Pauline, Kevin, Shuba, Cassie, Owen (part), Jo: 6 voting members, chair present.
	if q.Meeting.Present != 6 || !q.Meeting.ChairPresent || !q.Meeting.Quorate {
		t.Fatalf("meeting quorum %+v", q.Meeting)
	}
	// Item 1: Owen was not there: 5, quorate. Item 5: Owen came, Shuba left the room: 5.
	if q.Items[0].Present != 5 || !q.Items[0].Quorate || q.Items[1].Present != 5 || !q.Items[1].Quorate {
		t.Fatalf("items %+v", q.Items)
	}
	if !q.VariesByItem() {
		t.Error("part attendance should vary the quorum by item")
	}
	doc.Quorum = QuorumRule{Kind: QuorumShare, Share: 75} // 75% of 7 voting seats: 6
	q = JudgeQuorum(doc)
	if q.Meeting.Required != 6 || !q.Meeting.Quorate || q.Items[0].Quorate || q.Items[1].Quorate {
		t.Fatalf("share: meeting %+v items %+v", q.Meeting, q.Items)
	}
	if got := q.InquorateDecisions(); strings.Join(got, ",") != "1,5" {
		t.Errorf("inquorate decisions %v", got)
	}
	if got := q.Sentence(); got != "The meeting was quorate: 6 voting members were present, including the chair; the quorum is 75% of the voting seats." {
		t.Errorf("sentence %q", got)
	}
	if got := q.Items[1].Sentence(); got != "Item 5 was inquorate: 5 voting members were present, including the chair." {
		t.Errorf("item sentence %q", got)
	}
	// Without the chair a quorum that needs one fails.
	doc.Quorum = QuorumRule{Kind: QuorumMembers, Members: 2, Chair: true}
	doc.Attendance = roll[1:]
	if JudgeQuorum(doc).Meeting.Quorate {
		t.Error("a quorum including the chair needs the chair")
	}
	if (&QuorumRecord{}).InquorateDecisions() != nil {
		t.Error("no rule, no warning")
	}
}
