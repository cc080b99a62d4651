package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// MinutesImport is a minutes document read from a file (issue 7), in the
// domain's terms, ready for the store to save as a draft meeting: its header,
// roll call, items with their decisions, actions and reviewed risks, the
// actions outstanding table and the next meetings' dates. Names are as the
// document writes them; the store matches them to people, organisations,
// actions and risks, and creates what it must.
type MinutesImport struct {
	Source         string // the file name, for the audit log and the report
	CommitteeCode  string
	Number         int
	Kind           MeetingKind
	Date           time.Time
	Start, End     *TimeOfDay
	Venue          string
	Classification Classification
	// Reference is the document's own reference ("OPSG_105_2310"); the
	// meeting's is derived from the code, number and date, and a
	// difference is reported.
	Reference string
	// Final says the document calls itself the final minutes. An import
	// still creates a draft: approval is a decision of a later meeting,
	// recorded in minutebook.
	Final        bool
	Attendees    []ImportedAttendee // present, part and apologies, in the document's order
	Items        []ImportedItem     // top-level items, each with its sub-items
	Outstanding  []ImportedOutstanding
	NextMeetings []ImportedNextMeeting
	// RefsDiffer says the document numbers its actions for another meeting
	// than Number (a meeting saved under another number): they are kept as
	// written unless Renumbered, when they are numbered for this meeting in
	// order, each keeping its written reference in Written.
	RefsDiffer, Renumbered bool
	// Skip lists the side effects a person chose not to have (see
	// ImportSkip), by the keys the trial import's report gives them.
	Skip ImportSkip
	// Notes are what reading the document decided that a person should
	// check; the store's report starts with them.
	Notes []ImportNote
}

// ImportSkip lists what an import must not create or record, by key:
// people and organisations by name, meetings by date (YYYY-MM-DD), risk
// reviews and escalations by the risk's reference. What the import would
// then need is left out with a note: an attendee whose person is not to be
// created is not recorded, an action whose owner is not to be created goes
// to the secretariat.
type ImportSkip struct {
	People, Organisations, Meetings, Reviews, Escalations map[string]bool
}

// Skips reports whether key of kind is to be left out.
func (s ImportSkip) Skips(kind ImportEffect, key string) bool {
	m := map[ImportEffect]map[string]bool{EffectPerson: s.People, EffectOrganisation: s.Organisations,
		EffectMeeting: s.Meetings, EffectReview: s.Reviews, EffectEscalation: s.Escalations}[kind]
	return m[strings.ToLower(strings.Join(strings.Fields(key), " "))]
}

// Add marks key of kind to be left out.
func (s *ImportSkip) Add(kind ImportEffect, key string) {
	ptr := map[ImportEffect]*map[string]bool{EffectPerson: &s.People, EffectOrganisation: &s.Organisations,
		EffectMeeting: &s.Meetings, EffectReview: &s.Reviews, EffectEscalation: &s.Escalations}[kind]
	if ptr == nil {
		return
	}
	if *ptr == nil {
		*ptr = map[string]bool{}
	}
	(*ptr)[strings.ToLower(strings.Join(strings.Fields(key), " "))] = true
}

// ImportEffect is a kind of thing an import creates or records beyond the
// meeting itself, which a person may leave out.
type ImportEffect string

// The side effects of an import.
const (
	EffectPerson       ImportEffect = "person"
	EffectOrganisation ImportEffect = "organisation"
	EffectMeeting      ImportEffect = "meeting"
	EffectReview       ImportEffect = "review"
	EffectEscalation   ImportEffect = "escalation"
)

// ImportEffects lists them in the order the preview shows them.
var ImportEffects = []ImportEffect{EffectPerson, EffectOrganisation, EffectMeeting, EffectReview, EffectEscalation}

// SideEffect is one thing the import will create or record: its kind, the
// key that leaves it out (see ImportSkip) and what the preview says of it.
type SideEffect struct {
	Kind  ImportEffect
	Key   string
	Label string
}

// ImportedAttendee is a person the document records at the meeting. A member
// sits in Category; anyone else represents the organisation Representing. A
// Representing that names one of the committee's categories makes a member.
type ImportedAttendee struct {
	Name         string
	Category     string
	Representing string
	Status       AttendanceStatus // Present, Part or Apologies
	PartItems    string           // "5" or "2, 3" when Status is Part
	AlternateFor string
	// Role is the capacity the minutes give ("Chair", "Panel Member (Large
	// Supplier)"); one that names a category of the committee makes a
	// member in it, and Representing is then the person's organisation.
	Role     string
	Initials string // "JK": kept with the person, to read later minutes by
	Line     int
	// Field names the input that corrects the attendee's category or
	// organisation, for a problem saving them (a category the committee
	// lacks).
	Field string
}

