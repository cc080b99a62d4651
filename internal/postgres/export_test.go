package postgres

import mb "github.com/minutebook/minutebook/internal/minutebook"

// ReadableSQL is the reading rule's SQL over the facts of the rows aliased
// alias (a meeting's own when meeting), with its arguments, for tests.
func ReadableSQL(rd *mb.Reader, alias string, meeting bool) (string, []any) {
	var q args
	f := recordFacts(alias)
	if meeting {
		f = meetingFacts(alias)
	}
	return q.readable(rd, f), q
}

// ReadableCommentSQL is the rule for comments in SQL, for tests.
func ReadableCommentSQL(rd *mb.Reader, alias string) (string, []any) {
	var q args
	return q.readableComment(rd, alias), q
}

// AccessOf reads facts as the store does from their columns, for tests.
func AccessOf(committee int64, meeting *int64, stage string, level int16) mb.Access {
	a := accessScan{committee: &committee, meeting: meeting, stage: &stage, level: &level}
	return a.access()
}

// SetSearchCandidates makes each kind's search rank and count n matches,
// for tests that compare every match with the reading rule.
func (s *Store) SetSearchCandidates(n int) { s.searchCandidates = n }
