package minutebook

import (
	"testing"
)

func TestActionScope(t *testing.T) {
	published := &Meeting{ID: 1, CommitteeID: 10, Classification: Clear, Status: Published}
	amber := &Meeting{ID: 2, CommitteeID: 10, Classification: Amber, Status: Circulated}
	items := []ItemLevel{{ID: 7, MeetingID: 1, CommitteeID: 10, Classification: Red}}
	member := &Reader{User: &User{ID: 1}, Roles: map[int64][]MemberRole{10: {RoleMember}}}
	tests := []struct {
		name   string
		reader *Reader
		action Action
		want   bool
	}{
		{"AnonymousPublishedClear", Anonymous, Action{CommitteeID: 10, RaisedMeetingID: ptr(int64(1))}, true},
		{"AnonymousAmber", Anonymous, Action{CommitteeID: 10, RaisedMeetingID: ptr(int64(2))}, false},
		{"MemberAmber", member, Action{CommitteeID: 10, RaisedMeetingID: ptr(int64(2))}, true},
		{"MemberRedItemNotRecorded", member, Action{CommitteeID: 10, RaisedMeetingID: ptr(int64(1)), ItemID: ptr(int64(7))}, false},
		{"MemberHistory", member, Action{CommitteeID: 10}, true},
		{"AnonymousHistory", Anonymous, Action{CommitteeID: 10}, false},
		{"AdminEverything", &Reader{User: &User{Admin: true}}, Action{CommitteeID: 99, RaisedMeetingID: ptr(int64(2)), ItemID: ptr(int64(7))}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := tt.reader.ActionScope([]*Meeting{published, amber}, nil, items)
			if got := sc.Sees(&tt.action); got != tt.want {
				t.Errorf("Sees = %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("RecordedReaderSeesRedItem", func(t *testing.T) {
		sc := member.ActionScope([]*Meeting{published}, map[int64]bool{1: true}, items)
		if !sc.Sees(&Action{CommitteeID: 10, RaisedMeetingID: ptr(int64(1)), ItemID: ptr(int64(7))}) {
			t.Error("a reader recorded at the meeting may read its RED item's action")
		}
	})
}

func TestAgeBandOf(t *testing.T) {
	for days, want := range map[int]int{0: 0, 91: 0, 92: 1, 182: 1, 365: 2, 366: 3, 730: 3, 731: 4, 5000: 4} {
		if got := AgeBandOf(days); got != want {
			t.Errorf("AgeBandOf(%d) = %d, want %d", days, got, want)
		}
	}
}
