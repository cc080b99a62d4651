package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// CommitteeRulesPage edits a committee's formal rules.
type CommitteeRulesPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.CommitteeRules
	// People may be named to sign the minutes: the committee's members.
	People []Option
}

func quorumKindOptions() []Option {
	return []Option{{string(mb.NoQuorum), "No quorum recorded"}, {string(mb.QuorumMembers), "A number of voting members"}, {string(mb.QuorumShare), "A share of the voting seats"}}
}
