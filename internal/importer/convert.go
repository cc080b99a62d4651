// Package importer turns a minutes document that internal/minutesimport has
// read into what the store saves as a draft meeting (a mb.MinutesImport):
// dates and times parsed, items nested and numbered as minutebook numbers
// them, decisions reduced to their word and what follows it, reviewed risks
// taken out of the minute into reviews with their comments. It speaks no
// SQL: postgres.Store.ImportMinutes saves the result in one transaction.
package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

// Options say what the document does not, or overrule what it says.
type Options struct {
	// Committee is the code of the committee whose minutes these are; when
	// set it wins over the document's own code (a renamed committee, a
	// document that names none), with a note when they differ.
	Committee string
	// Number and Kind are the meeting's, for a document that does not say
	// ("Workgroup 0417 Minutes"); when set they win over the document's,
	// with a note when they differ.
	Number int
	Kind   string
	// Renumber numbers the actions raised for this meeting, in order, when
	// the document numbers them for another ("105/01" in minutes saved as
	// meeting 107); otherwise they keep their references as written.
	Renumber bool
	// Source names the file, for the audit log and the report.
	Source string
}

// Reading is what the options tell the parser before it reads a document,
// with the committee's decision words when they are known (nil otherwise).
func (o Options) Reading(decisionWords []string) minutesimport.Options {
	return minutesimport.Options{Committee: o.Committee, Number: o.Number, DecisionWords: decisionWords}
}

// Field names of the problems Convert reports, as the browser's preview
// names its inputs: header fields by name, the others as PersonField,
// ItemField and the like (fields.go).
const (
	FieldCommittee      = "committee"
	FieldNumber         = "number"
	FieldKind           = "kind"
	FieldDate           = "date"
	FieldStart          = "start"
	FieldEnd            = "end"
	FieldClassification = "classification"
)

// Convert turns the document into an import. Problems that stop it being
// saved (no meeting number, an untitled item) come back as one EINVALID
// error whose fields say where, so that a person can correct them; what
// Convert decided on its own goes into the import's Notes.
func Convert(doc *minutesimport.Document, opt Options) (*mb.MinutesImport, error) {
	c := &converter{doc: doc, fe: mb.FieldErrors{}, imp: &mb.MinutesImport{Source: opt.Source}, opt: opt}
	c.header(opt)
	c.assumedWords()
	c.attendance()
	c.items()
	c.formalRecord()
	c.numberActions()
	c.outstanding()
	for _, n := range doc.NextMeetings {
		if d, ok := c.date(n.Date); ok && mb.MeetingKind(n.Kind).Valid() {
			next := mb.ImportedNextMeeting{Kind: mb.MeetingKind(n.Kind), Date: d, Venue: n.Venue, Number: n.Number}
			if t, err := mb.ParseTimeOfDay(n.Start); err == nil && n.Start != "" {
				next.Start = &t
			}
			c.imp.NextMeetings = append(c.imp.NextMeetings, next)
		}
	}
	if len(c.fe) > 0 {
		e := c.fe.Err().(*mb.Error)
		e.Message = "The minutes cannot be saved as they were read: " + firstMessages(c.fe) + "."
		return c.imp, e
	}
	return c.imp, nil
}

type converter struct {
	doc *minutesimport.Document
	imp *mb.MinutesImport
	fe  mb.FieldErrors
	opt Options
}

func (c *converter) note(line int, format string, args ...any) {
	c.imp.Notes = append(c.imp.Notes, mb.ImportNote{Line: line, Text: fmt.Sprintf(format, args...)})
}

func (c *converter) date(s string) (time.Time, bool) {
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	return d, err == nil
}

func (c *converter) header(opt Options) {
	m, imp := c.doc.Meeting, c.imp
	imp.CommitteeCode = strings.ToUpper(strings.TrimSpace(m.Committee))
	if code := strings.ToUpper(strings.TrimSpace(opt.Committee)); code != "" {
		if imp.CommitteeCode != "" && imp.CommitteeCode != code {
			c.note(0, "The document names the committee %s; imported as the minutes of %s, as asked.", imp.CommitteeCode, code)
		}
		imp.CommitteeCode = code
	}
	if imp.CommitteeCode == "" {
		c.fe.Add(FieldCommittee, "The document does not name its committee.")
	}
	imp.Number = m.Number
	if opt.Number > 0 {
		if m.Number > 0 && m.Number != opt.Number {
			c.note(0, "The document is the minutes of meeting %d; imported as meeting %d, as asked.", m.Number, opt.Number)
		}
		imp.Number = opt.Number
	}
	if imp.Number < 1 {
		c.fe.Add(FieldNumber, "Enter the meeting number: the document gives none.")
	}
	if k := strings.ToLower(strings.TrimSpace(opt.Kind)); k != "" {
		if !mb.MeetingKind(k).Valid() {
			c.fe.Add(FieldKind, "Choose the kind of meeting: main, reporting or extraordinary.")
		} else if m.Kind != "" && m.Kind != "main" && m.Kind != k {
			c.note(0, "The document is a %s meeting's minutes; imported as a %s meeting, as asked.", m.Kind, k)
		}
		m.Kind = k
	}
	imp.Kind = mb.MeetingKind(m.Kind)
	if m.Kind == "" {
		imp.Kind = mb.MainMeeting
	} else if !imp.Kind.Valid() {
		c.fe.Add(FieldKind, "Choose the kind of meeting.")
	}
	switch d, ok := c.date(m.Date); {
	case m.Date == "":
		c.fe.Add(FieldDate, "Enter the date of the meeting: the document gives none.")
	case !ok:
		c.fe.Add(FieldDate, "Enter a real date, such as 2023-10-23.")
	default:
		imp.Date = d
	}
	imp.Start = c.timeOfDay(m.Start, FieldStart)
	imp.End = c.timeOfDay(m.End, FieldEnd)
	switch {
	case imp.End != nil && imp.Start == nil:
		c.fe.Add(FieldStart, "Enter the start time as well as the end time.")
	case imp.Start != nil && imp.End != nil && imp.End.Minutes() <= imp.Start.Minutes():
		c.fe.Add(FieldEnd, "The meeting must end after it starts.")
	}
	imp.Venue = strings.Join(strings.Fields(m.Venue), " ")
	if len(imp.Venue) > 200 {
		c.fe.Add("venue", "The venue is too long: 200 characters at most.")
	}
	if m.Classification == "" {
		imp.Classification = mb.Amber
		c.note(0, "The document has no classification statement; it is imported as AMBER (the committee's members and secretariat): change it if it should be read more widely.")
	} else if cl, err := mb.ParseClassification(m.Classification); err != nil {
		c.fe.Add(FieldClassification, "Choose a classification.")
	} else {
		imp.Classification = cl
	}
	imp.Reference = strings.TrimSpace(m.Reference)
	imp.Final = m.Status == "final"
}

