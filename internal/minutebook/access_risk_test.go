package minutebook_test

import (
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestRiskAccess(t *testing.T) {
	const panel, opsg, sub, other = 1, 2, 3, 4
	parents := map[int64]int64{opsg: panel, sub: opsg, other: panel}
	who := func(roles map[int64][]mb.MemberRole) *mb.Reader {
		return &mb.Reader{User: &mb.User{ID: 9}, Roles: roles, Parents: parents}
	}
	panelChair := who(map[int64][]mb.MemberRole{panel: {mb.RoleChair}})
	panelMember := who(map[int64][]mb.MemberRole{panel: {mb.RoleMember}})
	opsgMember := who(map[int64][]mb.MemberRole{opsg: {mb.RoleMember}})
	opsgSecretariat := who(map[int64][]mb.MemberRole{opsg: {mb.RoleSecretariat}})

	for _, tt := range []struct {
		name string
		got  bool
		want bool
	}{
		{"PanelChairReadsOPSGRisks", panelChair.CanReadRisks(opsg), true},
		{"PanelChairReadsRisksAtAnyDepth", panelChair.CanReadRisks(sub), true},
		{"PanelMemberDoesNotReadOPSGRisks", panelMember.CanReadRisks(opsg), false},
		{"OPSGMemberReadsOPSGRisks", opsgMember.CanReadRisks(opsg), true},
		{"OPSGMemberDoesNotReadSiblingRisks", opsgMember.CanReadRisks(other), false},
		{"OPSGMemberCannotEdit", opsgMember.CanEditRisks(opsg), false},
		{"OPSGSecretariatEdits", opsgSecretariat.CanEditRisks(opsg), true},
		{"PanelChairCannotEditOPSGRisks", panelChair.CanEditRisks(opsg), false},
		{"PanelChairReadsPanelEscalations", panelChair.CanReadEscalations(panel), true},
		{"PanelChairReadsOPSGEscalations", panelChair.CanReadEscalations(opsg), true},
		{"PanelMemberDoesNotReadEscalations", panelMember.CanReadEscalations(panel), false},
		{"AnonymousReadsNothing", mb.Anonymous.CanReadRisks(opsg) || mb.Anonymous.CanReadEscalations(panel), false},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
