package minutebook

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// RiskStatus is open or closed.
type RiskStatus string

// The statuses of a risk.
const (
	RiskOpen   RiskStatus = "open"
	RiskClosed RiskStatus = "closed"
)

// RiskStatuses lists the statuses in the order forms offer them.
var RiskStatuses = []RiskStatus{RiskOpen, RiskClosed}

// Label is the word the interface shows: "Open", "Closed".
func (s RiskStatus) Label() string {
	if s == RiskClosed {
		return "Closed"
	}
	return "Open"
}

// Valid reports whether s is a known status.
func (s RiskStatus) Valid() bool { return s == RiskOpen || s == RiskClosed }

// Risk is one entry of a committee's risk register: "OPSG-006: There is a
// risk CSP N will fail to meet SEC requirements … (Severity 20 – Critical)".
// Its likelihood and impact are those of its latest review.
type Risk struct {
	ID              int64
	CommitteeID     int64
	CommitteeCode   string // read-only
	CommitteeName   string // read-only
	Reference       string // "OPSG-006"; allocated when left empty
	Statement       string // "There is a risk …"
	OwnerID         int64  // the owner organisation
	OwnerName       string // read-only
	OwnerPersonID   *int64
	OwnerPersonName string // read-only
	Likelihood      int
	Impact          int
	Band            string // read-only: the band of the severity under the committee's bands
	Status          RiskStatus
	Mitigations     string
	// ActionIDs are the actions that mitigate the risk; Actions holds them
	// when read.
	ActionIDs []int64
	Actions   []*Action
	// Reviews is the history, oldest first; filled when read.
	Reviews []RiskReview
	// Escalations are the risk's escalations, newest first; filled when read.
	Escalations []*Escalation
	Version     int
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Severity is the risk's likelihood × impact.
func (r *Risk) Severity() int { return Severity(r.Likelihood, r.Impact) }

// OpenEscalation returns the escalation that is still open, or nil.
func (r *Risk) OpenEscalation() *Escalation {
	for _, e := range r.Escalations {
		if e.Open() {
			return e
		}
	}
	return nil
}

var riskReferenceRE = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]{1,29}$`)

// RiskReference formats an allocated reference: OPSG, 6 → "OPSG-006".
func RiskReference(code string, n int) string { return fmt.Sprintf("%s-%03d", code, n) }

// RiskNumber reads the number of an allocated reference of the committee:
// "OPSG-006" → 6. It reports false for a reference of another form.
func RiskNumber(code, reference string) (int, bool) {
	rest, ok := strings.CutPrefix(reference, code+"-")
	if !ok || rest == "" {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || strings.HasPrefix(rest, "+") {
		return 0, false
	}
	return n, true
}

// Normalize tidies what a person typed.
func (r *Risk) Normalize() {
	r.Reference = strings.ToUpper(strings.Join(strings.Fields(r.Reference), ""))
	r.Statement = strings.TrimSpace(r.Statement)
	r.Mitigations = strings.TrimSpace(r.Mitigations)
	if r.Status == "" {
		r.Status = RiskOpen
	}
}

// Validate checks the risk's own rules; the store checks those that need
// other rows (a reference free in the committee, the linked actions).
func (r *Risk) Validate() error {
	fe := FieldErrors{}
	if r.CommitteeID == 0 {
		fe.Add("committee", "Choose the committee.")
	}
	if r.Reference != "" && !riskReferenceRE.MatchString(r.Reference) {
		fe.Add("reference", "A reference is 2 to 30 capital letters, digits and hyphens, such as OPSG-006.")
	}
	switch {
	case r.Statement == "":
		fe.Add("statement", "Enter the risk, such as “There is a risk …”.")
	case len(r.Statement) > 2000:
		fe.Add("statement", "The statement is too long: 2000 characters at most.")
	}
	if r.OwnerID == 0 {
		fe.Add("owner", "Choose the organisation that owns the risk.")
	}
	if !ValidScore(r.Likelihood) {
		fe.Add("likelihood", "Choose a likelihood from 1 to 5.")
	}
	if !ValidScore(r.Impact) {
		fe.Add("impact", "Choose an impact from 1 to 5.")
	}
	if !r.Status.Valid() {
		fe.Add("status", "Choose open or closed.")
	}
	if len(r.Mitigations) > 5000 {
		fe.Add("mitigations", "The mitigations are too long: 5000 characters at most.")
	}
	return fe.Err()
}

// RiskReview is a review of a risk at a meeting: its scores then, the band
// they fell in, and the comment. Reference and Statement are as they stood,
// so that approved minutes read the same for ever.
type RiskReview struct {
	ID            int64
	RiskID        int64
	MeetingID     int64
	MeetingNumber int       // read-only
	MeetingDate   time.Time // read-only
	CommitteeCode string    // read-only
	ItemID        *int64
	Reference     string // read-only
	Statement     string
	Likelihood    int
	Impact        int
	Band          string
	Comment       string
	ActorName     string // read-only: who recorded it
	At            time.Time
}

// Severity is the review's likelihood × impact.
func (v *RiskReview) Severity() int { return Severity(v.Likelihood, v.Impact) }

// MeetingName is how other documents cite the meeting: "OPSG 105".
func (v *RiskReview) MeetingName() string {
	return fmt.Sprintf("%s %d", v.CommitteeCode, v.MeetingNumber)
}

// ReviewInput is what the secretariat records for one risk at a meeting.
type ReviewInput struct {
	RiskID     int64
	Likelihood int
	Impact     int
	Comment    string
}

// Validate checks one review's scores and comment, with messages keyed by
// field ("likelihood", "impact", "comment").
func (in ReviewInput) Validate() FieldErrors {
	fe := FieldErrors{}
	if !ValidScore(in.Likelihood) {
		fe.Add("likelihood", "Choose a likelihood from 1 to 5.")
	}
	if !ValidScore(in.Impact) {
		fe.Add("impact", "Choose an impact from 1 to 5.")
	}
	if len(in.Comment) > 5000 {
		fe.Add("comment", "The comment is too long: 5000 characters at most.")
	}
	return fe
}

// Trend describes how a severity moved from one value to another, in words
// that need no colour: "Worse by 4", "Better by 3", "Unchanged".
func Trend(from, to int) string {
	switch {
	case to > from:
		return fmt.Sprintf("Worse by %d", to-from)
	case to < from:
		return fmt.Sprintf("Better by %d", from-to)
	}
	return "Unchanged"
}
