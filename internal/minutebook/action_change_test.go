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
		{"OKClose", ActionChange{Kind: ActionEventClosed, Note: "Done"}, open(), m104, ""},
		{"OKBackfillFinalMinutes", ActionChange{Kind: ActionEventClosed, Note: "Done", Backfill: true}, open(), m105, ""},
		{"ErrFinalMinutes", ActionChange{Kind: ActionEventClosed, Note: "Done"}, open(), m105, "no longer change"},
		{"ErrOtherCommittee", ActionChange{Kind: ActionEventUpdate, Note: "x"}, open(), other, "Choose a meeting of OPSG"},
		{"ErrRevisedBeforeRaised", ActionChange{Kind: ActionEventRevised, NewTarget: ptr(day(2023, 1, 1)), Note: "x"}, open(), m104, "before the action was raised"},
		{"ErrClosedCannotBeUpdated", ActionChange{Kind: ActionEventUpdate, Note: "x"}, &Action{CommitteeCode: "OPSG", Status: ActionClosed}, m104, "reopen it first"},
		{"ErrEarlierThanLastChange", ActionChange{Kind: ActionEventUpdate, Note: "x"}, func() *Action {
			a := open()
			a.Events = []ActionEvent{{MeetingID: &m105.ID, MeetingDate: &m105.Date, Kind: ActionEventUpdate}}
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
	c := ActionChange{Kind: ActionEventRevised, NewTarget: ptr(day(2024, 2, 28)), Note: "Report delayed"}
	e := c.Apply(a, m)
	if !e.PreviousTarget.Equal(day(2023, 12, 31)) || !a.CurrentTarget.Equal(day(2024, 2, 28)) || !a.TargetDate.Equal(day(2023, 12, 31)) {
		t.Errorf("event %v→%v, action first %v current %v", e.PreviousTarget, e.NewTarget, a.TargetDate, a.CurrentTarget)
	}
	a.Events = append(a.Events, e)
	if s := SlippageOf(a); s != (Slippage{Revisions: 1, Days: 59}) {
		t.Errorf("slippage = %+v", s)
	}
	(&ActionChange{Kind: ActionEventClosed}).Apply(a, m)
	if a.Status != ActionClosed || *a.ClosedMeetingID != 5 || !a.ClosedOn.Equal(m.Date) {
		t.Errorf("closed = %s at %v on %v", a.Status, a.ClosedMeetingID, a.ClosedOn)
	}
}
