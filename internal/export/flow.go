package export

import (
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// flow is the whole document as a sequence of blocks, in the order the
// minutes page shows it: the classification statement, the title, date
// and time, venue, the reference and status line, the approval, the
// attendees and apologies, the items (a withheld item as its notice, and
// nothing of it beneath), the actions outstanding when no item holds them,
// and the next meetings. The PDF and the .docx both lay out this sequence.
func flow(d *Document) []block {
	m := d.Meeting
	out := documentHead(m, m.DocumentTitle())
	if d.Version != "" {
		out = append(out, block{kind: paragraph, runs: []run{{text: d.Version, italic: true}}})
	}
	for _, line := range approval(d) {
		out = append(out, block{kind: paragraph, runs: []run{{text: line, bold: true}}})
	}
	members, others, apologies := attendeeColumns(d)
	if len(d.Members)+len(d.Others) > 0 {
		out = append(out, block{kind: section, runs: []run{{text: "Attendees:"}}})
		if len(d.Members) > 0 {
			out = append(out, attendees(members, d.Members, true))
		}
		if len(d.Others) > 0 {
			out = append(out, attendees(others, d.Others, true))
		}
	}
	if len(d.Apologies) > 0 {
		out = append(out, block{kind: section, runs: []run{{text: "Apologies:"}}}, attendees(apologies, d.Apologies, false))
	}
	out = formalHead(out, d)
	for _, it := range d.Items {
		out = item(out, d, it, 0)
	}
	if !d.OutstandingInItem {
		out = append(out, block{kind: section, runs: []run{{text: "Actions outstanding"}}})
		out = outstanding(out, d)
	}
	if len(d.Next) > 0 {
		out = append(out, block{kind: paragraph, runs: []run{{text: nextLine(d.Next)}}})
	}
	return out
}

// documentHead is the head of a meeting's documents: the classification
// statement, the title, date and time, venue, and the line that names the
// document ("OPSG_105_2310 – Final Minutes", "OPSG_107_2311 – Agenda").
func documentHead(m *mb.Meeting, heading string) []block {
	out := []block{
		{kind: paragraph, runs: statement(m)},
		{kind: title, runs: []run{{text: m.Title()}}},
		{kind: paragraph, runs: []run{{text: dateLine(m)}}},
	}
	if m.Venue != "" {
		out = append(out, block{kind: paragraph, runs: []run{{text: m.Venue}}})
	}
	return append(out, block{kind: docTitle, runs: []run{{text: heading}}})
}

// item writes an item as the page does: its heading, its classification,
// the minute, the actions outstanding table when it holds it, and its own
// records (the risks reviewed in it, its decisions and its actions) before
// its sub-items or, set apart under "Item 5 (continued)", after them.
func item(out []block, d *Document, it *Item, level int) []block {
	if it.Withheld {
		return append(out, block{kind: notice, runs: []run{{text: mb.WithheldNotice(it.Item), italic: true}}, level: level})
	}
	out = append(out, block{kind: itemHeading, runs: []run{{text: heading(it.Item)}}, level: level})
	if it.Item.Classification != 0 {
		out = append(out, block{kind: paragraph, runs: itemClassification(it.Item)})
	}
	if it.Quorum != nil {
		out = append(out, block{kind: paragraph, runs: []run{{text: it.Quorum.Sentence(), italic: true}}})
	}
	for _, dc := range it.Item.Declarations {
		out = append(out, block{kind: paragraph, runs: []run{{text: dc.Sentence()}}})
	}
	out = append(out, minuteBlocks(it.Item.Minute)...)
	if it.Outstanding {
		out = outstanding(out, d)
	}
	after := it.Item.Placement == mb.AfterSubItems && len(it.Children) > 0
	if !after {
		out = ownRecords(out, d, it)
	}
	for _, c := range it.Children {
		out = item(out, d, c, level+1)
	}
	if after {
		out = append(out, block{kind: continued, runs: []run{{text: it.Item.ContinuedLabel(), bold: true}}, level: level})
		out = ownRecords(out, d, it)
	}
	return out
}

// ownRecords writes what an item records of its own: the risks reviewed in
// it, its decisions and its actions.
func ownRecords(out []block, d *Document, it *Item) []block {
	for _, v := range it.Reviews {
		out = append(out, block{kind: bullet, runs: reviewRuns(v)})
	}
	code := d.Meeting.CommitteeCode
	switch decisions := it.Item.Decisions; {
	case len(decisions) == 1:
		out = append(out, block{kind: paragraph, runs: decisionRuns(code, decisions[0], true)})
		out = voteRoll(out, decisions[0], paragraph)
	case len(decisions) > 1:
		out = append(out, block{kind: paragraph, runs: []run{{text: mb.DecisionLead(code) + ":"}}})
		for _, dc := range decisions {
			out = append(out, block{kind: bullet, runs: decisionRuns(code, dc, false)})
			out = voteRoll(out, dc, quote)
		}
	}
	for _, a := range it.Item.Actions {
		out = append(out, block{kind: paragraph, runs: actionRuns(a)})
	}
	return out
}

// outstanding writes the actions outstanding table with the model
// document's columns, and says how many rows it leaves out.
func outstanding(out []block, d *Document) []block {
	if len(d.Outstanding) == 0 {
		out = append(out, block{kind: paragraph, runs: []run{{text: noOutstanding}}})
	} else {
		t := block{kind: table, which: outstandingTable, head: outstandingHeader}
		for _, o := range d.Outstanding {
			t.rows = append(t.rows, outstandingRow(o))
		}
		out = append(out, t)
	}
	if s := outstandingWithheld(d.OutstandingWithheld); s != "" {
		out = append(out, block{kind: notice, runs: []run{{text: s, italic: true}}})
	}
	return out
}

// attendees is an attendee table: a row per group, the group's name in the
// first cell and its people, one paragraph each, in the second.
func attendees(head [2]string, groups []mb.AttendeeGroup, display bool) block {
	t := block{kind: table, which: attendeeTable, head: head[:]}
	for _, g := range groups {
		t.rows = append(t.rows, [][]string{{g.Name}, names(g, display)})
	}
	return t
}

func dateLine(m *mb.Meeting) string {
	s := m.DateLabel()
	if t := m.TimeLabel(); t != "" {
		s += ", " + t
	}
	return s
}

// statement is the classification statement at the head of the document:
// "This document is classified as **Clear** in accordance with …".
func statement(m *mb.Meeting) []run {
	return []run{
		{text: "This document is classified as "},
		{text: m.Classification.Label(), bold: true},
		{text: " in accordance with the Panel Information Policy. " + m.Classification.Disclosure()},
	}
}

// marking is the classification marking every page carries.
func marking(m *mb.Meeting) string { return "Classification: " + m.Classification.String() }

// decisionRuns writes a decision in the committee's voice with its word
// bold: "The OPSG **NOTED** the update." In a list (lead false) the
// committee's voice is said once before it: "The OPSG:".
func decisionRuns(code string, d mb.Decision, lead bool) []run {
	var out []run
	if lead {
		out = append(out, run{text: mb.DecisionLead(code) + " "})
	}
	if p := d.VotePhrase(); p != "" {
		out = append(out, run{text: p + " "})
	}
	out = append(out, run{text: d.Kind, bold: true})
	if t := fullStop(d.Text); t != "" {
		out = append(out, run{text: " " + t})
	}
	return out
}

// actionRuns writes an action as the raising item does: "**ACTION
// 105/01:** The DCC to …".
func actionRuns(a mb.Action) []run {
	return []run{{text: "ACTION " + a.ShortReference() + ":", bold: true}, {text: " " + a.Text}}
}

// reviewRuns writes a risk review as item 6 does: "**OPSG-006:** *There is
// a risk … (Severity 20 – Critical).* The comment."
func reviewRuns(v mb.RiskReview) []run {
	out := []run{
		{text: v.Reference + ":", bold: true},
		{text: " " + fullStop(v.Statement) + " (" + mb.SeverityLabel(v.Severity(), v.Band) + ").", italic: true},
	}
	if c := strings.TrimSpace(v.Comment); c != "" {
		out = append(out, run{text: " " + c})
	}
	return out
}

// nextLine is the document's last line: "Next Main Meeting: 14 November
// 2023; Next Reporting Meeting: 27 November 2023".
func nextLine(next []mb.NextMeeting) string {
	parts := make([]string, len(next))
	for i, n := range next {
		parts[i] = n.Label()
	}
	return strings.Join(parts, "; ")
}

// outstandingWithheld says how many actions outstanding the table leaves out.
func outstandingWithheld(n int) string {
	switch {
	case n == 1:
		return "One action outstanding is classified above your level and is not shown."
	case n > 1:
		return itoa(n) + " actions outstanding are classified above your level and are not shown."
	}
	return ""
}

// ukDate prints a date as the model document's tables do: 12/09/2023.
func ukDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("02/01/2006")
}

