package form

import "testing"

// TestVoteCounts: an unnamed vote's counts are whole numbers from 0 to
// maxVotes; past it the form says so, rather than the database failing.
func TestVoteCounts(t *testing.T) {
	for _, tt := range []struct {
		for_  string
		valid bool
	}{{"7", true}, {"", true}, {"10000", true}, {"10001", false}, {"3000000000", false}, {"-1", false}, {"seven", false}} {
		f := &Vote{For: tt.for_, Against: "2", Errors: Errors{}}
		v := f.Vote(1)
		if (v != nil) != tt.valid || (f.Errors["counts"] == "") != tt.valid {
			t.Errorf("%q for: vote %v, errors %v", tt.for_, v, f.Errors)
		}
	}
}
