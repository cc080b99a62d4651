package minutesimport

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

var (
	classifiedRE = regexp.MustCompile(`(?i)\bclassified\s+as\s+(red|amber|green|clear|white)\b`)
	classLabelRE = regexp.MustCompile(`(?i)^(?:(?:security\s+)?classification|tlp)\s*[:\-–]?\s*(red|amber|green|clear|white)\b`)
	classAloneRE = regexp.MustCompile(`(?i)^(red|amber|green|clear|white)$`)
	// The reference is code, meeting number, year and month: OPSG_105_2310.
	referenceRE  = regexp.MustCompile(`(?:^|[^A-Za-z0-9_])([A-Z][A-Z0-9]{1,15})_(\d{1,4})_(\d{2})(\d{2})(?:[^0-9]|$)`)
	statusWordRE = regexp.MustCompile(`(?i)\b(draft|final|approved)\b`)
	// approvedRE is the line minutebook's own exports put under the
	// reference of approved minutes: "Approved as final at OPSG 106."
	approvedRE   = regexp.MustCompile(`(?i)^approved as final at [A-Z][A-Za-z0-9]{0,15} \d{1,4}\.?$`)
	statusLineRE = regexp.MustCompile(`(?i)^(?:minutes\s+)?status\s*:\s*(draft|final|approved)\b|^(draft|final|approved)\s+minutes$`)
	titleRE      = regexp.MustCompile(`(?i)^(.*?)\b(?:(main|reporting|extraordinary)\s+)?meeting\s*(?:no\.?\s*|number\s*|#\s*)?(\d{1,4})\b`)
	titleAltRE   = regexp.MustCompile(`(?i)^(.*?)\s(\d{1,4})\s*[-–—:]?\s*(?:(main|reporting|extraordinary)\s+)?meeting$`)
	kindRE       = regexp.MustCompile(`(?i)\b(main|reporting|extraordinary)\s+meeting\b`)
	venueLabelRE = regexp.MustCompile(`(?i)^(?:venue|location|where|place)\s*[:\-–]\s*(.+)$`)
	codeParenRE  = regexp.MustCompile(`\s*\(([A-Z][A-Z0-9]{1,15})\)`)
	codeRE       = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,15}$`)
	minutesOfRE  = regexp.MustCompile(`(?i)^(?:(?:draft|final|approved)\s+)?minutes(?:\s+|$)(?:(?:of|for)(?:\s+|$))?(?:the\s+)?`)
	// What may surround a date and times on a date line without being a venue.
	timeNoiseRE = regexp.MustCompile(`(?i)\b(?:date|time|from|to|until|till|at|on|hrs|hours|gmt|bst|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b`)
)

// headerLine reads a line of the heading, before the attendees: the
// classification statement, the committee and meeting number, the date and
// time, the venue, the reference and status. One line may say several.
func (p *parser) headerLine(i int) {
	l := &p.lines[i]
	pt := strings.TrimSpace(l.plain)
	if p.attendanceHeading(i, pt) {
		return
	}
	if strings.ContainsRune(l.plain, '\t') {
		if cols, ok := attendanceColumns(splitCells(l.plain)); ok {
			// A table of names with no "Attendees:" above it.
			p.sec, p.cols, p.group = inAttendees, cols, ""
			p.mark(i, roleHeading)
			return
		}
	}
	if p.classOpen == i-1 && p.classOpen > 0 && !startsUpper(pt) {
		// "… is limited to SDAC members and" / "the SDAC secretariat."
		p.mark(i, roleMeeting)
		p.classOpenAfter(i, pt)
		return
	}
	if p.headerField(i, pt) || p.bodyLine(i, pt) || p.groupTitle(i, pt) || p.narrativeTitle(i, pt) {
		return
	}
	m := &p.doc.Meeting
	got, heading := false, false
	if c := classification(pt); c != "" {
		p.classOpenAfter(i, pt)
		got, heading = true, true
		if c == "WHITE" {
			p.warn(i, "classification WHITE is the old name of CLEAR; read as CLEAR")
			c = "CLEAR"
		}
		if m.Classification != "" && m.Classification != c {
			p.warn(i, "classified %s here but %s earlier; kept %s", c, m.Classification, m.Classification)
		} else {
			m.Classification = c
		}
	}
	if r := referenceRE.FindStringSubmatch(pt); r != nil {
		got, heading = true, true
		ref := r[1] + "_" + r[2] + "_" + r[3] + r[4]
		switch {
		case m.Reference == "":
			m.Reference = ref
		case m.Reference != ref:
			p.warn(i, "a second reference %s; kept %s", ref, m.Reference)
		}
		p.setCode(i, r[1])
		if m.Number == 0 {
			m.Number = atoi(r[2])
		}
		if s := statusWordRE.FindStringSubmatch(pt); s != nil {
			p.setStatus(i, s[1])
		}
	} else if s := statusLineRE.FindStringSubmatch(pt); s != nil {
		got, heading = true, true
		p.setStatus(i, s[1]+s[2])
	} else if approvedRE.MatchString(pt) {
		got, heading = true, true
		p.setStatus(i, "approved")
	} else if s := statusLeadRE.FindStringSubmatch(pt); s != nil {
		// "DRAFT – subject to approval by the Board"
		got, heading = true, true
		p.setStatus(i, s[1])
	}
	if !p.titleSeen {
		if p.title(i, pt) {
			got, heading = true, true
		}
	}
	if k := kindRE.FindStringSubmatch(pt); k != nil {
		got = true
		m.Kind = strings.ToLower(k[1])
	}
	if v := venueLabelRE.FindStringSubmatch(pt); v != nil {
		got = true
		if m.Venue != "" {
			p.warn(i, "a second venue %q; kept %q", cleanText(v[1]), m.Venue)
		} else {
			m.Venue = cleanText(v[1])
		}
	} else if (!p.dateSeen || m.Start == "") && p.dateLine(i, pt, heading) {
		got = true
	}
	if got {
		p.mark(i, roleMeeting)
		if heading {
			p.headerText[pt] = true
		}
		return
	}
	// The tradition puts the venue on a line of its own under the date
	// ("Teleconference", "London").
	if m.Venue == "" && (p.dateSeen || (p.titleSeen && venueLeadRE.MatchString(pt))) && looksLikeVenue(pt) {
		p.setVenue(i, pt)
		p.mark(i, roleMeeting)
		if !p.dateSeen {
			p.warn(i, "took %q to be the venue", m.Venue)
		}
		return
	}
	p.unrecognised(i)
}

// classOpenAfter notes a classification statement that breaks off
// mid-sentence, so that the line it runs on to is read with it.
func (p *parser) classOpenAfter(i int, pt string) {
	p.classOpen = 0
	if !strings.HasSuffix(pt, ".") && utf8.RuneCountInString(pt) > 40 {
		p.classOpen = i
	}
}

func classification(pt string) string {
	for _, re := range []*regexp.Regexp{classifiedRE, classLabelRE, classAloneRE, classLeadRE} {
		if m := re.FindStringSubmatch(pt); m != nil {
			return strings.ToUpper(m[1])
		}
	}
	return ""
}

func (p *parser) setCode(i int, code string) {
	p.keepFirst(i, &p.doc.Meeting.Committee, code, "committee code")
}

func (p *parser) setStatus(i int, word string) {
	s := strings.ToLower(word)
	if s == "approved" {
		s = "final" // approved minutes are the final minutes
	}
	p.keepFirst(i, &p.doc.Meeting.Status, s, "the minutes say")
}

// keepFirst sets a header field the first time line i names it, and warns
// when a later line names another value ("committee code OPSG here but
// PSG earlier; kept PSG").
func (p *parser) keepFirst(i int, field *string, v, what string) {
	switch {
	case *field == "":
		*field = v
	case *field != v:
		p.warn(i, "%s %s here but %s earlier; kept %s", what, v, *field, *field)
	}
}

// title reads "Operations Group Meeting 105", "Operations Group (OPSG)
// Reporting Meeting 106" or "OPSG 106 – Main Meeting".
func (p *parser) title(i int, pt string) bool {
	var name, kind, number string
	if t := titleRE.FindStringSubmatch(pt); t != nil {
		name, kind, number = t[1], t[2], t[3]
	} else if t := titleAltRE.FindStringSubmatch(pt); t != nil {
		name, number, kind = t[1], t[2], t[3]
	} else {
		return false
	}
	m := &p.doc.Meeting
	name = minutesOfRE.ReplaceAllString(strings.TrimSpace(name), "")
	if c := codeParenRE.FindStringSubmatch(name); c != nil {
		p.setCode(i, c[1])
		name = codeParenRE.ReplaceAllString(name, "")
	}
	name = strings.Trim(name, " -–—:,")
	if codeRE.MatchString(name) {
		p.setCode(i, name)
		name = ""
	}
	switch name = cleanText(name); {
	case name == "":
	case m.CommitteeName != "" && strings.Contains(strings.ToLower(m.CommitteeName), strings.ToLower(name)):
		// "Minutes of Panel Meeting 87" under "RETAIL CODE PANEL (RCP)"
	default:
		m.CommitteeName = name
	}
	if s := statusTailRE.FindStringSubmatch(pt); s != nil {
		p.setStatus(i, s[1]) // "Minutes of Meeting 61 (Main Meeting) – DRAFT"
	}
	n := atoi(number)
	switch {
	case m.Number == 0:
		m.Number = n
	case m.Number != n:
		p.warn(i, "the heading says meeting %d but the reference says %d; kept %d", n, m.Number, m.Number)
	}
	if kind != "" {
		m.Kind = strings.ToLower(kind)
	}
	p.titleSeen = true
	return true
}

// dateLine reads the meeting's date and times, "23 October 2023, 12:20 –
// 16:00", and a venue written after them on the same line.
func (p *parser) dateLine(i int, pt string, heading bool) bool {
	m := &p.doc.Meeting
	iso, start, end, ok := findDate(pt)
	rest := pt
	if ok {
		rest = pt[:start] + " " + pt[end:]
	} else if !strings.HasPrefix(strings.ToLower(pt), "time") {
		return false
	}
	times, spans := findTimes(rest)
	if !ok && len(times) == 0 {
		return false
	}
	switch {
	case !ok:
	case !p.dateSeen:
		m.Date, p.dateSeen = iso, true
	case m.Date != iso:
		p.warn(i, "a second date %s; kept %s", iso, m.Date)
	}
	if len(times) > 0 && m.Start == "" {
		m.Start = times[0]
		if len(times) > 1 {
			m.End = times[1]
		}
	}
	if heading {
		// The rest of the line is the title, unless a PDF ran the whole
		// heading together: "… Reporting Meeting 23 8 July 2026, 13:30 –
		// 15:45 Video conference SDAC_23_2607 – Final Minutes".
		if m.Venue == "" && ok && len(times) > 0 {
			p.headingVenue(i, pt)
		}
		return true
	}
	var b strings.Builder
	last := 0
	for _, s := range spans {
		b.WriteString(rest[last:s[0]])
		b.WriteByte(',')
		last = s[1]
	}
	b.WriteString(rest[last:])
	// What is left, part by part, is a venue unless it is only noise
	// ("Tuesday", "Date:").
	var venue []string
	for part := range strings.FieldsFuncSeq(b.String(), func(r rune) bool { return strings.ContainsRune(",;|–—", r) }) {
		if hasLetter(timeNoiseRE.ReplaceAllString(part, "")) {
			venue = append(venue, cleanText(strings.Trim(part, " :.-")))
		}
	}
	if len(venue) > 0 {
		v := strings.Join(venue, ", ")
		if m.Venue == "" {
			m.Venue = v
		} else {
			p.warn(i, "ignored %q on the date line", v)
		}
	}
	return true
}

// headingVenue takes the venue from between the times and the reference of
// a heading run together on one line.
func (p *parser) headingVenue(i int, pt string) {
	from := 0
	if loc := titleRE.FindStringIndex(pt); loc != nil {
		from = loc[1]
	}
	to := len(pt)
	if loc := referenceRE.FindStringIndex(pt); loc != nil && loc[0] > from {
		to = loc[0]
	}
	seg := pt[from:to]
	if _, start, end, ok := findDate(seg); ok {
		seg = seg[:start] + " " + seg[end:]
	}
	_, spans := findTimes(seg)
	if len(spans) > 0 {
		seg = seg[spans[len(spans)-1][1]:]
	}
	seg = strings.Trim(timeNoiseRE.ReplaceAllString(seg, ""), " ,;:–—-")
	if hasLetter(seg) && utf8.RuneCountInString(seg) <= 80 {
		p.setVenue(i, seg)
	}
}

func looksLikeVenue(pt string) bool {
	low := strings.ToLower(pt)
	return hasLetter(pt) && utf8.RuneCountInString(pt) <= 80 && !strings.ContainsRune(pt, '\t') &&
		!strings.HasSuffix(pt, ".") && !strings.Contains(low, "minutes") && !strings.Contains(low, "agenda")
}
