package minutesimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The heading of minutes written by other bodies than the model document's:
// a table of fields flattened to "Field<TAB>Value", "Field: Value" or
// "Field / Value" lines; the body named on a line of its own ("RETAIL CODE
// PANEL (RCP)"); the meeting named in a sentence ("Minutes of the 47th
// meeting of the Board of Directors of the Company, held at …").

var (
	// fieldRE splits "Meeting number<TAB>87", "Date:   Wednesday 19 August
	// 2026", "Status / Final" into a label and its value.
	fieldRE = regexp.MustCompile(`^([A-Za-z][A-Za-z .]{0,40}?)\s*(?::\s*|\t+\s*|\s+/\s+|\s{3,})(\S.*)$`)
	// bodyRE is a body named with its code: "RETAIL CODE PANEL (RCP)",
	// `FENMARSH CODE SERVICES LIMITED ("FCSL" or "the Company")`.
	bodyRE = regexp.MustCompile(`^(.{3,120}?)\s*\(\s*["“”]?([A-Z][A-Z0-9]{1,11})["“”]?(?:\s+or\s+["“”]?([^"“”()]{2,40})["“”]?)?\s*\)$`)
	// groupNumberRE is a group named by its own number, which is not the
	// meeting's: "Workgroup 0417 Minutes".
	groupNumberRE = regexp.MustCompile(`(?i)^((?:work\s*group|working\s+group|review\s+group|issue\s+group|task\s+force|modification\s+group)\s+(\d{2,5}))\b(?:\s*[-–—:]?\s*minutes)?$`)
	// narrativeRE is a meeting named in a sentence: "Minutes of the 47th
	// meeting of the Board of Directors of the Company, held at …".
	narrativeRE = regexp.MustCompile(`(?i)^minutes\s+of\s+the\s+(\d{1,4})(?:st|nd|rd|th)\s+(?:(ordinary|main|reporting|extraordinary|special)\s+)?meeting\s+of\s+(?:the\s+)?(.+?)(?:,?\s+held\s+(.+?))?\.?$`)
	// classLeadRE is a classification statement that begins with the level:
	// "AMBER – under the Settlement Information Policy, circulation …".
	classLeadRE   = regexp.MustCompile(`^(RED|AMBER|GREEN|CLEAR|WHITE)\s*[-–—:]\s+\S`)
	statusLeadRE  = regexp.MustCompile(`(?i)^(draft|final|approved)\b\s*(?:[-–—:]|minutes\b|$)`)
	statusTailRE  = regexp.MustCompile(`(?i)[-–—]\s*(draft|final|approved)(?:\s+minutes)?\s*$`)
	venueLeadRE   = regexp.MustCompile(`(?i)^(?:held\s+)?(?:via|by|at|on|in)\s+`)
	levelLeadRE   = regexp.MustCompile(`(?i)^(red|amber|green|clear|white)\b`)
	weekdayTailRE = regexp.MustCompile(`(?i)[\s,]*(?:\bon\s*)?(?:\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*)?$`)
	timeLeadRE    = regexp.MustCompile(`(?i)^[\s,]*(?:at\s+\d{1,2}[:.]\d{2}(?:\s*[ap]m)?)?[\s,]*`)
	closedAtRE    = regexp.MustCompile(`(?i)^(?:the\s+)?(?:meeting|chair)\s+(?:was\s+)?closed(?:\s+the\s+meeting)?\s+at\s+(\d{1,2}[:.]\d{2}(?:\s*[ap]m)?)\.?$|^(?:[A-Z]{2,4}|The\s+Chair)\s+closed\s+the\s+meeting\s+at\s+(\d{1,2}[:.]\d{2}(?:\s*[ap]m)?)\.?$`)
)

// fieldLabels maps the labels of a header table to the field they give.
var fieldLabels = map[string]string{
	"meeting number": "number", "meeting no": "number", "meeting no.": "number", "number": "number", "meeting": "number",
	"meeting type": "kind", "type of meeting": "kind", "meeting kind": "kind", "type": "kind", "kind": "kind",
	"date": "date", "meeting date": "date", "date of meeting": "date",
	"time": "time", "times": "time", "meeting time": "time",
	"location": "venue", "venue": "venue", "where": "venue", "place": "venue",
	"classification": "classification", "information classification": "classification", "security classification": "classification",
	"protective marking": "classification", "marking": "classification", "tlp": "classification",
	"document reference": "reference", "document ref": "reference", "document ref.": "reference", "reference": "reference",
	"ref": "reference", "ref.": "reference", "doc ref": "reference", "document number": "reference",
	"status": "status", "minutes status": "status", "document status": "status",
}

