package minutebook

import (
	"testing"
	"time"
)

// TestCanonicalHashIsStable pins the canonical text's hash of a fixed
// document: if this fails, Text changed what it writes, and every signature
// made before the change no longer verifies. Add a new canonical form
// instead (see canonicalForm).
func TestCanonicalHashIsStable(t *testing.T) {
	start := TimeOfDay{12, 20}
	doc := &Minutes{
		Meeting: &Meeting{CommitteeCode: "OPSG", CommitteeName: "Operations Group", Number: 105, Date: time.Date(2023, 10, 23, 0, 0, 0, 0, time.UTC),
			Start: &start, Venue: "Teleconference", Reference: "OPSG_105_2310", Classification: Clear, Status: Approved},
		Attendance: []Attendee{{PersonName: "Dave Warner", Status: Present, Category: "Operations Group Chair"}},
		Items: []*Item{{Number: "1", Title: "Previous Meeting Minutes", Minute: "The Chair invited comments.",
			Declarations: []Declaration{{PersonName: "Kevin Donnelly", Nature: "Albion Energy is party to the contract", Effect: LeftRoom}},
			Decisions:    []Decision{{Kind: "APPROVED", Text: "the minutes", Vote: &Vote{For: 7, Against: 2, Abstain: 1}}}}},
	}
	const want = "9d4c4b057cd5618590b78a2bd9c7aac0f5abc5db737408c0ef867e8c1879d403"
	got := CanonicalHash(doc)
	if got != want {
		t.Logf("canonical text:\n%s", CanonicalText(doc))
		t.Fatalf("canonical hash %s, want %s", got, want)
	}
	if NormalizeHash(" SHA256:"+got[:10]+" "+got[10:]) != got {
		t.Error("a pasted hash should normalise")
	}
}
