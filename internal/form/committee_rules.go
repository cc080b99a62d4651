package form

import (
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// CommitteeRules is the form of a committee's formal rules, as typed.
type CommitteeRules struct {
	Version        string
	QuorumKind     string
	QuorumMembers  string
	QuorumShare    string
	QuorumChair    bool
	CastingVote    bool
	Signatory      string
	InterestsLevel string
	Errors         Errors
}

// CommitteeRulesFrom fills the form from the committee.
func CommitteeRulesFrom(c *mb.Committee) *CommitteeRules {
	q := c.Rules.Quorum
	f := &CommitteeRules{Version: strconv.Itoa(c.Version), QuorumKind: string(q.Kind), QuorumChair: q.Chair,
		CastingVote: c.Rules.CastingVote, Signatory: idString(c.Rules.SignatoryID), InterestsLevel: c.Rules.InterestsLevel.String(), Errors: Errors{}}
	if q.Kind == mb.QuorumMembers {
		f.QuorumMembers = strconv.Itoa(q.Members)
	}
	if q.Kind == mb.QuorumShare {
		f.QuorumShare = strconv.Itoa(q.Share)
	}
	return f
}

// ParseCommitteeRules reads a submitted rules form.
func ParseCommitteeRules(r *http.Request) (*CommitteeRules, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &CommitteeRules{Version: value(r, "version"), QuorumKind: value(r, "quorum_kind"), QuorumMembers: value(r, "quorum_members"),
		QuorumShare: value(r, "quorum_share"), QuorumChair: value(r, "quorum_chair") != "", CastingVote: value(r, "casting_vote") != "",
		Signatory: value(r, "signatory"), InterestsLevel: value(r, "interests_classification"), Errors: Errors{}}, nil
}

// Rules converts the form into the committee's rules and the version it
// was read at, or returns ok false with f.Errors set.
func (f *CommitteeRules) Rules() (mb.CommitteeRules, int, bool) {
	r := mb.CommitteeRules{Quorum: mb.QuorumRule{Kind: mb.QuorumKind(f.QuorumKind), Chair: f.QuorumChair}, CastingVote: f.CastingVote}
	version := parseVersion(f.Version, f.Errors)
	number := func(s, field, msg string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			f.Errors[field] = msg
		}
		return n
	}
	switch r.Quorum.Kind {
	case mb.QuorumMembers:
		r.Quorum.Members = number(f.QuorumMembers, "quorum_members", "Enter the number of voting members that make a quorum, such as 5.")
	case mb.QuorumShare:
		r.Quorum.Share = number(f.QuorumShare, "quorum_share", "Enter the share of the voting seats, in per cent, such as 50.")
	}
	r.SignatoryID = chosenID(f.Signatory, "signatory", "Choose one of the people.", f.Errors)
	level, err := mb.ParseClassification(f.InterestsLevel)
	if err != nil {
		f.Errors["interests_classification"] = "Choose the classification of the register of interests."
	}
	r.InterestsLevel = level
	f.Errors.Merge(r.Validate())
	return r, version, len(f.Errors) == 0
}
