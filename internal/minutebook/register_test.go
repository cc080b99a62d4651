package minutebook

import (
	"strings"
	"testing"
)

func TestActionChangeRules(t *testing.T) {
	m104 := &Meeting{ID: 4, CommitteeID: 1, CommitteeCode: "OPSG", Number: 104, Date: day(2023, 10, 10), Status: Circulated}
	m105 := &Meeting{ID: 5, CommitteeID: 1, CommitteeCode: "OPSG", Number: 105, Date: day(2023, 10, 23), Status: Published}
	other := &Meeting{ID: 9, CommitteeID: 2, CommitteeCode: "TABASC", Number: 88, Date: day(2023, 10, 5), Status: Draft}
	open := func() *Action {
		return &Action{CommitteeID: 1, CommitteeCode: "OPSG", MeetingNumber: 102, Sequence: 1, RaisedOn: day(2023, 9, 12),
			TargetDate: ptr(day(2023, 12, 31)), CurrentTarget: ptr(day(2023, 12, 31)), Status: ActionOpen}
	}
	tests := []struct {
		name   string
		change ActionChange
		action *Action
		at     *Meeting
		want   string // "" for OK, else part of a message
	}{
		{"OKClose", ActionChange{Kind: ActionClosedEv, Note: "Done"}, open(), m104, ""},
		{"OKBackfillFinalMinutes", ActionChange{Kind: ActionClosedEv, Note: "Done", Backfill: true}, open(), m105, ""},
		{"ErrFinalMinutes", ActionChange{Kind: ActionClosedEv, Note: "Done"}, open(), m105, "no longer change"},
		{"ErrOtherCommittee", ActionChange{Kind: ActionUpdate, Note: "x"}, open(), other, "Choose a meeting of OPSG"},
		{"ErrRevisedBeforeRaised", ActionChange{Kind: ActionRevised, NewTarget: ptr(day(2023, 1, 1)), Note: "x"}, open(), m104, "before the action was raised"},
		{"ErrClosedCannotBeUpdated", ActionChange{Kind: ActionUpdate, Note: "x"}, &Action{CommitteeCode: "OPSG", Status: ActionClosed}, m104, "reopen it first"},
		{"ErrEarlierThanLastChange", ActionChange{Kind: ActionUpdate, Note: "x"}, func() *Action {
			a := open()
			a.Events = []ActionEvent{{MeetingID: &m105.ID, MeetingDate: &m105.Date, Kind: ActionUpdate}}
			return a
		}(), m104, "earlier than the last change"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.change
			c.MeetingID = &tt.at.ID
			err := c.Validate()
			if err == nil {
				err = c.CheckAgainst(tt.action, tt.at)
			}
			if tt.want == "" {
				if err != nil {
					t.Fatalf("err = %v %v", err, ErrorFields(err))
				}
				return
			}
			msg := ErrorMessage(err)
			for _, f := range ErrorFields(err) {
				msg += " " + f
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("err = %q, want %q", msg, tt.want)
			}
		})
	}
}

func TestApplyKeepsEveryTarget(t *testing.T) {
	a := &Action{CommitteeCode: "OPSG", MeetingNumber: 102, Sequence: 1, TargetDate: ptr(day(2023, 12, 31)), CurrentTarget: ptr(day(2023, 12, 31)), Status: ActionOpen}
	m := &Meeting{ID: 5, Date: day(2023, 10, 23)}
	c := ActionChange{Kind: ActionRevised, NewTarget: ptr(day(2024, 2, 28)), Note: "Report delayed"}
	e := c.Apply(a, m)
	if !e.PreviousTarget.Equal(day(2023, 12, 31)) || !a.CurrentTarget.Equal(day(2024, 2, 28)) || !a.TargetDate.Equal(day(2023, 12, 31)) {
		t.Errorf("event %v→%v, action first %v current %v", e.PreviousTarget, e.NewTarget, a.TargetDate, a.CurrentTarget)
	}
	a.Events = append(a.Events, e)
	if s := SlippageOf(a); s != (Slippage{Revisions: 1, Days: 59}) {
		t.Errorf("slippage = %+v", s)
	}
	(&ActionChange{Kind: ActionClosedEv}).Apply(a, m)
	if a.Status != ActionClosed || *a.ClosedMeetingID != 5 || !a.ClosedOn.Equal(m.Date) {
		t.Errorf("closed = %s at %v on %v", a.Status, a.ClosedMeetingID, a.ClosedOn)
	}
}

func TestReaderCanAccess(t *testing.T) {
	published := (&Meeting{ID: 1, CommitteeID: 10, Classification: Clear, Status: Published}).Access()
	amber := (&Meeting{ID: 2, CommitteeID: 10, Classification: Amber, Status: Circulated}).Access()
	member := &Reader{User: &User{ID: 1}, Roles: map[int64][]MemberRole{10: {RoleMember}}}
	tests := []struct {
		name     string
		reader   *Reader
		access   Access
		recorded bool
		want     bool
	}{
		{"AnonymousPublishedClear", Anonymous, published, false, true},
		{"AnonymousAmber", Anonymous, amber, false, false},
		{"MemberAmber", member, amber, false, true},
		{"MemberRedItemNotRecorded", member, published.Within(Red), false, false},
		{"MemberRedItemRecorded", member, published.Within(Red), true, true},
		{"AnonymousRedItemRecorded", Anonymous, published.Within(Red), true, false},
		{"MemberHistory", member, EarlierAccess(10), false, true},
		{"AnonymousHistory", Anonymous, EarlierAccess(10), false, false},
		{"OtherCommitteeHistory", member, EarlierAccess(11), false, false},
		{"MemberDraft", member, Access{CommitteeID: 10, MeetingID: 3, Stage: Draft, Level: Clear}, false, false},
		{"AdminEverything", &Reader{User: &User{Admin: true}}, Access{CommitteeID: 99, MeetingID: 2, Stage: Draft, Level: Red}, false, true},
		{"LowerLevelWithinKeepsTheStricter", Anonymous, amber.Within(Clear), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.reader.CanAccess(tt.access, tt.recorded); got != tt.want {
				t.Errorf("CanAccess = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAgeBandOf(t *testing.T) {
	for days, want := range map[int]int{0: 0, 91: 0, 92: 1, 182: 1, 365: 2, 366: 3, 730: 3, 731: 4, 5000: 4} {
		if got := AgeBandOf(days); got != want {
			t.Errorf("AgeBandOf(%d) = %d, want %d", days, got, want)
		}
	}
}
