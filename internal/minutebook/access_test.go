package minutebook

import (
	"testing"
)

func TestReaderCanReadMinutes(t *testing.T) {
	const opsg, panel, tabasc = 1, 2, 3
	parents := map[int64]int64{opsg: panel, tabasc: panel}
	anon := Anonymous
	user := &Reader{User: &User{ID: 1}, Parents: parents}
	member := &Reader{User: &User{ID: 2}, Roles: map[int64][]MemberRole{opsg: {RoleMember}}, Parents: parents}
	sec := &Reader{User: &User{ID: 3}, Roles: map[int64][]MemberRole{opsg: {RoleSecretariat}}, Parents: parents}
	panelChair := &Reader{User: &User{ID: 4}, Roles: map[int64][]MemberRole{panel: {RoleChair}}, Parents: parents}
	admin := &Reader{User: &User{ID: 5, Admin: true}, Parents: parents}
	readers := []struct {
		name string
		r    *Reader
	}{{"anonymous", anon}, {"user", user}, {"member", member}, {"secretariat", sec}, {"panel-chair", panelChair}, {"admin", admin}}

	tests := []struct {
		status   MinutesStatus
		level    Classification
		recorded bool
		want     [6]bool // in readers' order
	}{
		{Published, Clear, false, [6]bool{true, true, true, true, true, true}},
		{Published, Green, false, [6]bool{false, true, true, true, true, true}},
		{Published, Amber, false, [6]bool{false, false, true, true, false, true}},
		{Published, Red, false, [6]bool{false, false, false, true, false, true}},
		{Published, Red, true, [6]bool{false, true, true, true, true, true}},
		{Approved, Clear, false, [6]bool{false, false, true, true, false, true}},
		{Circulated, Clear, false, [6]bool{false, false, true, true, false, true}},
		{Circulated, Red, false, [6]bool{false, false, false, true, false, true}},
		{Draft, Clear, false, [6]bool{false, false, false, true, false, true}},
	}
	for _, tt := range tests {
		m := &Meeting{CommitteeID: opsg, Status: tt.status, Classification: tt.level}
		for i, rd := range readers {
			if got := rd.r.CanReadMinutes(m, tt.recorded); got != tt.want[i] {
				t.Errorf("%s %s recorded=%v as %s: got %v, want %v", tt.status, tt.level, tt.recorded, rd.name, got, tt.want[i])
			}
		}
	}
}

func TestReaderOversees(t *testing.T) {
	// PANEL > OPSG > WG (a working group two levels down).
	const opsg, panel, wg = 1, 2, 3
	parents := map[int64]int64{opsg: panel, wg: opsg}
	chair := &Reader{User: &User{ID: 1}, Roles: map[int64][]MemberRole{panel: {RoleChair}}, Parents: parents}
	member := &Reader{User: &User{ID: 2}, Roles: map[int64][]MemberRole{panel: {RoleMember}}, Parents: parents}
	if !chair.Oversees(opsg) || !chair.Oversees(wg) {
		t.Error("the Panel chair should oversee its sub-committees at any depth")
	}
	if chair.Oversees(panel) {
		t.Error("a body does not oversee itself")
	}
	if member.Oversees(opsg) || member.OverseesAny() {
		t.Error("a Panel member is not an overseer")
	}
	if !chair.OverseesAny() {
		t.Error("the Panel chair oversees something")
	}
	loop := &Reader{User: &User{ID: 3}, Parents: map[int64]int64{1: 2, 2: 1}}
	if loop.Oversees(1) {
		t.Error("a parent loop must end, and oversees nothing")
	}
}

func TestMinutesAudience(t *testing.T) {
	may := func(m *Meeting, st MinutesStatus) map[string]bool {
		out := map[string]bool{}
		for _, g := range MinutesAudience(m, st) {
			out[g.Who] = g.May
		}
		return out
	}
	amber := &Meeting{CommitteeID: 7, Classification: Amber}
	if got := may(amber, Circulated); !got["the committee's members"] || got["every other signed-in user"] || got["the public, on the public site"] {
		t.Errorf("circulated AMBER minutes: %v", got)
	}
	clear := &Meeting{CommitteeID: 7, Classification: Clear}
	if got := may(clear, Published); !got["the public, on the public site"] || !got["every other signed-in user"] {
		t.Errorf("published CLEAR minutes: %v", got)
	}
	if got := may(&Meeting{CommitteeID: 7, Classification: Red}, Published); !got["others recorded at the meeting"] || got["every other signed-in user"] {
		t.Errorf("published RED minutes: %v", got)
	}
}
