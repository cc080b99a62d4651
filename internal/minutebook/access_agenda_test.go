package minutebook_test

import (
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The agenda's records are decided by the one rule at the agenda's stage:
// published, they are out as published minutes are (for whoever their
// level admits); a draft agenda's are the minutes' (the secretariat's while
// the minutes are a draft). The forward plan shows a draft agenda's items
// to the committee's members as circulated minutes.
func TestAgendaAccess(t *testing.T) {
	const opsg = 2
	user := func(roles map[int64][]mb.MemberRole) *mb.Reader {
		return &mb.Reader{User: &mb.User{ID: 9}, Roles: roles}
	}
	member := user(map[int64][]mb.MemberRole{opsg: {mb.RoleMember}})
	secretariat := user(map[int64][]mb.MemberRole{opsg: {mb.RoleSecretariat}})
	signedIn := user(nil)
	draft := func(level mb.Classification) mb.Access {
		return (&mb.Meeting{ID: 7, CommitteeID: opsg, Status: mb.Draft, Classification: level}).Access()
	}
	clearPub := draft(mb.Clear).Agenda(mb.AgendaPublished)
	amberPaper := draft(mb.Clear).Within(mb.Amber).Agenda(mb.AgendaPublished)
	redInAmber := draft(mb.Amber).Within(mb.Red).Agenda(mb.AgendaPublished)
	for _, tt := range []struct {
		name      string
		got, want bool
	}{
		{"PublicReadsAPublishedClearAgendaOfDraftMinutes", mb.Anonymous.CanAccess(clearPub, false), true},
		{"PublicDoesNotReadItsAmberPaper", mb.Anonymous.CanAccess(amberPaper, false), false},
		{"SignedInDoesNotReadItsAmberPaper", signedIn.CanAccess(amberPaper, false), false},
		{"MemberReadsItsAmberPaper", member.CanAccess(amberPaper, false), true},
		{"MemberDoesNotReadARedItemUnlessRecorded", member.CanAccess(redInAmber, false), false},
		{"RecordedMemberReadsTheRedItem", member.CanAccess(redInAmber, true), true},
		{"RecordedNonMemberDoesNotReadRedWithinAmber", signedIn.CanAccess(redInAmber, true), false},
		{"MemberDoesNotReadADraftAgenda", member.CanAccess(draft(mb.Clear).Agenda(mb.AgendaDraft), false), false},
		{"PublicDoesNotReadADraftAgenda", mb.Anonymous.CanAccess(draft(mb.Clear).Agenda(mb.AgendaDraft), false), false},
		{"SecretariatReadsADraftAgenda", secretariat.CanAccess(draft(mb.Red).Agenda(mb.AgendaDraft), false), true},
		{"MemberReadsAPlannedItem", member.CanAccess(draft(mb.Amber).Planned(), false), true},
		{"MemberDoesNotReadAPlannedRedItem", member.CanAccess(draft(mb.Amber).Within(mb.Red).Planned(), false), false},
		{"SignedInDoesNotReadAPlannedItem", signedIn.CanAccess(draft(mb.Clear).Planned(), false), false},
		{"CanReadAgendaIsTheRuleOverTheMeeting", member.CanReadAgenda(&mb.Meeting{CommitteeID: opsg, Status: mb.Draft, Classification: mb.Green}, mb.AgendaPublished, false), true},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %v", tt.name, tt.got)
		}
	}
	// A published agenda of minutes already published is as they are.
	pub := (&mb.Meeting{CommitteeID: opsg, Status: mb.Published, Classification: mb.Green}).Access()
	if pub.Agenda(mb.AgendaDraft) != pub || pub.Agenda(mb.AgendaPublished) != pub {
		t.Errorf("the agenda's stage changes published minutes' facts: %+v", pub.Agenda(mb.AgendaDraft))
	}
}
