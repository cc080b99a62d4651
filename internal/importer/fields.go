package importer

import (
	"strconv"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

// Values are the preview's inputs by field name (see PersonField and the
// others), as typed.
type Values map[string]string

// FormValues are the preview's inputs filled from the document as read,
// with the corrections it keeps.
func FormValues(doc *minutesimport.Document) Values {
	v := Values{}
	m := doc.Meeting
	if m.Number > 0 {
		v[FieldNumber] = strconv.Itoa(m.Number)
	}
	v[FieldKind], v[FieldDate], v[FieldStart], v[FieldEnd], v["venue"], v[FieldClassification] = m.Kind, m.Date, m.Start, m.End, m.Venue, m.Classification
	for i, p := range Roll(doc) {
		v[PersonField(i, "name")], v[PersonField(i, "organisation")], v[PersonField(i, "category")] = p.Name, p.Organisation, p.Category
		v[PersonField(i, "status")], v[PersonField(i, "part")], v[PersonField(i, "alternate")] = p.Status, p.PartItems, p.AlternateFor
	}
	for k, it := range doc.Items {
		v[ItemField(k, "number")], v[ItemField(k, "title")], v[ItemField(k, "classification")] = it.Number, it.Title, it.Classification
		for j, d := range it.Decisions {
			v[DecisionField(k, j, "kind")], v[DecisionField(k, j, "text")] = d.Kind, decidedText(d)
		}
		for j, a := range it.Actions {
			v[ActionField(k, j, "ref")], v[ActionField(k, j, "text")], v[ActionField(k, j, "owner")], v[ActionField(k, j, "target")] = a.Ref, a.Text, a.Owner, a.Target
		}
		for j, r := range it.Risks {
			v[RiskField(k, j, "ref")] = r.Ref
			v[RiskField(k, j, "likelihood")], v[RiskField(k, j, "impact")], v[RiskField(k, j, "severity")] = score(r.Likelihood), score(r.Impact), score(r.Severity)
		}
	}
	for r, o := range doc.OutstandingActions {
		v[OutstandingField(r, "ref")], v[OutstandingField(r, "text")], v[OutstandingField(r, "owner")], v[OutstandingField(r, "status")] = o.Ref, o.Text, o.Owner, o.Status
		v[OutstandingField(r, "raised")], v[OutstandingField(r, "target")], v[OutstandingField(r, "revised")] = o.Raised, o.Target, o.RevisedTarget
	}
	for n, x := range doc.NextMeetings {
		v[NextMeetingField(n, "date")], v[NextMeetingField(n, "kind")] = x.Date, x.Kind
	}
	for _, u := range doc.Unrecognised {
		v[LineField(u.Line)] = u.As
	}
	return v
}

func score(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// ReadCorrections reads the corrections from the preview's inputs. A field
// the form did not send keeps the document's value; a value that cannot be
// what it should be (a meeting number in words, a date that is no date)
// comes back as a message by its field, with the value kept as typed.
func ReadCorrections(doc *minutesimport.Document, sent Values) (Corrections, mb.FieldErrors) {
	now := FormValues(doc)
	fe := mb.FieldErrors{}
	get := func(field string) string {
		if v, ok := sent[field]; ok {
			return strings.TrimSpace(v)
		}
		return now[field]
	}
	// A value that cannot be read leaves the document's as it was.
	whole := func(field string, lo, hi int, msg string) int {
		s := get(field)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < lo || n > hi {
			fe.Add(field, msg)
			n, _ = strconv.Atoi(now[field])
		}
		return n
	}
	date := func(field string) string {
		s := get(field)
		if s != "" {
			if _, err := time.Parse(time.DateOnly, s); err != nil {
				fe.Add(field, "Enter a real date, such as 2026-09-30.")
				return now[field]
			}
		}
		return s
	}
	c := Corrections{
		Number: whole(FieldNumber, 1, 1<<30, "Enter the meeting number as a whole number, such as 105."),
		Kind:   get(FieldKind), Date: date(FieldDate), Start: get(FieldStart), End: get(FieldEnd), Venue: get("venue"),
		Classification: get(FieldClassification),
		People:         map[int]PersonCorrection{}, Items: map[int]ItemCorrection{}, Outstanding: map[int]OutstandingCorrection{},
		NextMeetings: map[int]NextMeetingCorrection{}, Lines: map[int]string{},
	}
	if _, bad := fe[FieldNumber]; get(FieldNumber) == "" && !bad {
		fe.Add(FieldNumber, "Enter the meeting number.")
	}
	for i := range Roll(doc) {
		p := PersonCorrection{Name: get(PersonField(i, "name")), Organisation: get(PersonField(i, "organisation")),
			Category: get(PersonField(i, "category")), Status: get(PersonField(i, "status")), PartItems: get(PersonField(i, "part")),
			AlternateFor: get(PersonField(i, "alternate"))}
		switch {
		case p.Name == "":
			fe.Add(PersonField(i, "name"), "Enter the person's name.")
		case p.Status == StatusPart && p.PartItems == "":
			fe.Add(PersonField(i, "part"), "Say which items "+p.Name+" attended, such as 3, 4.")
		case p.Status != StatusPresent && p.Status != StatusPart && p.Status != StatusApologies && p.Status != StatusAbsent:
			fe.Add(PersonField(i, "status"), "Choose present, part, apologies or absent.")
		}
		c.People[i] = p
	}
	for k, it := range doc.Items {
		ic := ItemCorrection{Number: get(ItemField(k, "number")), Title: get(ItemField(k, "title")), Classification: get(ItemField(k, "classification")),
			Decisions: map[int]DecisionCorrection{}, Actions: map[int]ActionCorrection{}, Risks: map[int]RiskCorrection{}}
		if ic.Number == "" {
			fe.Add(ItemField(k, "number"), "Give the item a number, such as 5 or 5.1.")
		}
		for j := range it.Decisions {
			ic.Decisions[j] = DecisionCorrection{Kind: strings.ToUpper(get(DecisionField(k, j, "kind"))), Text: get(DecisionField(k, j, "text"))}
		}
		for j := range it.Actions {
			ic.Actions[j] = ActionCorrection{Ref: get(ActionField(k, j, "ref")), Text: get(ActionField(k, j, "text")),
				Owner: get(ActionField(k, j, "owner")), Target: date(ActionField(k, j, "target"))}
		}
		for j := range it.Risks {
			ic.Risks[j] = RiskCorrection{Ref: get(RiskField(k, j, "ref")),
				Likelihood: whole(RiskField(k, j, "likelihood"), 1, 5, "Score the likelihood from 1 to 5."),
				Impact:     whole(RiskField(k, j, "impact"), 1, 5, "Score the impact from 1 to 5."),
				Severity:   whole(RiskField(k, j, "severity"), 1, 25, "The severity is from 1 to 25.")}
		}
		c.Items[k] = ic
	}
	for r := range doc.OutstandingActions {
		c.Outstanding[r] = OutstandingCorrection{Ref: get(OutstandingField(r, "ref")), Text: get(OutstandingField(r, "text")),
			Raised: date(OutstandingField(r, "raised")), Target: date(OutstandingField(r, "target")), Revised: date(OutstandingField(r, "revised")),
			Owner: get(OutstandingField(r, "owner")), Status: get(OutstandingField(r, "status"))}
	}
	for n := range doc.NextMeetings {
		c.NextMeetings[n] = NextMeetingCorrection{Date: date(NextMeetingField(n, "date")), Kind: get(NextMeetingField(n, "kind"))}
	}
	for _, u := range doc.Unrecognised {
		c.Lines[u.Line] = get(LineField(u.Line))
	}
	if len(fe) > 0 {
		// With a problem to correct, nobody moves between the attendees and
		// the apologies yet, so that the page sent back, as typed, still
		// names each person by their place.
		for i, p := range c.People {
			was := now[PersonField(i, "status")]
			if (p.Status == StatusApologies) != (was == StatusApologies) {
				p.Status = was
				c.People[i] = p
			}
		}
	}
	return c, fe
}