// headerField reads a labelled field of the heading. It reports false when
// the line is not one.
func (p *parser) headerField(i int, pt string) bool {
	f := fieldRE.FindStringSubmatch(pt)
	if f == nil {
		return false
	}
	field, ok := fieldLabels[strings.ToLower(strings.Join(strings.Fields(f[1]), " "))]
	if !ok {
		return false
	}
	value := strings.TrimSpace(f[2])
	m := &p.doc.Meeting
	switch field {
	case "number":
		n := atoi(firstNumberRE.FindString(value))
		if n <= 0 {
			return false
		}
		if m.Number != 0 && m.Number != n {
			p.warn(i, "the heading says meeting %d here but %d earlier; kept %d", n, m.Number, m.Number)
		} else {
			m.Number = n
		}
	case "kind":
		k := meetingKindWord(value)
		if k == "" {
			p.warn(i, "could not read %q as a kind of meeting; taken as a main meeting", value)
			k = "main"
		}
		m.Kind = k
	case "date":
		if !p.dateLine(i, value, false) {
			return false
		}
	case "time":
		if !p.dateLine(i, "Time: "+value, false) {
			return false
		}
	case "venue":
		p.setVenue(i, value)
	case "classification":
		c, note := classificationWord(value)
		if c == "" {
			return false
		}
		if note != "" {
			p.warn(i, "%s", note)
		}
		p.setClassification(i, c)
	case "reference":
		ref := strings.Fields(value)[0]
		if m.Reference == "" {
			m.Reference = ref
		} else if m.Reference != ref {
			p.warn(i, "a second reference %s; kept %s", ref, m.Reference)
		}
	case "status":
		s := statusWordRE.FindStringSubmatch(value)
		if s == nil {
			return false
		}
		p.setStatus(i, s[1])
	}
	p.mark(i, roleMeeting)
	return true
}

var firstNumberRE = regexp.MustCompile(`\d{1,4}`)

// meetingKindWord reads the kind of a meeting from the word for it.
func meetingKindWord(s string) string {
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "extraordinary"), strings.Contains(low, "special"), strings.Contains(low, "emergency"):
		return "extraordinary"
	case strings.Contains(low, "reporting"):
		return "reporting"
	case strings.Contains(low, "ordinary"), strings.Contains(low, "main"), strings.Contains(low, "routine"), strings.Contains(low, "regular"), strings.Contains(low, "scheduled"):
		return "main"
	}
	return ""
}

// classificationWord reads a classification from a level ("GREEN – may be
// shared …") or from the words other bodies use ("Public", "Confidential"),
// with a note saying how such a word was read.
func classificationWord(s string) (string, string) {
	t := strings.TrimSpace(s)
	if m := levelLeadRE.FindStringSubmatch(t); m != nil {
		c := strings.ToUpper(m[1])
		if c == "WHITE" {
			return "CLEAR", "classification WHITE is the old name of CLEAR; read as CLEAR"
		}
		return c, ""
	}
	low := strings.ToLower(t)
	for _, w := range []struct{ word, level string }{
		{"strictly confidential", "RED"}, {"highly confidential", "RED"}, {"secret", "RED"},
		{"confidential", "AMBER"}, {"restricted", "AMBER"}, {"commercial in confidence", "AMBER"},
		{"internal", "GREEN"},
		{"public", "CLEAR"}, {"unrestricted", "CLEAR"}, {"unclassified", "CLEAR"}, {"open", "CLEAR"},
	} {
		if strings.HasPrefix(low, w.word) {
			return w.level, "read the classification “" + cleanText(t) + "” as " + w.level
		}
	}
	return "", ""
}

func (p *parser) setClassification(i int, c string) {
	m := &p.doc.Meeting
	if m.Classification != "" && m.Classification != c {
		p.warn(i, "classified %s here but %s earlier; kept %s", c, m.Classification, m.Classification)
		return
	}
	m.Classification = c
}

func (p *parser) setVenue(i int, v string) {
	v = cleanText(venueLeadRE.ReplaceAllString(strings.TrimSpace(v), ""))
	v = strings.TrimRight(v, " .,;")
	if v == "" {
		return
	}
	m := &p.doc.Meeting
	if m.Venue != "" && m.Venue != v {
		p.warn(i, "a second venue %q; kept %q", v, m.Venue)
		return
	}
	m.Venue = v
}