func (c *converter) timeOfDay(s, field string) *mb.TimeOfDay {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	t, err := mb.ParseTimeOfDay(s)
	if err != nil {
		c.fe.Add(field, "Enter a time such as 12:20.")
		return nil
	}
	return &t
}

func (c *converter) attendance() {
	for i, a := range c.doc.Attendees {
		in := mb.ImportedAttendee{Name: a.Name, Category: a.Category, Representing: a.Representing,
			Status: mb.Present, AlternateFor: a.AlternateFor, Role: a.Role, Initials: a.Initials, Line: a.Line, Field: PersonField(i, "category")}
		if len(a.PartItems) > 0 {
			in.Status, in.PartItems = mb.Part, strings.Join(a.PartItems, ", ")
		}
		if a.Absent {
			continue // corrected to absent in the preview: absent people are not recorded
		}
		c.imp.Attendees = append(c.imp.Attendees, in)
	}
	for i, a := range c.doc.Apologies {
		c.imp.Attendees = append(c.imp.Attendees, mb.ImportedAttendee{Name: a.Name, Category: a.Category, Representing: a.Representing, Status: mb.Apologies,
			Role: a.Role, Initials: a.Initials, Line: a.Line, Field: PersonField(len(c.doc.Attendees)+i, "category")})
	}
}

func (c *converter) outstanding() {
	for _, o := range c.doc.OutstandingActions {
		code, meeting, seq, err := mb.ParseActionReference(o.Ref, c.imp.CommitteeCode)
		if err != nil {
			// "0203": the meeting's two digits and the sequence, as
			// workgroups number their actions.
			if m, s, ok := fourDigitRef(o.Ref); ok {
				code, meeting, seq, err = c.imp.CommitteeCode, m, s, nil
				c.note(o.Line, "%s is read as action %s of meeting %d.", o.Ref, mb.ShortActionReference(m, s), m)
			}
		}
		if err != nil {
			c.note(o.Line, "%q is not an action reference such as OPSG 102/01: the row is not taken into the register.", o.Ref)
			continue
		}
		row := mb.ImportedOutstanding{Code: code, MeetingNumber: meeting, Sequence: seq, Text: o.Text, Owner: o.Owner,
			OwnerPerson: firstPerson(o.OwnerPerson), Status: o.Status, Closed: closedStatus(o.Status), Line: o.Line}
		for _, d := range []struct {
			s   string
			dst **time.Time
		}{{o.Raised, &row.Raised}, {o.Target, &row.Target}, {o.RevisedTarget, &row.RevisedTarget}} {
			if t, ok := c.date(d.s); ok {
				*d.dst = &t
			}
		}
		c.imp.Outstanding = append(c.imp.Outstanding, row)
	}
}

// closedStatus reads the words secretariats write for a finished action.
func closedStatus(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "closed", "complete", "completed", "done":
		return true
	}
	return false
}

// firstMessages joins up to three messages, for the error's summary: the
// header's first, then the others in the order of the preview's fields.
func firstMessages(fe mb.FieldErrors) string {
	var keys []string
	header := []string{FieldCommittee, FieldNumber, FieldKind, FieldDate, FieldStart, FieldEnd, FieldClassification, "venue"}
	for _, k := range header {
		if _, ok := fe[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range fe {
		if !slices.Contains(header, k) {
			rest = append(rest, k)
		}
	}
	slices.SortFunc(rest, compareFields)
	keys = append(keys, rest...)
	var msgs []string
	for i, k := range keys {
		if i == 3 {
			msgs = append(msgs, fmt.Sprintf("and %d more", len(keys)-3))
			break
		}
		msgs = append(msgs, strings.TrimSuffix(fe[k], "."))
	}
	return strings.Join(msgs, "; ")
}

// compareFields orders field names by their numbers, so that item 10's
// problem comes after item 2's.
func compareFields(a, b string) int {
	as, bs := strings.Split(a, "-"), strings.Split(b, "-")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		switch {
		case errx == nil && erry == nil && x != y:
			return x - y
		case as[i] != bs[i]:
			return strings.Compare(as[i], bs[i])
		}
	}
	return len(as) - len(bs)
}
