package minutebook

import (
	"testing"
)

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
