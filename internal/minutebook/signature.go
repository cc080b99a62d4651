package minutebook

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// Signature is the chair's signature of approved minutes: who signed which
// stored version, when, and the SHA-256 of that version's canonical text.
// A correction voids it until the corrected version is signed.
type Signature struct {
	ID         int64
	MeetingID  int64
	Version    int // the number of the stored version signed
	SignerID   *int64
	SignerName string
	SignedAt   time.Time
	SHA256     string // hex
	// VoidedAt is set once a correction voided the signature, with why
	// and by whom.
	VoidedAt     *time.Time
	VoidedReason string
	VoidedBy     string
}

// Standing reports whether the signature has not been voided.
func (s *Signature) Standing() bool { return s != nil && s.VoidedAt == nil }

// Line is the signature as the minutes print it: "Signed by Dave Warner on
// 14 November 2023."
func (s *Signature) Line() string {
	return "Signed by " + s.SignerName + " on " + s.SignedAt.In(Zone).Format("2 January 2006") + "."
}

// HashLine is the hash the PDF prints under the signature, for a reader to
// check a copy against the stored version.
func (s *Signature) HashLine() string {
	return "SHA-256 of version " + strconv.Itoa(s.Version) + ": " + s.SHA256
}

// canonicalForm names the canonical text's form: the first line of the
// text hashed. A change to what Text writes for stored minutes would break
// every signature made before it; such a change needs a new form here,
// and verification must keep the old one for the signatures made with it.
const canonicalForm = "minutebook canonical minutes, form 1"

// CanonicalText is the text of the minutes that a signature hashes: the
// whole document as plain text (nothing withheld), after a line naming the
// form. It is computed from a stored version, never from the minutes as
// they stand.
func CanonicalText(doc *Minutes) string {
	return canonicalForm + "\n" + doc.Text(nil)
}

// CanonicalHash is the hex SHA-256 of the minutes' canonical text.
func CanonicalHash(doc *Minutes) string {
	sum := sha256.Sum256([]byte(CanonicalText(doc)))
	return hex.EncodeToString(sum[:])
}

// NormalizeHash tidies a hash a reader typed or pasted: lower case, without
// spaces, colons or a "sha256:" prefix.
func NormalizeHash(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "sha256:")
	s = strings.TrimPrefix(s, "sha-256:")
	return strings.NewReplacer(" ", "", ":", "", "\n", "", "\t", "").Replace(s)
}

// CanSign reports whether the reader may sign the committee's approved
// minutes: the person its rules name, or else its chair.
func (r *Reader) CanSign(c *Committee) bool {
	return r.MaySign(c.ID, c.Rules.SignatoryID)
}

// MaySign is CanSign for the committee's id and the signatory its rules
// name (nil: its chair).
func (r *Reader) MaySign(committeeID int64, signatory *int64) bool {
	if !r.SignedIn() {
		return false
	}
	if signatory != nil {
		return r.User.PersonID == *signatory
	}
	return r.Chair(committeeID)
}
