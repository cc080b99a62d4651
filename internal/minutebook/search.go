package minutebook

import "time"

// SearchKind is a kind of record the search finds.
type SearchKind string

// The kinds of record searched, in the order the filter offers them.
const (
	KindItem     SearchKind = "item"
	KindDecision SearchKind = "decision"
	KindAction   SearchKind = "action"
	KindNote     SearchKind = "note" // an action's update, revision, closure or reopening
	KindComment  SearchKind = "comment"
	KindRisk     SearchKind = "risk"
	KindReview   SearchKind = "review"
	KindPaper    SearchKind = "paper"
	// KindAgenda is an item on a published agenda whose minutes the
	// reader may not yet read: found by its title only.
	KindAgenda SearchKind = "agenda"
)

// SearchKinds lists every kind.
var SearchKinds = []SearchKind{KindItem, KindDecision, KindAction, KindNote, KindComment, KindRisk, KindReview, KindPaper, KindAgenda}

// Label names the kind for people.
func (k SearchKind) Label() string {
	switch k {
	case KindItem:
		return "Agenda item"
	case KindDecision:
		return "Decision"
	case KindAction:
		return "Action"
	case KindNote:
		return "Action note"
	case KindComment:
		return "Comment"
	case KindRisk:
		return "Risk"
	case KindReview:
		return "Risk review"
	case KindPaper:
		return "Paper"
	case KindAgenda:
		return "Item on a published agenda"
	}
	return string(k)
}

// ParseSearchKind reads a kind from a URL; ok is false for anything else.
func ParseSearchKind(s string) (SearchKind, bool) {
	for _, k := range SearchKinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Search sorts.
const (
	SortRelevance = "relevance"
	SortDate      = "date"
)

// SearchFilter is one search: the words (websearch syntax: "a phrase", OR,
// -word) and the filters. Nil and empty fields match everything.
type SearchFilter struct {
	Query       string
	CommitteeID *int64
	From, To    *time.Time
	Kinds       []SearchKind // nil: every kind
	// DecisionWord keeps only decisions of that word (AGREED, NOTED …).
	DecisionWord string
	// ActionStatus keeps only actions "open" or "closed".
	ActionStatus string
	Sort         string // SortRelevance (the default) or SortDate
	Limit        int
	Offset       int
}

// SearchHit is one record found. Title and Snippet mark the words matched
// between MarkStart and MarkEnd (the web escapes the rest and draws them as
// <mark>).
type SearchHit struct {
	Kind          SearchKind
	ID            int64
	CommitteeCode string
	// MeetingNumber is the meeting whose minutes hold the record; 0 for a
	// risk or earlier history.
	MeetingNumber int
	Date          time.Time
	Title         string
	Snippet       string
	Rank          float64
	// ItemID is the agenda item the record sits in, when it does, and
	// ItemNumber its number ("3", "3.1").
	ItemID     *int64
	ItemNumber string
	// ActionMeeting and ActionSequence name an action (of an action or a
	// note); RiskReference names a risk (of a risk or a review).
	ActionMeeting, ActionSequence int
	RiskReference                 string
}

// The marks around matched words in a hit's Title and Snippet: characters
// of Unicode's private use area, which no minute carries.
const (
	MarkStart = "\ue000"
	MarkEnd   = "\ue001"
)

// SearchResults is a page of hits and how many there are in all; with
// More, at least that many (the store counts a bounded number of each
// kind's newest matches).
type SearchResults struct {
	Hits  []SearchHit
	Total int
	More  bool
}

// Mention is one sentence that names a reference, in a record the reader
// may read.
type Mention struct {
	Kind                          SearchKind
	ID                            int64
	Sentence                      string
	CommitteeCode                 string
	CommitteeName                 string
	MeetingNumber                 int // 0: a risk, or earlier history
	Date                          time.Time
	ItemID                        *int64
	ItemNumber                    string
	ItemTitle                     string
	ActionMeeting, ActionSequence int
	RiskReference                 string
}

// ReferenceStop is a leg of a reference's travels: the meetings of one
// committee in a row that mention it, between first and last.
type ReferenceStop struct {
	CommitteeCode string
	CommitteeName string
	First, Last   time.Time
	Meetings      int
}

// ReferenceDecision is a decision of an item that mentions the reference.
type ReferenceDecision struct {
	ItemID        int64
	CommitteeCode string
	MeetingNumber int
	Date          time.Time
	Kind, Text    string
}

// ReferenceAction is an action raised in an item that mentions the reference.
type ReferenceAction struct {
	ItemID        int64
	CommitteeCode string
	MeetingNumber int
	Sequence      int
	Text          string
	Status        string
}

// Reference returns the action's reference text: "OPSG 105/01".
func (a ReferenceAction) Reference() string {
	return ActionReference(a.CommitteeCode, a.MeetingNumber, a.Sequence)
}

// ReferenceHistory is everything the reader may read that names a
// reference: a page of its mentions in date order, the decisions and
// actions of their items, and its travels through the committees.
type ReferenceHistory struct {
	Reference string
	Mentions  []Mention
	Total     int
	Decisions []ReferenceDecision
	Actions   []ReferenceAction
	Timeline  []ReferenceStop
}

// ReferencePattern is one of the installation's reference patterns: a
// regular expression (PostgreSQL's) matched as a whole word.
type ReferencePattern struct {
	ID      int64
	Pattern string
	Label   string
}

// ValidDecisionWord reports whether w has the form of a decision word.
func ValidDecisionWord(w string) bool { return decisionWordRE.MatchString(w) }
