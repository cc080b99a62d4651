package minutebook

import (
	"fmt"
	"slices"
	"strings"
)

// VoteChoice is how a member voted.
type VoteChoice string

// The choices of a vote.
const (
	VoteFor     VoteChoice = "for"
	VoteAgainst VoteChoice = "against"
	VoteAbstain VoteChoice = "abstain"
)

// VoteChoices lists the choices in the order forms offer them.
var VoteChoices = []VoteChoice{VoteFor, VoteAgainst, VoteAbstain}

// Valid reports whether c is a known choice.
func (c VoteChoice) Valid() bool { return c == VoteFor || c == VoteAgainst || c == VoteAbstain }

// Label is the word the interface shows: "For", "Against", "Abstained".
func (c VoteChoice) Label() string {
	switch c {
	case VoteFor:
		return "For"
	case VoteAgainst:
		return "Against"
	case VoteAbstain:
		return "Abstained"
	}
	return string(c)
}

// Vote is how the committee voted on a decision: counts for, against and
// abstaining, or a named vote whose ballots the counts are taken from, and
// the chair's casting vote when the votes were tied.
type Vote struct {
	DecisionID int64
	Named      bool
	For        int
	Against    int
	Abstain    int
	// Ballots are a named vote's, one per member whose vote it is.
	Ballots []Ballot
	// CastingVote is the chair's casting vote, for or against, given
	// only when For equals Against; "" when none was given.
	CastingVote VoteChoice
	Version     int
}

// Ballot is one member's vote in a named vote. VoterID cast it: the member
// themselves, or an alternate or proxy voting for MemberID.
type Ballot struct {
	MemberID   int64
	MemberName string // read-only
	VoterID    int64
	VoterName  string // read-only
	Choice     VoteChoice
}

// ByProxy reports whether someone else cast the member's vote.
func (b Ballot) ByProxy() bool { return b.VoterID != b.MemberID }

// Display names the ballot as the minutes list it: "Kevin Donnelly", or
// "Jo Bloggs for Kevin Donnelly" when an alternate or proxy voted.
func (b Ballot) Display() string {
	if b.ByProxy() {
		return b.VoterName + " for " + b.MemberName
	}
	return b.MemberName
}

// VoteResult is what the vote decided.
type VoteResult string

// The results of a vote.
const (
	Carried    VoteResult = "carried"
	NotCarried VoteResult = "not carried"
)

// Result is the vote's outcome by simple majority of those voting for and
// against, a tie going the way of the casting vote (and failing without one).
func (v *Vote) Result() VoteResult {
	if v.For > v.Against || (v.For == v.Against && v.CastingVote == VoteFor) {
		return Carried
	}
	return NotCarried
}

// Cast is how many members the vote counts.
func (v *Vote) Cast() int { return v.For + v.Against + v.Abstain }

// Count takes a named vote's counts from its ballots.
func (v *Vote) Count() {
	if !v.Named {
		return
	}
	v.For, v.Against, v.Abstain = 0, 0, 0
	for _, b := range v.Ballots {
		switch b.Choice {
		case VoteFor:
			v.For++
		case VoteAgainst:
			v.Against++
		case VoteAbstain:
			v.Abstain++
		}
	}
}

// Tally is the vote as the minutes say it: "7 for, 2 against, with 1
// abstention", or "5 for and 4 against" when nobody abstained.
func (v *Vote) Tally() string {
	s := fmt.Sprintf("%d for, %d against", v.For, v.Against)
	switch v.Abstain {
	case 0:
		s = fmt.Sprintf("%d for and %d against", v.For, v.Against)
	case 1:
		s += ", with 1 abstention"
	default:
		s += fmt.Sprintf(", with %d abstentions", v.Abstain)
	}
	if v.CastingVote != "" {
		s += ", the Chair giving a casting vote " + string(v.CastingVote)
	}
	return s
}

