package minutebook

// AudienceGroup is a kind of reader and whether they may read a meeting's
// minutes: "the committee's members: yes".
type AudienceGroup struct {
	Who string
	May bool
}

// MinutesAudience says who may read the meeting's minutes once they are in
// status, asking the reading rule itself (CanReadMinutes) for each kind of
// reader rather than restating it: the confirmation of a lifecycle move
// shows it before the secretariat makes the move.
func MinutesAudience(m *Meeting, status MinutesStatus) []AudienceGroup {
	after := *m
	after.Status = status
	c := m.CommitteeID
	someone := &User{}
	kinds := []struct {
		who      string
		reader   *Reader
		recorded bool
	}{
		{"its secretariat", &Reader{User: someone, Roles: map[int64][]MemberRole{c: {RoleSecretariat}}}, false},
		{"the committee's members", &Reader{User: someone, Roles: map[int64][]MemberRole{c: {RoleMember}}}, false},
		{"others recorded at the meeting", &Reader{User: someone}, true},
		{"every other signed-in user", &Reader{User: someone}, false},
		{"the public, on the public site", Anonymous, false},
	}
	out := make([]AudienceGroup, len(kinds))
	for i, k := range kinds {
		out[i] = AudienceGroup{Who: k.who, May: k.reader.CanReadMinutes(&after, k.recorded)}
	}
	return out
}
