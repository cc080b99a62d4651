package minutebook

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// QuorumKind says how a committee's quorum is set.
type QuorumKind string

// The kinds of quorum rule.
const (
	NoQuorum      QuorumKind = "none"    // the committee has no rule recorded
	QuorumMembers QuorumKind = "members" // a number of voting members
	QuorumShare   QuorumKind = "share"   // a share, in per cent, of its voting seats
)

// QuorumRule is a committee's quorum, from its terms of reference: a number
// of voting members, or a share of its voting seats, optionally with the
// chair or a deputy among them.
type QuorumRule struct {
	Kind    QuorumKind
	Members int // for QuorumMembers
	Share   int // per cent, for QuorumShare
	// Chair requires the chair, or a deputy (an alternate attending for
	// the chair), to be among those present.
	Chair bool
}

// Set reports whether the committee has a quorum rule.
func (q QuorumRule) Set() bool { return q.Kind == QuorumMembers || q.Kind == QuorumShare }

// Required is how many voting members make a quorum when the committee has
// seats voting seats.
func (q QuorumRule) Required(seats int) int {
	switch q.Kind {
	case QuorumMembers:
		return q.Members
	case QuorumShare:
		return max(1, (q.Share*seats+99)/100)
	}
	return 0
}

// Label describes the rule: "5 voting members, including the chair or a
// deputy", "half of the voting seats (50%)".
func (q QuorumRule) Label() string {
	var s string
	switch q.Kind {
	case QuorumMembers:
		s = plural(q.Members, "voting member", "voting members")
	case QuorumShare:
		s = fmt.Sprintf("%d%% of the voting seats", q.Share)
	default:
		return "No quorum is recorded"
	}
	if q.Chair {
		s += ", including the chair or a deputy"
	}
	return s
}

