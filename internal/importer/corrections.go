package importer

import (
	"cmp"
	"regexp"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/internal/minutesimport"
)

// Corrections are what a person changed in the browser's preview before
// saving: everything that was read. Each field holds the value as typed;
// Apply writes them into the document, which keeps them (the preview's
// upload is kept with its corrections), so that applying the same
// corrections twice changes nothing more.
//
// Indexes are those of the document as the preview showed it: people in the
// roll call (the attendees, then the apologies), items in Document.Items,
// their decisions, actions and risks in order, rows of the actions
// outstanding and the next meetings; lines by their number.
type Corrections struct {
	Number                                        int
	Kind, Date, Start, End, Venue, Classification string
	People                                        map[int]PersonCorrection
	Items                                         map[int]ItemCorrection
	Outstanding                                   map[int]OutstandingCorrection
	NextMeetings                                  map[int]NextMeetingCorrection
	// Lines says what an unrecognised line is: "noise", "item N", or "" for
	// not yet decided.
	Lines map[int]string
}

// PersonCorrection is one person of the roll call: their name, the
// organisation they belong to or represent, the committee's category they
// sit in, and how they attended ("present", "part" with the items, or
// "apologies", "absent"), and who they stood in for.
type PersonCorrection struct {
	Name, Organisation, Category, Status, PartItems, AlternateFor string
}

// ItemCorrection is one item: its number as the document writes it (which
// nests it: "5.1" sits beneath the "5" above), title and classification
// ("" for the document's), with its decisions, actions and risks.
type ItemCorrection struct {
	Number, Title, Classification string
	Decisions                     map[int]DecisionCorrection
	Actions                       map[int]ActionCorrection
	Risks                         map[int]RiskCorrection
}

// DecisionCorrection is a decision's word ("" for not a decision: its text
// goes back into the minute) and what follows the word.
type DecisionCorrection struct{ Kind, Text string }

// held applies the correction to a sentence the parser kept in the item's
// text because its word (Word) is outside the committee's: a word chosen
// makes it a decision, its words leaving the minute; "not a decision"
// again puts them back; retyped and left as text, it is replaced in the
// minute.
func (dc DecisionCorrection) held(it *minutesimport.Item, d *minutesimport.Decision) {
	typed := tidy(dc.Text)
	if typed == decidedText(*d) {
		typed = "" // as shown
	}
	switch {
	case d.Kind == "" && dc.Kind == "":
		if typed != "" && strings.Contains(it.Text, d.Text) {
			it.Text = strings.Replace(it.Text, d.Text, typed, 1)
			d.Text = typed
		}
		return
	case d.Kind == "":
		it.Text = withoutSentence(it.Text, d.Text)
	case dc.Kind == "":
		it.Text = strings.TrimSpace(it.Text + "\n\n" + cmp.Or(typed, d.Text))
	}
	d.Kind, d.Text = dc.Kind, cmp.Or(typed, d.Text)
}

// decidedText is the text the preview shows for a decision: what follows
// its word (the word as written, for one the parser kept as text), or the
// whole sentence of one that is not a decision.
func decidedText(d minutesimport.Decision) string {
	if d.Kind == "" {
		return DecisionText("", d.Text)
	}
	return DecisionText(cmp.Or(d.Word, d.Kind), d.Text)
}

// bareEntryRE is a list entry or numbered paragraph left with nothing but
// its dash, letter or number ("- b)", "5.5").
var bareEntryRE = regexp.MustCompile(`^(?:-\s*(?:[a-z]{1,3}\)\s*)?|\d{1,3}(?:\.\d{1,2})?\.?)[;,.]?$`)

// withoutSentence takes a sentence out of an item's text, with a list
// entry left bare by it.
func withoutSentence(text, sentence string) string {
	i := strings.Index(text, sentence)
	if i < 0 || sentence == "" {
		return text
	}
	text = text[:i] + text[i+len(sentence):]
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if t := tidy(l); !bareEntryRE.MatchString(t) {
			kept = append(kept, t)
		}
	}
	return strings.TrimSpace(tidyBlankLines(strings.Join(kept, "\n")))
}

// ActionCorrection is an action raised: its reference as written, its
// text (empty: not an action after all), owner and target date.
type ActionCorrection struct{ Ref, Text, Owner, Target string }

// RiskCorrection is a risk reviewed: its reference and scores.
type RiskCorrection struct {
	Ref                          string
	Likelihood, Impact, Severity int
}

