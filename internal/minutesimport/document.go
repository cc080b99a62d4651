package minutesimport

// Document is what an imported minutes document says, as far as the parser
// could tell. Its JSON form is a documented interface (see the package
// documentation), so the field tags must not change.
type Document struct {
	Meeting            Meeting             `json:"meeting"`
	Attendees          []Attendee          `json:"attendees"`
	Apologies          []Apology           `json:"apologies"`
	Items              []Item              `json:"items"`
	OutstandingActions []OutstandingAction `json:"outstanding_actions"`
	Risks              []Risk              `json:"risks"`
	NextMeetings       []NextMeeting       `json:"next_meetings"`
	Unrecognised       []Unrecognised      `json:"unrecognised"`
	Warnings           []Warning           `json:"warnings"`
	// DecisionWords are the words decisions were read in: the committee's,
	// or, when none were given (WordsAssumed), minutebook's default and the
	// document's own bold capitals that it used.
	DecisionWords []string `json:"decision_words"`
	WordsAssumed  bool     `json:"decision_words_assumed,omitempty"`

	// roles says, for each line number (index 0 unused), what the parser
	// made of that line. It is the bookkeeping behind the promise that no
	// line is lost silently, and lets the tests check that promise.
	roles []string
}

// Meeting is the heading of the minutes: which meeting they record.
type Meeting struct {
	Committee      string `json:"committee"`      // code, e.g. "OPSG"
	CommitteeName  string `json:"committee_name"` // e.g. "Operations Group"
	Number         int    `json:"number"`
	Kind           string `json:"kind"`  // "main", "reporting" or "extraordinary"
	Date           string `json:"date"`  // YYYY-MM-DD
	Start          string `json:"start"` // HH:MM, 24-hour
	End            string `json:"end"`   // HH:MM, 24-hour
	Venue          string `json:"venue"`
	Reference      string `json:"reference"`      // e.g. "OPSG_105_2310"
	Status         string `json:"status"`         // "draft" or "final"
	Classification string `json:"classification"` // "RED", "AMBER", "GREEN" or "CLEAR"
}

// Attendee is a person recorded as present. Members carry the category they
// sit in; other participants carry the organisation they represent.
type Attendee struct {
	Name         string   `json:"name"`
	Category     string   `json:"category,omitempty"`
	Representing string   `json:"representing,omitempty"`
	PartItems    []string `json:"part_items"` // agenda items attended, when present for part only
	AlternateFor string   `json:"alternate_for,omitempty"`
	// Role is the capacity the minutes give, as written: "Chair",
	// "Technical Secretary", "Panel Member (Large Supplier)", "Observer".
	Role string `json:"role,omitempty"`
	// Initials are the person's initials as the minutes give them ("JK"),
	// by which the minute may refer to them.
	Initials string `json:"initials,omitempty"`
	// Absent is set by a person correcting what was read: the attendee was
	// not there after all, and is not recorded.
	Absent bool `json:"absent,omitempty"`
	Line   int  `json:"line"`
}

// Apology is a person who sent apologies, with the organisation or category
// the minutes list them under.
type Apology struct {
	Name         string `json:"name"`
	Representing string `json:"representing"`
	// Category is set by a person correcting what was read, beside the
	// organisation in Representing.
	Category string `json:"category,omitempty"`
	Role     string `json:"role,omitempty"`
	Initials string `json:"initials,omitempty"`
	Line     int    `json:"line"`
}

// Item is one agenda item or sub-item ("5", "5.1") with its minute.
type Item struct {
	Number    string     `json:"number"`
	Title     string     `json:"title"`
	Text      string     `json:"text"` // paragraphs separated by blank lines, bullets as "- "
	Decisions []Decision `json:"decisions"`
	Actions   []Action   `json:"actions"`
	Risks     []Risk     `json:"risks"`
	// Classification is the item's own, when the minutes give it one
	// ("(Classification: RED)", a "PART B – CONFIDENTIAL" heading above it).
	Classification string `json:"classification,omitempty"`
	// Paragraphs are the numbers of the item's numbered paragraphs, as
	// written ("5.1", "5.2"; "7", "8" where they run on across items).
	Paragraphs []string `json:"paragraphs,omitempty"`
	Line       int      `json:"line"`
}

