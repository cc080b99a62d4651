package minutebook

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
func ptr[T any](v T) *T                        { return &v }

func TestOutstandingAt(t *testing.T) {
	m103, m104, m105 := int64(3), int64(4), int64(5)
	d103, d104, d105 := day(2023, 9, 25), day(2023, 10, 10), day(2023, 10, 23)
	base := func(events ...ActionEvent) *Action {
		return &Action{CommitteeCode: "OPSG", MeetingNumber: 102, Sequence: 1, RaisedOn: day(2023, 9, 12),
			TargetDate: ptr(day(2023, 12, 31)), Status: ActionOpen, Events: events}
	}
	tests := []struct {
		name        string
		action      *Action
		meetingID   int64
		number      int
		date        time.Time
		wantIn      bool
		wantLast    *time.Time
		wantRevised *time.Time
		wantStatus  ActionStatus
	}{
		{name: "RaisedLaterIsNotOutstanding", action: &Action{MeetingNumber: 105}, meetingID: m105, number: 105, date: d105},
		{name: "RaisedAtThisMeetingIsNotOutstanding", action: &Action{MeetingNumber: 105}, meetingID: m105, number: 105, date: d105},
		{name: "OpenIsOutstanding", action: base(), meetingID: m103, number: 103, date: d103,
			wantIn: true, wantLast: ptr(day(2023, 12, 31)), wantStatus: ActionOpen},
		{name: "ClosedAtThisMeeting", action: base(ActionEvent{MeetingID: &m105, MeetingDate: &d105, Kind: ActionEventClosed, Note: "Report received"}),
			meetingID: m105, number: 105, date: d105, wantIn: true, wantLast: ptr(day(2023, 12, 31)), wantStatus: ActionClosed},
		{name: "ClosedEarlierIsGone", action: base(ActionEvent{MeetingID: &m104, MeetingDate: &d104, Kind: ActionEventClosed}),
			meetingID: m105, number: 105, date: d105},
		{name: "RevisedEarlierIsLastTarget", action: base(ActionEvent{MeetingID: &m103, MeetingDate: &d103, Kind: ActionEventRevised, NewTarget: ptr(day(2024, 2, 28))}),
			meetingID: m105, number: 105, date: d105, wantIn: true, wantLast: ptr(day(2024, 2, 28)), wantStatus: ActionOpen},
		{name: "RevisedHereIsRevisedTarget", action: base(ActionEvent{MeetingID: &m105, MeetingDate: &d105, Kind: ActionEventRevised, NewTarget: ptr(day(2024, 3, 31))}),
			meetingID: m105, number: 105, date: d105, wantIn: true, wantLast: ptr(day(2023, 12, 31)), wantRevised: ptr(day(2024, 3, 31)), wantStatus: ActionOpen},
		{name: "ReopenedIsOutstandingAgain", action: base(
			ActionEvent{MeetingID: &m103, MeetingDate: &d103, Kind: ActionEventClosed},
			ActionEvent{MeetingID: &m104, MeetingDate: &d104, Kind: ActionEventReopened, Note: "Report incomplete"}),
			meetingID: m105, number: 105, date: d105, wantIn: true, wantLast: ptr(day(2023, 12, 31)), wantStatus: ActionOpen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, in := OutstandingAt(tt.action, tt.meetingID, tt.number, tt.date)
			if in != tt.wantIn {
				t.Fatalf("outstanding = %v, want %v", in, tt.wantIn)
			}
			if !in {
				return
			}
			if !sameDay(got.LastTarget, tt.wantLast) || !sameDay(got.RevisedTarget, tt.wantRevised) || got.StatusAfter != tt.wantStatus {
				t.Errorf("got last %v revised %v status %s; want %v %v %s", got.LastTarget, got.RevisedTarget, got.StatusAfter, tt.wantLast, tt.wantRevised, tt.wantStatus)
			}
		})
	}
}

func sameDay(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
