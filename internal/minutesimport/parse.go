package minutesimport

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// ParseText reads minutes written as plain text, with what the caller
// knows of them (the committee's decision words above all). Lines are
// numbered from 1 in the text as given.
func ParseText(text string, opt Options) *Document {
	p := newParser(text, opt)
	p.run()
	return p.finish()
}

// What a line was taken to be; see Document.roles.
const (
	roleMeeting      = "meeting"
	roleHeading      = "heading" // "Attendees:", column headings, a category with nobody under it
	roleAttendee     = "attendee"
	roleApology      = "apology"
	roleItem         = "item"
	roleText         = "text"
	roleDecision     = "decision"
	roleIntro        = "decision-intro" // "The OPSG:" before a list of decisions
	roleAction       = "action"
	roleRisk         = "risk"
	roleOutstanding  = "outstanding"
	roleActionRow    = "action-row" // a row of an actions table that details an action raised in an item
	roleNext         = "next-meeting"
	roleFurniture    = "furniture" // page headers and footers, reported as warnings
	roleUnrecognised = "unrecognised"
)

type section int

const (
	inHeader section = iota
	inAttendees
	inApologies
	inItems
)

type parser struct {
	doc *Document
	opt Options
	// vocab are the words decisions are read in; boldWords, when no
	// committee's words were given, the capitals the document writes in
	// bold, taken as its own.
	vocab     map[string]bool
	boldWords map[string]bool
	lines     []line // index 0 unused, so that indexes are line numbers
	roles     []string
	sec       section

	lastBlank  int             // the most recent blank line
	headerText map[string]bool // heading lines, to recognise them repeated as page headers
	dateSeen   bool
	titleSeen  bool
	// framework is the code a committee works under, named above it
	// ("Electricity Settlement Code"); alias is a name the heading defines
	// (`("FCSL" or "the Company")`): the word and what it stands for.
	framework    string
	codeFromBody bool
	alias        [2]string
	classOpen    int  // a classification statement that runs on to the next line
	proseOpen    bool // a prose list of names runs on to the next line
	side         *sideTable
	// Numbered paragraphs: the current one's number, the last "N.M" and
	// the last running "N."; whether items are numbered "3 Title"; the
	// classification of the part being read, and where it began.
	paraNum      string
	paraSeq      int
	paraRun      int
	dotless      bool
	partClass    string
	partLine     int
	lastItemLine int
	lastLetter   string // the letter of the list entry before, "" when none
	appendix     bool   // an appendix has begun: what follows is not an item's minute
	loose        *looseTable
	diary        *diaryTable
	fullText     string          // the document's plain text, built when first needed
	words        map[string]int  // its words, lower case, and how often each is written
	phrases      map[string]bool // phrases looked for in it, and whether found

	cols          columns
	group         string // the category or organisation rows are listed under
	blankSinceRow bool
	continuing    bool           // names after a blank line are being taken to continue the group above
	people        map[string]int // name → line, to catch a person listed twice

	cur              int // index of the current item in doc.Items; -1 before the first
	lastTop, lastSub int
	texts            []*strings.Builder // the text of each item, built without copying
	lastTextEnd      int                // last line of the previous text paragraph
	lastTextKind     blockKind
	blk              *block
	intro            int // line of a pending "The OPSG:", 0 when none
	introUsed        bool
	introEmitted     bool
	introAfterBlank  int
	lastOut          int // index in doc.OutstandingActions of the row being read; -1 when none
	table            *outTable
	actionRefs       map[string]int
}

// SourceLines splits text into lines as the parser numbers them: line n
// of a Document is SourceLines(text)[n-1].
func SourceLines(text string) []string {
	text = strings.ToValidUTF8(text, "\ufffd")
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	// A final newline ends the last line rather than starting an empty one.
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	return raw
}

func newParser(text string, opt Options) *parser {
	raw := SourceLines(text)
	p := &parser{
		doc:        &Document{},
		opt:        opt,
		lines:      make([]line, len(raw)+1),
		roles:      make([]string, len(raw)+1),
		headerText: map[string]bool{},
		people:     map[string]int{},
		actionRefs: map[string]int{},
		cur:        -1,
		lastOut:    -1,
		cols:       defaultColumns,
	}
	for i, r := range raw {
		p.lines[i+1] = newLine(r)
	}
	p.vocab, p.boldWords = vocabulary(text, opt.DecisionWords)
	return p
}

func (p *parser) run() {
	for i := 1; i < len(p.lines); i++ {
		if p.lines[i].blank {
			p.lastBlank = i
			p.blankSinceRow = true
			p.flush()
			continue
		}
		if p.furniture(i) || p.partHeading(i) || p.heading(i) || p.nextMeetings(i) {
			continue
		}
		switch p.sec {
		case inHeader:
			p.headerLine(i)
		case inAttendees, inApologies:
			p.attendanceLine(i)
		case inItems:
			p.itemLine(i)
		}
	}
	p.flush()
	p.endList()
	p.endSide()
}

func (p *parser) mark(i int, role string) { p.roles[i] = role }

func (p *parser) warn(i int, format string, args ...any) {
	p.doc.Warnings = append(p.doc.Warnings, Warning{Line: i, Text: fmt.Sprintf(format, args...)})
}

func (p *parser) unrecognised(i int) {
	p.roles[i] = roleUnrecognised
	p.doc.Unrecognised = append(p.doc.Unrecognised, Unrecognised{Line: i, Text: strings.TrimSpace(p.lines[i].raw)})
}