// OutstandingCorrection is a row of the actions outstanding (an empty
// reference leaves the row out).
type OutstandingCorrection struct {
	Ref, Text, Raised, Target, Revised, Owner, Status string
}

// NextMeetingCorrection is a next meeting's date (empty: none) and kind.
type NextMeetingCorrection struct{ Date, Kind string }

// The statuses a person of the roll call may be given.
const (
	StatusPresent   = "present"
	StatusPart      = "part"
	StatusApologies = "apologies"
	StatusAbsent    = "absent"
)

// Roll is the roll call as the preview shows it: the attendees, then the
// apologies, each as a correction of what was read.
func Roll(doc *minutesimport.Document) []PersonCorrection {
	var out []PersonCorrection
	for _, a := range doc.Attendees {
		p := PersonCorrection{Name: a.Name, Organisation: a.Representing, Category: a.Category, Status: StatusPresent,
			PartItems: strings.Join(a.PartItems, ", "), AlternateFor: a.AlternateFor}
		switch {
		case a.Absent:
			p.Status = StatusAbsent
		case len(a.PartItems) > 0:
			p.Status = StatusPart
		}
		out = append(out, p)
	}
	for _, a := range doc.Apologies {
		out = append(out, PersonCorrection{Name: a.Name, Organisation: a.Representing, Category: a.Category, Status: StatusApologies})
	}
	return out
}

// person is one person of the roll call with what was read of them.
type person struct {
	attendee minutesimport.Attendee
	apology  bool
}

var partSplitRE = regexp.MustCompile(`\s*(?:,|;|\band\b)\s*`)

// Apply writes the corrections into the document. A category the committee
// lacks is kept as typed, so that saving refuses it with the committee's
// categories listed rather than taking it for an organisation.
func (c Corrections) Apply(doc *minutesimport.Document, categories []string) {
	m := &doc.Meeting
	m.Number, m.Kind, m.Date, m.Start, m.End = c.Number, c.Kind, c.Date, c.Start, c.End
	m.Venue, m.Classification = c.Venue, c.Classification
	c.applyPeople(doc, categories)
	for k, ic := range c.Items {
		if k < 0 || k >= len(doc.Items) {
			continue
		}
		ic.apply(doc, &doc.Items[k])
	}
	for r, oc := range c.Outstanding {
		if r < 0 || r >= len(doc.OutstandingActions) {
			continue
		}
		o := &doc.OutstandingActions[r]
		o.Ref, o.Text, o.Raised, o.Target, o.RevisedTarget, o.Status = oc.Ref, oc.Text, oc.Raised, oc.Target, oc.Revised, oc.Status
		if o.Owner != oc.Owner {
			o.Owner, o.OwnerPerson = oc.Owner, doc.OwnerPerson(oc.Owner)
		}
	}
	for n, nc := range c.NextMeetings {
		if n < 0 || n >= len(doc.NextMeetings) {
			continue
		}
		doc.NextMeetings[n].Date, doc.NextMeetings[n].Kind = nc.Date, nc.Kind
	}
	for k := range doc.Unrecognised {
		if as, ok := c.Lines[doc.Unrecognised[k].Line]; ok {
			doc.Unrecognised[k].As = as
		}
	}
}

func (c Corrections) applyPeople(doc *minutesimport.Document, categories []string) {
	var roll []person
	for _, a := range doc.Attendees {
		roll = append(roll, person{attendee: a})
	}
	for _, a := range doc.Apologies {
		roll = append(roll, person{attendee: minutesimport.Attendee{Name: a.Name, Representing: a.Representing, Category: a.Category,
			Role: a.Role, Initials: a.Initials, Line: a.Line, PartItems: []string{}}, apology: true})
	}
	for i, pc := range c.People {
		if i < 0 || i >= len(roll) {
			continue
		}
		p := &roll[i]
		a := &p.attendee
		a.Name = tidy(pc.Name)
		a.Representing = tidy(pc.Organisation)
		a.Category = tidy(pc.Category)
		for _, cat := range categories {
			if strings.EqualFold(cat, a.Category) {
				a.Category = cat
			}
		}
		a.AlternateFor = tidy(pc.AlternateFor)
		a.Absent, p.apology, a.PartItems = false, false, []string{}
		switch pc.Status {
		case StatusApologies:
			p.apology = true
		case StatusAbsent:
			a.Absent = true
		case StatusPart:
			for _, item := range partSplitRE.Split(pc.PartItems, -1) {
				if item = strings.TrimSpace(item); item != "" {
					a.PartItems = append(a.PartItems, item)
				}
			}
		}
	}
	doc.Attendees, doc.Apologies = doc.Attendees[:0], doc.Apologies[:0]
	for _, p := range roll {
		a := p.attendee
		if p.apology {
			doc.Apologies = append(doc.Apologies, minutesimport.Apology{Name: a.Name, Representing: a.Representing, Category: a.Category,
				Role: a.Role, Initials: a.Initials, Line: a.Line})
		} else {
			doc.Attendees = append(doc.Attendees, a)
		}
	}
}

