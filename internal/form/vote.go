package form

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Vote is the form that records how the committee voted on a decision, as
// typed: counts, or a named vote with a row per voting member present and
// blank rows for proxies.
type Vote struct {
	Version     string
	Named       bool
	For         string
	Against     string
	Abstain     string
	CastingVote string
	Rows        []BallotRow
	// ballotRows maps each ballot of the converted vote to its row, so
	// that a refusal of ballot N lands beside its row.
	ballotRows []int
	Errors     Errors
}

// BallotRow is one row of a named vote: who voted, for whom (an alternate
// or proxy voting for a member), and how; an empty choice is no vote.
type BallotRow struct {
	Voter  string
	Member string
	Choice string
	// Proxy rows choose their voter and member; the others are fixed.
	Proxy bool
}

// ProxyRows is how many blank proxy rows a named vote offers.
const ProxyRows = 2

// NewVote is the form for a decision: its recorded vote, or counts to
// fill, with a row for each voter of the electorate.
func NewVote(v *mb.Vote, voters []BallotRow) *Vote {
	f := &Vote{Version: "0", Errors: Errors{}}
	if v == nil {
		f.Rows = append(voters, make([]BallotRow, ProxyRows)...)
		for i := len(voters); i < len(f.Rows); i++ {
			f.Rows[i].Proxy = true
		}
		return f
	}
	f.Version, f.Named, f.CastingVote = strconv.Itoa(v.Version), v.Named, string(v.CastingVote)
	f.For, f.Against, f.Abstain = strconv.Itoa(v.For), strconv.Itoa(v.Against), strconv.Itoa(v.Abstain)
	cast := map[string]mb.Ballot{}
	for _, b := range v.Ballots {
		cast[idOf(b.VoterID)+"/"+idOf(b.MemberID)] = b
	}
	for _, row := range voters {
		if b, ok := cast[row.Voter+"/"+row.Member]; ok {
			row.Choice = string(b.Choice)
			delete(cast, row.Voter+"/"+row.Member)
		}
		f.Rows = append(f.Rows, row)
	}
	for _, b := range v.Ballots {
		if _, left := cast[idOf(b.VoterID)+"/"+idOf(b.MemberID)]; left {
			f.Rows = append(f.Rows, BallotRow{Voter: idOf(b.VoterID), Member: idOf(b.MemberID), Choice: string(b.Choice), Proxy: true})
		}
	}
	for range ProxyRows {
		f.Rows = append(f.Rows, BallotRow{Proxy: true})
	}
	return f
}

func idOf(id int64) string { return strconv.FormatInt(id, 10) }

// ParseVote reads a submitted vote form.
func ParseVote(r *http.Request) (*Vote, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	f := &Vote{Version: value(r, "version"), Named: value(r, "mode") == "named", For: value(r, "for"), Against: value(r, "against"),
		Abstain: value(r, "abstain"), CastingVote: value(r, "casting_vote"), Errors: Errors{}}
	n, _ := strconv.Atoi(value(r, "rows"))
	for i := range min(n, 500) {
		f.Rows = append(f.Rows, BallotRow{Voter: value(r, fmt.Sprintf("voter-%d", i)), Member: value(r, fmt.Sprintf("member-%d", i)),
			Choice: value(r, fmt.Sprintf("choice-%d", i)), Proxy: value(r, fmt.Sprintf("proxy-%d", i)) != ""})
	}
	return f, nil
}

// Vote converts the form for the decision, or returns nil with f.Errors
// set; the store checks it against who could vote.
func (f *Vote) Vote(decisionID int64) *mb.Vote {
	v := &mb.Vote{DecisionID: decisionID, Named: f.Named, CastingVote: mb.VoteChoice(f.CastingVote)}
	v.Version, _ = strconv.Atoi(f.Version)
	if f.Named {
		f.ballotRows = nil
		for i, row := range f.Rows {
			if row.Choice == "" || (row.Proxy && row.Voter == "") {
				continue
			}
			b := mb.Ballot{Choice: mb.VoteChoice(row.Choice)}
			key := fmt.Sprintf("row-%d", i)
			if id := chosenID(row.Voter, key, "Choose who voted.", f.Errors); id != nil {
				b.VoterID = *id
			}
			if id := chosenID(row.Member, key, "Choose the member they voted for.", f.Errors); id != nil {
				b.MemberID = *id
			}
			v.Ballots = append(v.Ballots, b)
			f.ballotRows = append(f.ballotRows, i)
		}
	} else {
		v.For = count(f.For, f.Errors)
		v.Against = count(f.Against, f.Errors)
		v.Abstain = count(f.Abstain, f.Errors)
	}
	if len(f.Errors) > 0 {
		return nil
	}
	return v
}

// maxVotes bounds each count of an unnamed vote: no body has more voters,
// and the database's sum of three counts must not overflow.
const maxVotes = 10_000

// count reads a number of votes; "" is none.
func count(s string, errs Errors) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxVotes {
		errs["counts"] = "Votes are counted in whole numbers from 0 to " + strconv.Itoa(maxVotes) + "."
		return 0
	}
	return n
}

// PlaceBallotErrors moves the messages the store gave about ballots
// ("ballot-2") beside the rows they came from ("row-5").
func (f *Vote) PlaceBallotErrors() {
	for k, msg := range f.Errors {
		var i int
		if _, err := fmt.Sscanf(k, "ballot-%d", &i); err == nil && strings.HasPrefix(k, "ballot-") && i < len(f.ballotRows) {
			delete(f.Errors, k)
			f.Errors[fmt.Sprintf("row-%d", f.ballotRows[i])] = msg
		}
	}
}
