package server

import (
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// The formal record in the read API's meeting document (issue 20): each
// decision's vote, each item's declarations, the quorum and the signature.

type apiVote struct {
	Named       bool        `json:"named"`
	For         int         `json:"for"`
	Against     int         `json:"against"`
	Abstain     int         `json:"abstain"`
	CastingVote string      `json:"casting_vote,omitempty"` // "for" | "against", the chair's, when tied
	Result      string      `json:"result"`                 // "carried" | "not carried"
	Ballots     []apiBallot `json:"ballots,omitempty"`      // a named vote's
}

type apiBallot struct {
	Member string `json:"member"`
	Voter  string `json:"voter,omitempty"` // the alternate or proxy who voted for the member
	Choice string `json:"choice"`          // "for" | "against" | "abstain"
}

type apiDeclaration struct {
	Name     string `json:"name"`
	Nature   string `json:"nature"`
	Effect   string `json:"effect"` // "took_part" | "did_not_vote" | "left_room"
	Sentence string `json:"sentence"`
}

type apiQuorum struct {
	Rule     string          `json:"rule"`
	Recorded bool            `json:"recorded"` // false until the attendance is recorded
	Required int             `json:"required"`
	Present  int             `json:"present"`
	Quorate  bool            `json:"quorate"`
	Items    []apiItemQuorum `json:"items"`
}

type apiItemQuorum struct {
	Number  string `json:"number"`
	Present int    `json:"present"`
	Quorate bool   `json:"quorate"`
}

type apiSignature struct {
	SignedBy     string `json:"signed_by"`
	SignedAt     string `json:"signed_at"` // RFC 3339
	Version      int    `json:"version"`
	SHA256       string `json:"sha256"`
	Standing     bool   `json:"standing"` // false once a correction voided it
	VoidedReason string `json:"voided_reason,omitempty"`
	VerifyURL    string `json:"verify_url"`
}

func toAPIVote(v *mb.Vote) *apiVote {
	if v == nil {
		return nil
	}
	out := &apiVote{Named: v.Named, For: v.For, Against: v.Against, Abstain: v.Abstain, CastingVote: string(v.CastingVote), Result: string(v.Result())}
	for _, b := range v.Ballots {
		ab := apiBallot{Member: b.MemberName, Choice: string(b.Choice)}
		if b.ByProxy() {
			ab.Voter = b.VoterName
		}
		out.Ballots = append(out.Ballots, ab)
	}
	return out
}

// toAPIQuorum is the meeting's quorum, or nil when its committee has no
// rule. Item numbers only, so nothing of a withheld item shows.
func toAPIQuorum(q *mb.QuorumRecord) *apiQuorum {
	if !q.Rule.Set() {
		return nil
	}
	out := &apiQuorum{Rule: q.Rule.Label(), Recorded: q.Recorded, Required: q.Meeting.Required, Present: q.Meeting.Present,
		Quorate: q.Recorded && q.Meeting.Quorate, Items: []apiItemQuorum{}}
	for _, it := range q.Items {
		out.Items = append(out.Items, apiItemQuorum{Number: it.Number, Present: it.Present, Quorate: q.Recorded && it.Quorate})
	}
	return out
}

func toAPISignature(r *http.Request, m *mb.Meeting, s *mb.Signature) *apiSignature {
	if s == nil {
		return nil
	}
	return &apiSignature{SignedBy: s.SignerName, SignedAt: s.SignedAt.UTC().Format(time.RFC3339), Version: s.Version, SHA256: s.SHA256,
		Standing: s.Standing(), VoidedReason: s.VoidedReason, VerifyURL: baseURL(r) + web.VerifyPath(m.CommitteeCode, m.Number, "")}
}
