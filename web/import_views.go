package web

import (
	"time"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ImportUploadPage asks for a minutes document to import.
type ImportUploadPage struct {
	Chrome
	Committee *mb.Committee
	// Error is the problem with the file sent, shown beside the file input.
	Error string
	// Pending are the reader's uploads for the committee not yet saved.
	Pending []ImportPendingLink
	MaxMB   int
}

// ImportPendingLink is an upload awaiting its check.
type ImportPendingLink struct {
	Filename string
	Href     string
	Uploaded time.Time
}

// ImportPreviewPage shows what was read from an uploaded document beside
// the document itself, with what a person may correct before saving.
type ImportPreviewPage struct {
	Chrome
	Committee    *mb.Committee
	Action       string // where the save form posts
	CancelAction string
	Filename     string
	Expires      time.Time
	Form         *form.ImportCheck
	// CommitteeRead is the code the document names, when it names one.
	CommitteeRead string
	People        []ImportPerson
	Groups        []string // headings to suggest: the categories, then organisations
	Items         []ImportItem
	Outstanding   []ImportOutstanding
	NextMeetings  []string
	Unrecognised  []ImportLine
	Warnings      []ImportLine
	// Outcome says what saving will do, from a trial run; Notes are what
	// that run asks a person to check.
	Outcome []string
	Notes   []ImportLine
	// Problem is why saving would fail as things stand.
	Problem string
	Source  []SourceLine
}

// ImportPerson is one person of the roll call as read. Index names its
// heading's input, "group-Index".
type ImportPerson struct {
	Index      int
	Line       int
	Name       string
	Attendance string // "Present", "Part (Agenda Item 5)", "Apologies", with "for Sam Draper" when an alternate
}

// ImportItem is one item as read. Index names its title's input, "title-Index".
type ImportItem struct {
	Index     int
	Number    string
	Line      int
	Decisions []string
	Actions   []string
	Risks     []string
}

// ImportOutstanding is a row of the actions outstanding table as read.
type ImportOutstanding struct {
	Line                                              int
	Ref, Text, Raised, Target, Revised, Owner, Status string
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