// Group is the heading the attendee is listed under.
func (a *ImportedAttendee) Group() string {
	if a.Category != "" {
		return a.Category
	}
	return a.Representing
}

// ImportedItem is an agenda item as the document numbers it.
type ImportedItem struct {
	Number  string // "5", "5.1", as numbered in minutebook (positions in order)
	Written string // the number the document gave, when it differs
	Title   string
	// Classification is the item's own, when above the document's.
	Classification Classification
	Minute         string
	Decisions      []Decision // Kind and Text: "NOTED", "the update"; Vote, counts only, when the document records one
	Actions        []ImportedAction
	// Declarations are the interests declared in this item, wherever the
	// document records them ("declared an interest in item 9" under item 2).
	Declarations []ImportedDeclaration
	Risks        []ImportedRisk
	Children     []ImportedItem
	// Placement is where the document puts the item's own decisions and
	// actions among its sub-items; "" is before them, the default.
	Placement Placement
	Line      int
	Field     string // names the input that corrects the item's title, for a problem saving it
	// DecisionFields name the input that corrects each decision's word.
	DecisionFields []string
}

// ImportedDeclaration is an interest the document records as declared in
// an item: who (by name, matched to the roll call), its nature, and
// whether they took part, did not vote or left the room.
type ImportedDeclaration struct {
	Name   string
	Nature string
	Effect DeclarationEffect
	Line   int
}

// ImportedAction is an action raised in an item: "ACTION 105/01: The DCC to …".
type ImportedAction struct {
	MeetingNumber int
	Sequence      int
	// Written is the reference as the document wrote it, when the action
	// is numbered otherwise ("0401", none at all, or renumbered).
	Written string
	Text    string
	Owner   string // "DCC", or a person's name; "" when the document names none
	// OwnerPerson is who the owner is among the attendees ("JK" is "Jana
	// Kovář"), and OwnerOrganisation the organisation the owner names
	// beside them ("Northfell Gas Networks (DM)"); either may be "".
	OwnerPerson       string
	OwnerOrganisation string
	Target            *time.Time
	Line              int
	Field             string // names the input that corrects the action, for a problem saving it
}

// Reference formats the action's reference with the committee's code.
func (a ImportedAction) Reference(code string) string {
	return ActionReference(code, a.MeetingNumber, a.Sequence)
}

// ImportedRisk is a risk reviewed in an item: "OPSG-006: There is a risk …
// (Severity 20 – Critical)", with the minute's comment after it.
type ImportedRisk struct {
	Reference string
	Statement string
	Severity  int // 0 when the document gives none
	// Likelihood and Impact are the scores, when the document gives them
	// (else they are chosen to give the severity: see ScoresForSeverity).
	Likelihood, Impact int
	Band               string
	Comment            string
	// Entry is the risk's paragraph as the minute wrote it. The review
	// replaces it in the minute; when no review can be recorded, the store
	// puts it back, so that nothing is lost.
	Entry string
	Line  int
}

// ImportedOutstanding is a row of the document's actions outstanding table.
type ImportedOutstanding struct {
	Code          string // the committee code of the reference
	MeetingNumber int
	Sequence      int
	Text          string
	Raised        *time.Time
	Target        *time.Time // the last target date
	RevisedTarget *time.Time
	Owner         string
	OwnerPerson   string // as ImportedAction.OwnerPerson
	Closed        bool
	Status        string // as written: "Closed", "Open", "Ongoing"
	Line          int
}

// Reference is the row's action reference: "OPSG 102/01".
func (o ImportedOutstanding) Reference() string {
	return ActionReference(o.Code, o.MeetingNumber, o.Sequence)
}

// ImportedNextMeeting is a date the minutes end with: "Next Main Meeting:
// 14 November 2023".
type ImportedNextMeeting struct {
	Kind   MeetingKind
	Date   time.Time
	Start  *TimeOfDay
	Venue  string
	Number int // 0: numbered after the committee's last
}

// ImportNote is something the import decided or could not do that a person
// should check, with the document's line (0: the document as a whole).
type ImportNote struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

