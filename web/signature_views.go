package web

import mb "github.com/minutebook/minutebook/internal/minutebook"

// VerifyPage checks the signature of a meeting's minutes against the
// stored version it signed, and a hash a reader brings from a copy.
type VerifyPage struct {
	Chrome
	Meeting   *mb.Meeting
	Signature *mb.Signature // nil: never signed
	// Recomputed is the SHA-256 of the signed version's canonical text now.
	Recomputed string
	// Given is the hash the reader asked about, tidied; "" when none.
	Given string
}

// Matches reports whether the stored version still hashes as signed.
func (p VerifyPage) Matches() bool {
	return p.Signature != nil && p.Recomputed == p.Signature.SHA256
}

// GivenMatches reports whether the reader's hash is the signed version's.
func (p VerifyPage) GivenMatches() bool { return p.Signature != nil && p.Given == p.Signature.SHA256 }