// bodyLine reads a line naming a body and its code. A body whose name ends
// in "Code" is the code the committee works under (the "Electricity
// Settlement Code" above its sub-committee), not the committee itself.
func (p *parser) bodyLine(i int, pt string) bool {
	b := bodyRE.FindStringSubmatch(pt)
	if b == nil || !hasLetter(b[1]) || strings.ContainsAny(b[1], ".:;") || utf8.RuneCountInString(b[1]) > 100 {
		return false
	}
	name := properName(cleanText(b[1]))
	if len(strings.Fields(name)) < 2 {
		return false
	}
	p.mark(i, roleMeeting)
	p.headerText[pt] = true
	if strings.HasSuffix(strings.ToLower(name), " code") {
		p.framework = name
		return true
	}
	m := &p.doc.Meeting
	if m.Committee != "" && m.Committee != b[2] && p.codeFromBody {
		// A second body line names the committee beneath the first.
		p.warn(i, "took %s (%s) to be the committee, beneath %s", name, b[2], m.Committee)
		m.Committee = b[2]
	} else {
		p.setCode(i, b[2])
	}
	p.codeFromBody = true
	m.CommitteeName = name
	if b[3] != "" {
		p.alias = [2]string{strings.ToLower(strings.TrimSpace(b[3])), name}
	}
	return true
}

// properName writes a name set in capitals ("METERING STANDARDS
// SUB-COMMITTEE") as a name ("Metering Standards Sub-Committee"); a name
// already in mixed case is kept.
func properName(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(s)
	for k, w := range words {
		low := strings.ToLower(w)
		if k > 0 && (low == "of" || low == "and" || low == "the" || low == "for" || low == "in" || low == "on") {
			words[k] = low
			continue
		}
		parts := strings.Split(w, "-")
		for j, part := range parts {
			parts[j] = capitalise(strings.ToLower(part))
		}
		words[k] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// groupTitle reads "Workgroup 0417 Minutes": the group's name, whose
// number is its own and not the meeting's.
func (p *parser) groupTitle(i int, pt string) bool {
	g := groupNumberRE.FindStringSubmatch(pt)
	if g == nil {
		return false
	}
	m := &p.doc.Meeting
	m.CommitteeName = cleanText(g[1])
	p.warn(i, "%s is taken to be the group's own number, not the meeting's: say which meeting this is", g[2])
	p.titleSeen = true
	p.mark(i, roleMeeting)
	p.headerText[pt] = true
	return true
}

// narrativeTitle reads "Minutes of the 47th meeting of the Board of
// Directors of the Company, held at Tannery House, Norwich, on Tuesday 23
// June 2026 at 09:30."
func (p *parser) narrativeTitle(i int, pt string) bool {
	t := narrativeRE.FindStringSubmatch(pt)
	if t == nil {
		return false
	}
	m := &p.doc.Meeting
	if m.Number == 0 {
		m.Number = atoi(t[1])
	}
	if k := meetingKindWord(t[2]); k != "" {
		m.Kind = k
	}
	name := cleanText(t[3])
	if a := p.alias; a[0] != "" {
		if k := strings.Index(strings.ToLower(name), a[0]); k >= 0 {
			name = name[:k] + a[1] + name[k+len(a[0]):]
		}
		name = strings.Replace(name, "the "+a[1], a[1], 1)
	}
	m.CommitteeName = name
	if held := t[4]; held != "" {
		iso, start, end, ok := findDate(held)
		if ok {
			if !p.dateSeen {
				m.Date, p.dateSeen = iso, true
			}
			before, after := held[:start], held[end:]
			if times, _ := findTimes(after); len(times) > 0 && m.Start == "" {
				m.Start = times[0]
			}
			before = weekdayTailRE.ReplaceAllString(before, "")
			if hasLetter(before) {
				p.setVenue(i, before)
			} else if v := strings.Trim(timeLeadRE.ReplaceAllString(after, ""), " ,."); hasLetter(v) {
				p.setVenue(i, v)
			}
		}
	}
	p.titleSeen = true
	p.mark(i, roleMeeting)
	p.headerText[pt] = true
	return true
}

// closingTime reads the end of the meeting from "The meeting closed at
// 12:40." when the heading gave no end time.
func (p *parser) closingTime(i int, pt string) bool {
	if !strings.Contains(pt, "closed") {
		return false
	}
	var c []string
	for _, s := range splitSentences(pt) {
		if c = closedAtRE.FindStringSubmatch(s); c != nil {
			break
		}
	}
	if c == nil {
		return false
	}
	times, _ := findTimes(c[1] + c[2])
	if len(times) == 0 {
		return false
	}
	m := &p.doc.Meeting
	switch {
	case m.End == "":
		m.End = times[0]
	case m.End != times[0]:
		p.warn(i, "the meeting closed at %s but the heading says it ended at %s; kept %s", times[0], m.End, m.End)
	}
	return true
}