var (
	pageRE = regexp.MustCompile(`(?i)^(?:page\s+)?\d{1,4}\s+(?:of|/)\s+\d{1,4}$|^(?i:page)\s+\d{1,4}$`)
	// A classification printed at the foot of every page: "Classification: AMBER".
	classFooterRE = regexp.MustCompile(`(?i)^(?:(?:information\s+|security\s+)?classification|tlp)\s*[:\-–]?\s*(red|amber|green|clear|white)$`)
	// A signature block: "Signed ........ (Chair)   Date ........".
	signatureRE = regexp.MustCompile(`(?i)^(?:signed|signature|chair(?:'s)?\s+signature)\b.*(?:\.{5,}|_{5,})|^(?:\.{5,}|_{5,})`)
)

// furniture recognises what a page carries that is not minutes: page
// headers and footers left in text copied from a PDF ("Page 2 of 8", a
// heading line such as the reference seen again, the classification at the
// foot of every page) and a signature block. They are reported with the
// reason, not put into a minute, and they do not end the paragraph they
// interrupt.
func (p *parser) furniture(i int) bool {
	pt := strings.TrimSpace(p.lines[i].plain)
	var why string
	m := &p.doc.Meeting
	switch {
	case len(pt) <= 20 && pageRE.MatchString(pt):
		why = "a page header or footer"
	case p.headerText[pt]:
		why = "a page header or footer"
	case p.sec != inHeader && classFooterRE.MatchString(pt):
		c := strings.ToUpper(classFooterRE.FindStringSubmatch(pt)[1])
		switch {
		case m.Classification == "":
			m.Classification = c
			p.warn(i, "classified %s by the footer of a page", c)
		case m.Classification != c:
			p.warn(i, "a page footer says %s, the heading %s; kept %s", c, m.Classification, m.Classification)
		}
		why = "a page footer"
	case p.sec != inHeader && m.Reference != "" && strings.HasPrefix(pt, m.Reference) && utf8.RuneCountInString(pt) <= 80 && !strings.HasSuffix(pt, "."):
		why = "a running header"
	case signatureRE.MatchString(pt):
		why = "a signature block"
	default:
		return false
	}
	p.mark(i, roleFurniture)
	p.warn(i, "skipped %q as %s", pt, why)
	return true
}

func (p *parser) finish() *Document {
	d := p.doc
	p.resolveOwners()
	for k := range d.Items {
		it := &d.Items[k]
		it.Text = p.texts[k].String()
		it.Decisions = nonNil(it.Decisions)
		it.Actions = nonNil(it.Actions)
		it.Risks = nonNil(it.Risks)
	}
	m := &d.Meeting
	if m.Kind == "" {
		m.Kind = "main" // the tradition names only the other kinds
	}
	for _, f := range []struct {
		missing bool
		what    string
	}{
		{m.Committee == "" && p.opt.Committee == "", "no committee code found (it is read from the reference, e.g. OPSG_105_2310, or a heading such as \"Operations Group (OPSG) Meeting 105\")"},
		{m.Committee == "" && p.opt.Committee != "", fmt.Sprintf("the document names no committee code; it is read as the minutes of %s, as the import says", strings.ToUpper(p.opt.Committee))},
		{m.Number == 0 && p.opt.Number == 0, "no meeting number found"},
		{m.Number == 0 && p.opt.Number > 0, fmt.Sprintf("the document gives no meeting number; it is read as meeting %d, as the import says", p.opt.Number)},
		{m.Date == "", "no meeting date found"},
		{m.Reference == "", "no document reference found"},
		{m.Status == "", "the minutes do not say whether they are draft or final"},
		{m.Classification == "", "no classification statement found; the minutes must be classified before they are published"},
	} {
		if f.missing {
			p.warn(0, "%s", f.what)
		}
	}
	// The reference ends in the meeting's year and month: OPSG_105_2310.
	if r, dt := m.Reference, m.Date; len(r) > 4 && len(dt) == 10 && r[len(r)-4:] != dt[2:4]+dt[5:7] {
		p.warn(0, "the reference %s does not match the meeting date %s", r, dt)
	}
	for k, a := range d.OutstandingActions {
		if a.Status == "" {
			p.warn(a.Line, "outstanding action %s has no status", a.Ref)
		}
		d.OutstandingActions[k].Text = cleanText(a.Text)
	}
	for k := range d.Attendees {
		d.Attendees[k].PartItems = nonNil(d.Attendees[k].PartItems)
	}
	d.Attendees = nonNil(d.Attendees)
	d.Apologies = nonNil(d.Apologies)
	d.Items = nonNil(d.Items)
	d.OutstandingActions = nonNil(d.OutstandingActions)
	d.Risks = nonNil(d.Risks)
	d.NextMeetings = nonNil(d.NextMeetings)
	d.Unrecognised = nonNil(d.Unrecognised)
	d.Warnings = nonNil(d.Warnings)
	// Warnings are raised as the parser learns things, not always in line
	// order; people read them against the document, so they are sorted.
	slices.SortStableFunc(d.Warnings, func(a, b Warning) int { return a.Line - b.Line })
	slices.SortStableFunc(d.Unrecognised, func(a, b Unrecognised) int { return a.Line - b.Line })
	d.DecisionWords, d.WordsAssumed = p.decisionWords(p.opt.DecisionWords), p.boldWords != nil
	d.roles = p.roles
	return d
}

// nonNil makes an empty list encode as [] rather than null, which is easier
// for the consumers of the JSON.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
