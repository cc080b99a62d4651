package web

import (
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ImportPreviewPage shows what was read from an uploaded document beside
// the document itself: everything read, to correct, the choice of keeping
// or renumbering the actions' references, what saving will do with a
// checkbox to leave out each side effect, and the lines not understood.
// Its inputs are named as internal/importer names them (see import_preview.templ).
type ImportPreviewPage struct {
	Chrome
	Committee    *mb.Committee
	Action       string // where the form posts, to check again or save
	CancelAction string
	Filename     string
	Expires      time.Time
	// Values are the inputs as typed, or as read; Errors the messages by
	// input.
	Values map[string]string
	Errors form.Errors
	// CommitteeRead is the code the document names, when it names one.
	CommitteeRead string
	// RefsDiffer says the actions are numbered for another meeting, and
	// Renumber whether the person chose to renumber them.
	RefsDiffer, Renumber bool
	People               []ImportPerson
	Categories           []string // the committee's, for the category inputs
	Organisations        []string // suggestions for the organisation inputs
	DecisionWords        []string // the committee's: a decision is in one of them
	Items                []ImportItem
	Outstanding          []ImportRow
	NextMeetings         []ImportRow
	Unrecognised         []ImportLine
	ItemChoices          []Option // "item 5.1": where a line not understood may go
	Warnings             []ImportLine
	// Outcome says what saving will do, from a trial run; Notes are what
	// that run asks a person to check; Effects what it creates and
	// records beyond the meeting, each of which may be left out.
	Outcome []string
	Notes   []ImportLine
	Effects []ImportEffect
	// Problem is why saving would fail as things stand.
	Problem string
	Source  []SourceLine
}

// ImportPerson is one person of the roll call; Index names their inputs.
type ImportPerson struct {
	Index int
	Line  int
	Role  string // as read, to help place them
}

// ImportItem is one item as read; Index names its inputs, and those of its
// decisions, actions and risks by their indexes.
type ImportItem struct {
	Index     int
	Line      int
	Decisions []ImportRow
	Actions   []ImportRow
	Risks     []ImportRow
}

// ImportRow is one thing read (a decision, an action, a risk, a row of the
// actions outstanding, a next meeting): its index and line.
type ImportRow struct {
	Index int
	Line  int
	// Held is, for a sentence kept as text because its word is outside
	// the committee's decision words, that word ("SUPPORTED").
	Held string
}

// ImportEffect is a side effect of saving, with its checkbox to leave it out.
type ImportEffect struct {
	Kind    string // "New person", "Risk review", …
	Label   string
	Value   string // the checkbox's value, "kind|key"
	Skipped bool
}

// ImportLine is something said about a line of the document (0: the whole).
type ImportLine struct {
	Line int
	Text string
}

// SourceLine is a line of the uploaded document.
type SourceLine struct {
	N            int
	Text         string
	Unrecognised bool
	Warning      bool
}

func lineID(n int) string { return "line-" + itoa(n) }

func lineHref(n int) string { return "#" + lineID(n) }

// importStatusOptions are the ways a person may be recorded.
func importStatusOptions() []Option {
	return []Option{{"present", "Present"}, {"part", "Part"}, {"apologies", "Apologies"}, {"absent", "Absent"}}
}

// importClassOptions are an item's own classifications; "" is the document's.
func importClassOptions() []Option {
	return []Option{{"GREEN", "GREEN"}, {"AMBER", "AMBER"}, {"RED", "RED"}}
}

// decisionWordOptions offers the decision words, and "not a decision".
func decisionWordOptions(words []string) []Option {
	out := []Option{{"", "Not a decision"}}
	for _, w := range words {
		out = append(out, Option{w, w})
	}
	return out
}

func importKindOptions() []Option {
	return []Option{{"main", "Main"}, {"reporting", "Reporting"}, {"extraordinary", "Extraordinary"}}
}