// BallotsBy returns the named ballots with the choice, in order.
func (v *Vote) BallotsBy(c VoteChoice) []Ballot {
	var out []Ballot
	for _, b := range v.Ballots {
		if b.Choice == c {
			out = append(out, b)
		}
	}
	return out
}

// VotedSentence is a voted decision in the committee's voice: "The PANEL
// voted 7 for, 2 against, with 1 abstention, and APPROVED the modification."
func votedSentence(lead string, d Decision) string {
	return lead + " voted " + d.Vote.Tally() + ", and " + d.Kind + " " + sentenceText(d.Text)
}

// sentenceText ends a decision's text with a full stop, as the documents do.
func sentenceText(text string) string {
	text = strings.TrimSpace(text)
	if text != "" && !strings.HasSuffix(text, ".") {
		text += "."
	}
	return text
}

// Validate checks the vote against who could vote on the item (e), and
// whether the committee's chair has a casting vote. A member who declared
// an interest and did not vote, or left the room, cannot be counted: the
// message names them.
func (v *Vote) Validate(e *Electorate, castingVote bool) error {
	fe := FieldErrors{}
	if v.Named {
		v.validateBallots(e, fe)
		v.Count()
	} else {
		v.Ballots = nil
		if v.For < 0 || v.Against < 0 || v.Abstain < 0 {
			fe.Add("counts", "Votes are counted in whole numbers from 0.")
		}
	}
	if len(fe) == 0 {
		switch {
		case v.Cast() == 0:
			fe.Add("counts", "Record at least one vote: for, against or abstaining.")
		case !v.Named && e != nil && e.Recorded && v.Cast() > e.Limit():
			fe.Add("counts", e.tooMany(v.Cast()))
		}
	}
	switch {
	case v.CastingVote == "":
	case v.CastingVote != VoteFor && v.CastingVote != VoteAgainst:
		fe.Add("casting_vote", "A casting vote is for or against.")
	case !castingVote:
		fe.Add("casting_vote", "The committee's chair has no casting vote: an administrator can give them one in the committee's rules.")
	case v.For != v.Against:
		fe.Add("casting_vote", "A casting vote is given only when the votes for and against are tied.")
	}
	return fe.Err()
}

func (v *Vote) validateBallots(e *Electorate, fe FieldErrors) {
	if e == nil {
		e = &Electorate{}
	}
	counted := map[int64]int{}
	for i, b := range v.Ballots {
		key := fmt.Sprintf("ballot-%d", i)
		if !b.Choice.Valid() {
			fe.Add(key, "Choose for, against or abstained.")
			continue
		}
		voter, ok := e.Voters[b.VoterID]
		if !ok {
			if why := e.Excluded[b.VoterID]; why != "" {
				fe.Add(key, why)
			} else {
				fe.Add(key, fmt.Sprintf("%s was not recorded as a voting member present for item %s, so cannot vote on it.", e.Name(b.VoterID), e.Item))
			}
			continue
		}
		if b.MemberID == 0 {
			b.MemberID = b.VoterID
			if voter.AlternateFor != 0 {
				b.MemberID = voter.AlternateFor
			}
			v.Ballots[i].MemberID = b.MemberID
		}
		if b.MemberID != b.VoterID && b.MemberID != voter.AlternateFor {
			if why := e.Excluded[b.MemberID]; why != "" {
				fe.Add(key, why)
				continue
			}
			if _, seated := e.Absent[b.MemberID]; !seated {
				fe.Add(key, fmt.Sprintf("%s can vote by proxy only for a voting member who was not present for item %s.", e.Name(b.VoterID), e.Item))
				continue
			}
		}
		if j, twice := counted[b.MemberID]; twice {
			fe.Add(key, fmt.Sprintf("%s's vote is already counted on row %d: a member's vote is counted once.", e.Name(b.MemberID), j+1))
			continue
		}
		counted[b.MemberID] = i
	}
}