// Decision is a decision recorded in the committee's voice.
type Decision struct {
	Kind string `json:"kind"` // a word of the committee's vocabulary: NOTED, AGREED, APPROVED, ...
	Text string `json:"text"` // the whole sentence or list entry, without markup
	// Word is set, and Kind empty, for a sentence that reads as a decision
	// in a word outside the vocabulary ("The Panel SUPPORTED …" where the
	// committee decides in NOTED, AGREED, APPROVED): it is kept in the
	// item's text, and listed for a person to make it a decision in a
	// word of the vocabulary.
	Word string `json:"word,omitempty"`
	// Paragraph is the number of the paragraph it is in, when numbered;
	// Letter its letter in a lettered list ("a" of "a) NOTED …").
	Paragraph string `json:"paragraph,omitempty"`
	Letter    string `json:"letter,omitempty"`
	Line      int    `json:"line"`
}

// Action is an action raised within an item ("ACTION 105/01: The DCC to …").
type Action struct {
	Ref   string `json:"ref"` // "105/01": meeting number and sequence; "0401" or "" where the minutes number otherwise or not at all
	Text  string `json:"text"`
	Owner string `json:"owner"` // "DCC" from "The DCC to …"; empty when not stated
	// OwnerPerson is who the owner is among the attendees, when the owner
	// is written as initials, a role or a name ("JK", "Finance Director",
	// "DCC (Jane Smith)"); several are separated by "; ".
	OwnerPerson string `json:"owner_person,omitempty"`
	Target      string `json:"target,omitempty"` // YYYY-MM-DD: "by 30/09/2026", "Due: 12 June 2026"
	Paragraph   string `json:"paragraph,omitempty"`
	Line        int    `json:"line"`

	inline bool // named in passing ("(Action RCP 87/01)"): an actions table's row words it better
}

// Risk is a risk from the committee's register, as reviewed at the meeting.
type Risk struct {
	Ref      string `json:"ref"` // "OPSG-006"
	Text     string `json:"text"`
	Severity int    `json:"severity"` // 1–25; 0 when the minutes give none
	Band     string `json:"band"`     // "Critical", "High", ...
	// Likelihood and Impact are the scores, 1–5, when the minutes give them.
	Likelihood int `json:"likelihood,omitempty"`
	Impact     int `json:"impact,omitempty"`
	// PreviousSeverity is the severity the minutes say it had before
	// ("reduced from 12"; "unchanged" gives the severity itself).
	PreviousSeverity int `json:"previous_severity,omitempty"`
	Line             int `json:"line"`
}

// OutstandingAction is a row of the actions outstanding table.
type OutstandingAction struct {
	Ref           string `json:"ref"` // "OPSG 102/01"
	Text          string `json:"text"`
	Raised        string `json:"raised"`         // YYYY-MM-DD
	Target        string `json:"target"`         // YYYY-MM-DD, the last target date
	RevisedTarget string `json:"revised_target"` // YYYY-MM-DD or ""
	Owner         string `json:"owner"`
	OwnerPerson   string `json:"owner_person,omitempty"` // as Action.OwnerPerson
	Status        string `json:"status"`                 // "Open", "Closed", as written
	Line          int    `json:"line"`
}

// NextMeeting is a date announced for a coming meeting.
type NextMeeting struct {
	Kind   string `json:"kind"`             // "main", "reporting" or "extraordinary"
	Date   string `json:"date"`             // YYYY-MM-DD
	Start  string `json:"start,omitempty"`  // HH:MM, when given
	Venue  string `json:"venue,omitempty"`  // when given
	Number int    `json:"number,omitempty"` // when given: "Meeting 62 – …"
}

// Unrecognised is a line the parser could not place, as written.
type Unrecognised struct {
	Line int    `json:"line"`
	Text string `json:"text"`
	// As is what a person checking the document made of the line: "noise"
	// to leave it out, or "item N" (an item's number as read) for a line
	// that belongs to that item's minute.
	As string `json:"as,omitempty"`
}

// Warning is something the parser decided that a person should check. Line
// is 0 when the warning is about the document as a whole.
type Warning struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}