// Validate checks the rule's own values.
func (q QuorumRule) Validate() error {
	fe := FieldErrors{}
	switch q.Kind {
	case NoQuorum:
	case QuorumMembers:
		if q.Members < 1 || q.Members > 1000 {
			fe.Add("quorum_members", "Enter the number of voting members that make a quorum, from 1.")
		}
	case QuorumShare:
		if q.Share < 1 || q.Share > 100 {
			fe.Add("quorum_share", "Enter the share of the voting seats that makes a quorum, from 1 to 100 per cent.")
		}
	default:
		fe.Add("quorum_kind", "Choose how the quorum is set.")
	}
	return fe.Err()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Seat is a seat on a committee held on a meeting's day, for the quorum and
// for the proxies of a vote.
type Seat struct {
	PersonID   int64
	PersonName string
	Role       MemberRole
	// Alternate is set for a seat held as an alternate for a member,
	// which adds no vote of its own.
	Alternate bool
}

// Voting reports whether the seat carries a vote: a member's or the chair's.
func (s Seat) Voting() bool { return !s.Alternate && (s.Role == RoleMember || s.Role == RoleChair) }

// Quorum is whether part of a meeting was quorate: how many voting members
// were present, how many the rule asks for, and whether the chair was.
type Quorum struct {
	Required     int
	Present      int
	ChairPresent bool
	Quorate      bool
}

// ItemQuorum is the quorum for one item.
type ItemQuorum struct {
	ItemID int64
	Number string
	Quorum
	Decided bool // the item records a decision
}

// QuorumRecord is a meeting's quorum, as a whole and item by item, judged
// from its roll call (with part attendance) and the interests declared.
type QuorumRecord struct {
	Rule QuorumRule
	// Recorded is false when the meeting has no roll call yet.
	Recorded bool
	Meeting  Quorum
	Items    []ItemQuorum
}

// Inquorate lists the items that were inquorate.
func (q *QuorumRecord) Inquorate() []ItemQuorum {
	var out []ItemQuorum
	for _, it := range q.Items {
		if !it.Quorate {
			out = append(out, it)
		}
	}
	return out
}

// InquorateDecisions lists the numbers of the items that record a decision
// taken while the meeting was inquorate.
func (q *QuorumRecord) InquorateDecisions() []string {
	if q == nil || !q.Rule.Set() || !q.Recorded {
		return nil
	}
	var out []string
	for _, it := range q.Items {
		if it.Decided && !it.Quorate {
			out = append(out, it.Number)
		}
	}
	return out
}

// VariesByItem reports whether part attendance or members leaving the room
// changed the quorum from item to item.
func (q *QuorumRecord) VariesByItem() bool {
	for _, it := range q.Items {
		if it.Present != q.Meeting.Present || it.ChairPresent != q.Meeting.ChairPresent {
			return true
		}
	}
	return false
}

// Sentence says whether the meeting was quorate: "The meeting was quorate:
// 11 voting members were present, including the chair; the quorum is 5
// voting members, including the chair or a deputy."
func (q *QuorumRecord) Sentence() string {
	if !q.Rule.Set() {
		return ""
	}
	if !q.Recorded {
		return "Whether the meeting was quorate shows once its attendance is recorded. The quorum is " + q.Rule.Label() + "."
	}
	word := "quorate"
	if !q.Meeting.Quorate {
		word = "inquorate"
	}
	return "The meeting was " + word + ": " + q.Meeting.presence() + "; the quorum is " + q.Rule.Label() + "."
}

// Sentence says whether the item was quorate, as its own line in the minutes.
func (q ItemQuorum) Sentence() string {
	word := "quorate"
	if !q.Quorate {
		word = "inquorate"
	}
	return "Item " + q.Number + " was " + word + ": " + q.presence() + "."
}

func (q Quorum) presence() string {
	s := plural(q.Present, "voting member was present", "voting members were present")
	if q.ChairPresent {
		s += ", including the chair"
	}
	return s
}

// JudgeQuorum works out whether the meeting of the minutes was quorate, as
// a whole and for each item: the voting members recorded (members in their
// categories, alternates attending for them), those in part attendance
// counting for the items they attended, and those who left the room over an
// interest not counting for that item. seats are the committee's seats on
// the meeting's day, for a quorum set as a share and to know the chair.
func JudgeQuorum(doc *Minutes) *QuorumRecord {
	q := &QuorumRecord{Rule: doc.Quorum, Recorded: len(doc.Attendance) > 0}
	if !q.Rule.Set() {
		return q
	}
	voting, chairs := 0, map[int64]bool{}
	for _, s := range doc.Seats {
		if s.Voting() {
			voting++
		}
		if s.Role == RoleChair && !s.Alternate {
			chairs[s.PersonID] = true
		}
	}
	required := q.Rule.Required(voting)
	judge := func(present func(Attendee) bool) Quorum {
		x := Quorum{Required: required}
		for _, a := range doc.Attendance {
			if !a.Member() || !present(a) {
				continue
			}
			x.Present++
			if chairs[a.PersonID] || (a.AlternateForID != nil && chairs[*a.AlternateForID]) {
				x.ChairPresent = true
			}
		}
		x.Quorate = x.Present >= required && (!q.Rule.Chair || x.ChairPresent)
		return x
	}
	q.Meeting = judge(func(a Attendee) bool { return a.Status == Present || a.Status == Part })
	doc.Walk(func(it *Item) {
		left := map[int64]bool{}
		for _, d := range it.Declarations {
			if d.Effect == LeftRoom {
				left[d.PersonID] = true
			}
		}
		iq := judge(func(a Attendee) bool { return PresentFor(a, it) && !left[a.PersonID] })
		q.Items = append(q.Items, ItemQuorum{ItemID: it.ID, Number: it.Number, Quorum: iq, Decided: len(it.Decisions) > 0})
	})
	return q
}

// PresentFor reports whether the attendee was there for the item: present
// throughout, or in part attendance for it (an entry for item 5 covers 5.1
// and 5.2).
func PresentFor(a Attendee, it *Item) bool {
	switch a.Status {
	case Present:
		return true
	case Part:
		// Recorded by item (migration 0020), or as typed ("5, 7").
		if len(a.PartItemIDs) > 0 {
			return slices.Contains(a.PartItemIDs, it.ID) || it.ParentID != nil && slices.Contains(a.PartItemIDs, *it.ParentID)
		}
		return PartCovers(a.PartItems, it.Number)
	}
	return false
}

var (
	partWords = regexp.MustCompile(`(?i)\b(agenda\s+)?items?\b`)
	partSplit = regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`)
	partRange = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*(?:-|–|—|\bto\b)\s*(\d+(?:\.\d+)?)$`)
)

// PartCovers reports whether the items a part attendee was there for, as
// typed ("5", "5, 7", "3–5", "Agenda Items 2 and 4"), cover the item with
// the number.
func PartCovers(parts, number string) bool {
	top, _, _ := strings.Cut(number, ".")
	for _, p := range partSplit.Split(strings.TrimSpace(partWords.ReplaceAllString(parts, " ")), -1) {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if p == number || p == top {
			return true
		}
		if m := partRange.FindStringSubmatch(p); m != nil {
			if inRange(number, m[1], m[2]) {
				return true
			}
		}
	}
	return false
}

// inRange reports whether the item number lies between from and to, both
// inclusive, comparing item numbers part by part (5.2 lies in 5–6).
func inRange(number, from, to string) bool {
	return compareNumbers(from, number) <= 0 && (compareNumbers(number, to) <= 0 || strings.HasPrefix(number, to+"."))
}

func compareNumbers(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, _ := strconv.Atoi(as[i])
		y, _ := strconv.Atoi(bs[i])
		if x != y {
			return x - y
		}
	}
	return len(as) - len(bs)
}
