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
	Line         int      `json:"line"`
}

// Apology is a person who sent apologies, with the organisation or category
// the minutes list them under.
type Apology struct {
	Name         string `json:"name"`
	Representing string `json:"representing"`
	Line         int    `json:"line"`
}

// Item is one agenda item or sub-item ("5", "5.1") with its minute.
type Item struct {
	Number    string     `json:"number"`
	Title     string     `json:"title"`
	Text      string     `json:"text"` // paragraphs separated by blank lines, bullets as "- "
	Decisions []Decision `json:"decisions"`
	Actions   []Action   `json:"actions"`
	Risks     []Risk     `json:"risks"`
	Line      int        `json:"line"`
}

// Decision is a decision recorded in the committee's voice.
type Decision struct {
	Kind string `json:"kind"` // the bold capital word: NOTED, AGREED, APPROVED, ...
	Text string `json:"text"` // the whole sentence or list entry, without markup
	Line int    `json:"line"`
}

// Action is an action raised within an item ("ACTION 105/01: The DCC to …").
type Action struct {
	Ref   string `json:"ref"` // "105/01": meeting number and sequence
	Text  string `json:"text"`
	Owner string `json:"owner"` // "DCC" from "The DCC to …"; empty when not stated
	Line  int    `json:"line"`
}

// Risk is a risk from the committee's register, as reviewed at the meeting.
type Risk struct {
	Ref      string `json:"ref"` // "OPSG-006"
	Text     string `json:"text"`
	Severity int    `json:"severity"` // 1–25; 0 when the minutes give none
	Band     string `json:"band"`     // "Critical", "High", ...
	Line     int    `json:"line"`
}

// OutstandingAction is a row of the actions outstanding table.
type OutstandingAction struct {
	Ref           string `json:"ref"` // "OPSG 102/01"
	Text          string `json:"text"`
	Raised        string `json:"raised"`         // YYYY-MM-DD
	Target        string `json:"target"`         // YYYY-MM-DD, the last target date
	RevisedTarget string `json:"revised_target"` // YYYY-MM-DD or ""
	Owner         string `json:"owner"`
	Status        string `json:"status"` // "Open", "Closed", as written
	Line          int    `json:"line"`
}

// NextMeeting is a date announced for a coming meeting.
type NextMeeting struct {
	Kind string `json:"kind"` // "main", "reporting" or "extraordinary"
	Date string `json:"date"` // YYYY-MM-DD
}

// Unrecognised is a line the parser could not place, as written.
type Unrecognised struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Warning is something the parser decided that a person should check. Line
// is 0 when the warning is about the document as a whole.
type Warning struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}
