package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// VoteFormPage records how the committee voted on a decision.
type VoteFormPage struct {
	Chrome
	Meeting  *mb.Meeting
	Item     *mb.Item
	Decision *mb.Decision
	Form     *form.Vote
	// Names labels the fixed rows' voters ("Jo Bloggs (alternate)"), and
	// Members the members an alternate votes for ("" for themselves), by row.
	Names, Members []string
	// Voters are who may cast a proxy vote; Absent the members they may
	// vote for.
	Voters, Absent []Option
	// Excluded says who declared an interest and may not be counted.
	Excluded []string
	// CastingVote offers the chair's casting vote.
	CastingVote bool
	// HasVote offers to remove the vote recorded.
	HasVote bool
}

// Mode is the form's way of recording the vote, for its radios.
func (p VoteFormPage) Mode() string {
	if p.Form.Named {
		return "named"
	}
	return "counts"
}

func voteChoiceOptions() []Option {
	return Options(mb.VoteChoices, func(c mb.VoteChoice) Option { return Option{Value: string(c), Label: c.Label()} })
}

func castingOptions() []Option {
	return []Option{{string(mb.VoteFor), "For"}, {string(mb.VoteAgainst), "Against"}}
}