// ImportReport says what an import did: the meeting it created or updated,
// what it matched, what it created, and what a person should check.
type ImportReport struct {
	Meeting *Meeting
	// Created is true for a new meeting, false for a draft updated.
	Created bool
	// Counts of what the minutes hold.
	Attendees, Apologies, Items, Decisions int
	// Votes and Declarations count the votes and declarations of interest recorded.
	Votes, Declarations int
	// ActionsRaised are the references of the actions the minutes raise.
	ActionsRaised []string
	// Register lists the changes to earlier actions: closed, revised,
	// entered from earlier history.
	Register []string
	// RisksReviewed lists the reviews recorded: "OPSG-006 (Severity 20 – Critical)".
	RisksReviewed []string
	Escalated     []string
	// What the import created because minutebook did not have it.
	NewPeople        []string
	NewOrganisations []string
	NewRisks         []string
	NewMeetings      []string
	// Effects are the side effects above, each with the key that leaves it
	// out (ImportSkip); Skipped are those left out.
	Effects, Skipped []SideEffect
	Notes            []ImportNote
}

// Effect records a side effect the import makes.
func (r *ImportReport) Effect(kind ImportEffect, key, label string) {
	r.Effects = append(r.Effects, SideEffect{Kind: kind, Key: key, Label: label})
}

// Skip records a side effect left out, as asked, once.
func (r *ImportReport) Skip(kind ImportEffect, key, label string) {
	for _, s := range r.Skipped {
		if s.Kind == kind && s.Key == key {
			return
		}
	}
	r.Skipped = append(r.Skipped, SideEffect{Kind: kind, Key: key, Label: label})
}

// Note records something for a person to check.
func (r *ImportReport) Note(line int, format string, args ...any) {
	r.Notes = append(r.Notes, ImportNote{Line: line, Text: fmt.Sprintf(format, args...)})
}

// Summary is the report's first line: "Created the draft minutes of OPSG 105
// (Main Meeting, 23 October 2023)".
func (r *ImportReport) Summary() string {
	verb := "Updated the draft"
	if r.Created {
		verb = "Created the draft"
	}
	m := r.Meeting
	return fmt.Sprintf("%s minutes of %s (%s, %s)", verb, m.ShortName(), m.Kind.Label(), m.DateLabel())
}

// Lines says what the import did, a line each, for the command line and the
// flash message's page.
func (r *ImportReport) Lines() []string {
	out := []string{r.Summary() + "."}
	out = append(out, fmt.Sprintf("%s, %s, %s, %s.", Plural(r.Attendees, "attendee"), Plural(r.Apologies, "apology"),
		Plural(r.Items, "item"), Plural(r.Decisions, "decision")))
	list := func(label string, xs []string) {
		if len(xs) > 0 {
			out = append(out, label+": "+strings.Join(xs, "; ")+".")
		}
	}
	list("Actions raised", r.ActionsRaised)
	list("Actions outstanding", r.Register)
	list("Risks reviewed", r.RisksReviewed)
	list("Escalated", r.Escalated)
	list("New people", r.NewPeople)
	list("New organisations", r.NewOrganisations)
	list("New risks", r.NewRisks)
	list("New meetings", r.NewMeetings)
	return out
}

// ScoresForSeverity chooses a likelihood and impact whose product is the
// severity a document gives, since minutes print the severity alone: the
// risk's current likelihood when it divides the severity (so that a review
// moves the impact, as committees usually re-score), else its current
// impact, else the most even pair with the impact the larger (20 → 4 × 5,
// 15 → 3 × 5, 16 → 4 × 4). It reports false for a severity that no two
// scores of 1–5 make (7, 11, 13, 14, 17 …).
func ScoresForSeverity(severity, likelihood, impact int) (int, int, bool) {
	fits := func(a int) bool { return ValidScore(a) && severity%a == 0 && ValidScore(severity/a) }
	switch {
	case severity < 1 || severity > MaxScore*MaxScore:
		return 0, 0, false
	case fits(likelihood):
		return likelihood, severity / likelihood, true
	case fits(impact):
		return severity / impact, impact, true
	}
	for l := MaxScore; l >= MinScore; l-- {
		if fits(l) && l <= severity/l {
			return l, severity / l, true
		}
	}
	return 0, 0, false
}

// Plural counts things in words: "1 apology", "6 apologies", "2 items".
func Plural(n int, one string) string {
	switch {
	case n == 1:
		return "1 " + one
	case strings.HasSuffix(one, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(one, "y"))
	}
	return fmt.Sprintf("%d %ss", n, one)
}