// outstandingHeader is the heading row of the actions outstanding table.
var outstandingHeader = []string{"Action Ref.", "Action", "Date Raised", "Last Target Date", "Revised Target Date", "Owner", "Status"}

// outstandingRow is one row of the table, cell by cell; the action's cell
// holds its text and then the notes recorded at the meeting.
func outstandingRow(o mb.OutstandingAction) [][]string {
	owner := o.Action.OwnerName
	if o.Action.OwnerPersonName != "" {
		owner += " (" + o.Action.OwnerPersonName + ")"
	}
	return [][]string{
		{o.Action.Reference()},
		append([]string{o.Action.Text}, o.Notes...),
		{ukDate(&o.Action.RaisedOn)},
		{ukDate(o.LastTarget)},
		{ukDate(o.RevisedTarget)},
		{owner},
		{o.StatusAfter.Label()},
	}
}

// noOutstanding is what the table's place says when there is nothing in it.
const noOutstanding = "There were no actions outstanding from earlier meetings."

// attendeeColumns are the heading rows of the three attendee tables.
func attendeeColumns(d *Document) (members, others, apologies [2]string) {
	return [2]string{"Category", d.Meeting.CommitteeName + " Members"},
		[2]string{"Representing", "Other Participants"},
		[2]string{"Representing", "Name"}
}

// names lists a group's people as the attendee table prints them.
func names(g mb.AttendeeGroup, display bool) []string {
	out := make([]string, len(g.Attendees))
	for i, a := range g.Attendees {
		if display {
			out[i] = a.Display()
		} else {
			out[i] = a.PersonName
		}
	}
	return out
}

// itemClassification is the line under a classified item's heading.
func itemClassification(it *mb.Item) []run {
	return []run{
		{text: "This item is classified "},
		{text: it.Classification.Label(), bold: true},
		{text: ": " + it.Classification.Audience() + "."},
	}
}

// heading is an item's heading, its number written as text: "5.1. Prepayment Analysis".
func heading(it *mb.Item) string { return it.Number + ". " + it.Title }

func fullStop(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}