// Electorate is who could vote on an item: the voting members present for
// it (in part attendance, for the items they attended), less those who
// declared an interest and did not vote or left the room; and the voting
// members absent from it, for whom an alternate or proxy may vote.
type Electorate struct {
	Item string // the item's number
	// Recorded is false when the meeting has no roll call: counts cannot
	// be checked against it.
	Recorded bool
	Voters   map[int64]Voter
	// Excluded holds, by person, why someone present may not be counted:
	// "Marcus Oyelaran declared an interest in item 9 and did not vote, so cannot be counted in the vote."
	Excluded map[int64]string
	// Absent are the voting members (by seat) not present for the item.
	Absent map[int64]string
	names  map[int64]string
}

// Voter is a voting member present for an item; AlternateFor is the member
// an alternate attends for (0: none).
type Voter struct {
	Name         string
	AlternateFor int64
}

// Limit is the most votes the item can count: every eligible voter
// present and a proxy for every absent member.
func (e *Electorate) Limit() int { return len(e.Voters) + len(e.Absent) }

// Name is the person's name as the meeting records it.
func (e *Electorate) Name(id int64) string {
	if n := e.names[id]; n != "" {
		return n
	}
	return "This person"
}

// tooMany is the refusal of a count larger than the electorate, naming
// those who declared an interest and may not be counted.
func (e *Electorate) tooMany(cast int) string {
	msg := fmt.Sprintf("The vote counts %d, but only %d could vote on item %s", cast, e.Limit(), e.Item)
	if len(e.Excluded) == 0 {
		return msg + "."
	}
	var why []string
	for _, w := range e.Excluded {
		why = append(why, w)
	}
	slices.Sort(why)
	return msg + ": " + strings.Join(why, " ")
}

// NewElectorate works out who could vote on the item from the meeting's roll
// call, the interests declared in the item, and the committee's voting
// seats on the meeting's day.
func NewElectorate(it *Item, attendance []Attendee, declarations []Declaration, seats []Seat) *Electorate {
	e := &Electorate{Item: it.Number, Recorded: len(attendance) > 0, Voters: map[int64]Voter{},
		Excluded: map[int64]string{}, Absent: map[int64]string{}, names: map[int64]string{}}
	present := map[int64]bool{}
	for _, a := range attendance {
		e.names[a.PersonID] = a.PersonName
		if !a.Member() || !PresentFor(a, it) {
			continue
		}
		v := Voter{Name: a.PersonName}
		if a.AlternateForID != nil {
			v.AlternateFor = *a.AlternateForID
			present[*a.AlternateForID] = true
		}
		e.Voters[a.PersonID] = v
		present[a.PersonID] = true
	}
	for _, d := range declarations {
		if d.ItemID != it.ID || d.Effect == TookPart {
			continue
		}
		e.names[d.PersonID] = d.PersonName
		delete(e.Voters, d.PersonID)
		e.Excluded[d.PersonID] = d.PersonName + " declared an interest in item " + it.Number + " and " + d.Effect.Phrase() + ", so cannot be counted in the vote."
	}
	for _, s := range seats {
		if s.Voting() && !present[s.PersonID] {
			if _, excluded := e.Excluded[s.PersonID]; !excluded {
				e.Absent[s.PersonID] = s.PersonName
			}
		}
		if e.names[s.PersonID] == "" {
			e.names[s.PersonID] = s.PersonName
		}
	}
	return e
}

// Roll is a named vote's roll as the minutes record it: "For: Kevin
// Donnelly, Jo Bloggs for Shuba Khatun. Against: Sam Draper. Abstained:
// Alex Ford."
func (v *Vote) Roll() string {
	var parts []string
	for _, c := range VoteChoices {
		var names []string
		for _, b := range v.BallotsBy(c) {
			names = append(names, b.Display())
		}
		if len(names) > 0 {
			parts = append(parts, c.Label()+": "+strings.Join(names, ", ")+".")
		}
	}
	return strings.Join(parts, " ")
}