func (ic ItemCorrection) apply(doc *minutesimport.Document, it *minutesimport.Item) {
	it.Number, it.Title, it.Classification = tidy(ic.Number), ic.Title, ic.Classification
	for j, dc := range ic.Decisions {
		if j >= 0 && j < len(it.Decisions) {
			d := &it.Decisions[j]
			if d.Word != "" {
				dc.held(it, d)
				continue
			}
			was := DecisionText(d.Kind, d.Text)
			switch {
			case tidy(dc.Text) != was:
				d.Text = tidy(dc.Text) // what follows the word, as typed
			case dc.Kind != d.Kind && dc.Kind != "" && d.Kind != "":
				d.Text = was // another word for the same decision
			}
			// A decision that is none keeps its whole sentence, for the minute.
			d.Kind = dc.Kind
		}
	}
	for j, ac := range ic.Actions {
		if j >= 0 && j < len(it.Actions) {
			a := &it.Actions[j]
			a.Ref, a.Text, a.Target = tidy(ac.Ref), strings.TrimSpace(ac.Text), ac.Target
			if a.Owner != tidy(ac.Owner) {
				a.Owner, a.OwnerPerson = tidy(ac.Owner), doc.OwnerPerson(tidy(ac.Owner))
			}
		}
	}
	for j, rc := range ic.Risks {
		if j >= 0 && j < len(it.Risks) {
			r := &it.Risks[j]
			r.Ref, r.Likelihood, r.Impact, r.Severity = tidy(rc.Ref), rc.Likelihood, rc.Impact, rc.Severity
			if rc.Likelihood > 0 && rc.Impact > 0 {
				r.Severity = rc.Likelihood * rc.Impact
			}
			for k := range doc.Risks {
				if doc.Risks[k].Line == r.Line {
					doc.Risks[k] = *r
				}
			}
		}
	}
}

func tidy(s string) string { return strings.Join(strings.Fields(s), " ") }

// Field names of the preview's inputs, which the problems Convert and the
// store report name too.

// PersonField names a field of the i-th person of the roll call: "name",
// "organisation", "category", "status", "part", "alternate".
func PersonField(i int, field string) string { return "p-" + strconv.Itoa(i) + "-" + field }

// ItemField names a field of the k-th item: "number", "title", "classification".
func ItemField(k int, field string) string { return "i-" + strconv.Itoa(k) + "-" + field }

// DecisionField names a field of the j-th decision of the k-th item: "kind", "text".
func DecisionField(k, j int, field string) string {
	return ItemField(k, "d-"+strconv.Itoa(j)+"-"+field)
}

// ActionField names a field of the j-th action of the k-th item: "ref", "text", "owner", "target".
func ActionField(k, j int, field string) string { return ItemField(k, "a-"+strconv.Itoa(j)+"-"+field) }

// RiskField names a field of the j-th risk of the k-th item: "ref", "likelihood", "impact", "severity".
func RiskField(k, j int, field string) string { return ItemField(k, "r-"+strconv.Itoa(j)+"-"+field) }

// OutstandingField names a field of the r-th row of the actions
// outstanding: "ref", "text", "raised", "target", "revised", "owner", "status".
func OutstandingField(r int, field string) string { return "o-" + strconv.Itoa(r) + "-" + field }

// NextMeetingField names a field of the n-th next meeting: "date", "kind".
func NextMeetingField(n int, field string) string { return "n-" + strconv.Itoa(n) + "-" + field }

// LineField names the choice made for an unrecognised line.
func LineField(line int) string { return "line-" + strconv.Itoa(line) }

// TitleField names the title of the k-th item of Document.Items.
func TitleField(k int) string { return ItemField(k, "title") }

// ClassificationField names the classification of the k-th item.
func ClassificationField(k int) string { return ItemField(k, "classification") }
