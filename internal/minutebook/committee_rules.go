package minutebook

// CommitteeRules are a committee's formal rules, from its terms of
// reference, set by an administrator: its quorum, whether its chair has a
// casting vote, who signs its approved minutes, and how its register of
// interests is classified.
type CommitteeRules struct {
	Quorum QuorumRule
	// CastingVote gives the chair a casting vote when the votes are tied.
	CastingVote bool
	// SignatoryID names who signs the approved minutes; nil: the chair.
	SignatoryID   *int64
	SignatoryName string // read-only
	// InterestsLevel classifies the register of interests; AMBER unless
	// the committee publishes it.
	InterestsLevel Classification
}

// DefaultCommitteeRules are a new committee's: no quorum recorded, no
// casting vote, the chair signs, the register of interests AMBER.
var DefaultCommitteeRules = CommitteeRules{Quorum: QuorumRule{Kind: NoQuorum}, InterestsLevel: Amber}

// Validate checks the rules' own values.
func (c *CommitteeRules) Validate() error {
	fe := FieldErrors{}
	if c.Quorum.Kind == "" {
		c.Quorum.Kind = NoQuorum
	}
	if err := c.Quorum.Validate(); err != nil {
		for k, v := range ErrorFields(err) {
			fe.Add(k, v)
		}
	}
	if !c.InterestsLevel.Valid() {
		fe.Add("interests_classification", "Choose the classification of the register of interests.")
	}
	return fe.Err()
}

// SignatoryLabel names who signs: the person named, or "the chair".
func (c *CommitteeRules) SignatoryLabel() string {
	if c.SignatoryID != nil && c.SignatoryName != "" {
		return c.SignatoryName
	}
	return "The chair"
}

// InterestsAccess is what the reading rule needs of the committee's
// register of interests: a standing record of the committee, outside any
// minutes, so its classification alone decides (as published minutes of
// that level are read), and an AMBER register is its members'.
func (c *Committee) InterestsAccess() Access {
	level := c.Rules.InterestsLevel
	return Access{CommitteeID: c.ID, Stage: Published, Level: level, Members: level == Amber}
}

// CanReadInterests reports whether the reader may read the committee's
// register of interests (the reading rule, over InterestsAccess).
func (r *Reader) CanReadInterests(c *Committee) bool {
	return r.CanAccess(c.InterestsAccess(), false)
}
