package minutesimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	headingRE = regexp.MustCompile(`^(?:(?i:agenda\s+)?(?i:item)\s+)?(\d{1,2})(?:\.(\d{1,2}))?([.):]|\s*[-–—:])?([ \t]+)([^\t]+)$`)
	// minuteRE is a heading numbered by minute: "Minute 26/041 – Welcome".
	minuteRE = regexp.MustCompile(`^(?i:minute)s?\s+(\d{1,4})/(\d{1,4})\s*[-–—:.]?\s+(\S.*)$`)
	// itemClassRE is an item's own classification in its title.
	itemClassRE = regexp.MustCompile(`\s*[(\[]\s*(?i:classification|classified|tlp)\s*[:\-–]?\s*(?i:as\s+)?((?i:red|amber|green|clear))\s*[)\]]\s*$`)
)

// minuteHeading reads "Minute 26/041 – Welcome, quorum and declarations":
// the minutes of bodies that number their minutes through the year. Each
// number follows on from the last.
func (p *parser) minuteHeading(i int, pt string) bool {
	m := minuteRE.FindStringSubmatch(pt)
	if m == nil || strings.HasSuffix(m[3], ".") {
		return false
	}
	if p.cur >= 0 {
		prev := p.doc.Items[p.cur].Number
		year, seq, ok := strings.Cut(prev, "/")
		if !ok || year != m[1] || atoi(m[2]) != atoi(seq)+1 {
			return false
		}
	}
	p.openItem(i, m[1]+"/"+m[2], cleanText(m[3]))
	p.lastTop, p.lastSub = 0, 0
	return true
}

// openItem starts an item.
func (p *parser) openItem(i int, number, title string) {
	p.flush()
	p.endList()
	p.endSide()
	p.table, p.lastOut = nil, -1
	p.sec = inItems
	it := Item{Number: number, Title: title, Line: i, Classification: p.partClass}
	if c := itemClassRE.FindStringSubmatch(title); c != nil {
		it.Title = strings.TrimSpace(title[:len(title)-len(c[0])])
		it.Classification = strings.ToUpper(c[1])
	}
	p.doc.Items = append(p.doc.Items, it)
	p.texts = append(p.texts, &strings.Builder{})
	p.cur = len(p.doc.Items) - 1
	p.lastTextEnd, p.lastTextKind = 0, noBlock
	p.paraNum, p.paraSeq, p.lastItemLine = "", 0, i
	p.mark(i, roleItem)
}

// heading recognises an agenda item heading: "5. Title", "5.1. Title",
// "5.3 Title". Numbers must follow on from the previous heading, which is
// what tells "2. Actions Outstanding" from a numbered list or a figure
// inside a minute.
func (p *parser) heading(i int) bool {
	pt := strings.TrimSpace(p.lines[i].plain)
	if p.minuteHeading(i, pt) {
		return true
	}
	m := headingRE.FindStringSubmatch(pt)
	if m == nil {
		return false
	}
	sep, gap, title := m[3], m[4], cleanText(m[5])
	if sep == "" && strings.ContainsRune(gap, '\t') {
		return false // "1<tab>Name" is a table row
	}
	if len(title) > 600 || utf8.RuneCountInString(title) > 150 || !hasLetter(title) || strings.ContainsAny(title[len(title)-1:], ".;,") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(title); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if _, start, _, ok := findDate(pt); ok && start == 0 {
		return false // "1 November 2023, 10:00" is a date line
	}
	top, sub := atoi(m[1]), -1
	if m[2] != "" {
		sub = atoi(m[2])
	}
	spaced := p.lines[i-1].blank && (i+1 >= len(p.lines) || p.lines[i+1].blank)
	switch {
	case sub < 0 && p.cur < 0:
		// The first heading must look like one: "1 Canada Square" is an
		// address, but after the attendance "1 Minutes and Actions" is not.
		low := strings.ToLower(pt)
		if top > 1 || (sep == "" && p.sec == inHeader && !strings.HasPrefix(low, "item") && !strings.HasPrefix(low, "agenda")) {
			return false
		}
		p.dotless = sep == ""
	case sub < 0 && p.dotless && sep == ".":
		return false // "7. Corvane presented …": a paragraph, where items are "3 Title"
	case sub < 0 && top == p.lastTop+1:
	case sub < 0 && top > p.lastTop+1 && top <= p.lastTop+3 && spaced:
		p.warn(i, "item %d follows item %d: items %d–%d are missing or were not recognised", top, p.lastTop, p.lastTop+1, top-1)
	case sub < 0:
		return false
	case p.cur < 0 || top != p.lastTop:
		return false
	case sub == p.lastSub+1:
	case sub > p.lastSub+1 && sub <= p.lastSub+3 && spaced:
		p.warn(i, "item %d.%d follows item %d.%d: sub-items are missing or were not recognised", top, sub, top, p.lastSub)
	default:
		return false
	}
	number := m[1]
	if sub >= 0 {
		number += "." + m[2]
		p.lastSub = sub
	} else {
		p.lastTop, p.lastSub = top, 0
	}
	p.openItem(i, number, title)
	return true
}

var (
	nextStartRE = regexp.MustCompile(`(?i)^(?:the\s+)?(?:dates?\s+of\s+(?:the\s+)?)?next\s`)
	// nextLeadRE is what a segment says before its date: "Next Main
	// Meeting:", "Extraordinary Meeting –", "Meeting 62 –", "Main:".
	nextLeadRE   = regexp.MustCompile(`(?i)^(?:the\s+)?(?:dates?\s+of\s+(?:the\s+)?)?(?:next\s+)?(?:(?:main|reporting|extraordinary|ordinary|scheduled|planned|special)\b\s*)*(?:meetings?(?:\s+dates?)?)?(?:\s*\(?\s*meeting\s+\d{1,4}\s*\)?)?\s*(?:[:–—-]|\bwill\s+be\s+held\b|\bis\b|\bon\b)?\s*`)
	nextKindRE   = regexp.MustCompile(`(?i)\b(main|reporting|extraordinary|special)\b`)
	nextNumberRE = regexp.MustCompile(`(?i)\bmeeting\s+(\d{1,4})\b`)
	// What may surround a date without saying anything more.
	dateNoiseRE = regexp.MustCompile(`(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|[\s.,;:()–—-]+`)
	// venueNoiseRE is what surrounds a venue in a sentence.
	venueNoiseRE = regexp.MustCompile(`(?i)\b(?:will\s+be\s+held|held|starting|start(?:s|ing)?|from|at|on|by|via|in|and|from|to|until)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)
)

// nextMeetings reads the meetings the minutes end with: "Next Main
// Meeting: 14 November 2023; Next Reporting Meeting: 27 November 2023",
// "Next meetings: Extraordinary Meeting – Wednesday 23 September 2026,
// 10:30, video conference; Meeting 62 – …", "Dates of next meetings – Main:
// … | Reporting: …", and sentences: "The next meeting will be held on
// Thursday 21 May 2026 at Calder House, Leeds, starting at 10:00." A
// sentence stays in the minute as well; a line of dates does not.
func (p *parser) nextMeetings(i int) bool {
	pt := paraPrefixRE.ReplaceAllString(strings.TrimSpace(p.lines[i].plain), "")
	if !nextStartRE.MatchString(pt) {
		return false
	}
	low := strings.ToLower(pt)
	sentence := strings.Contains(low, " will ") || strings.HasPrefix(low, "the next") || strings.Contains(low, " is to be ")
	var found []NextMeeting
	whole := true
	for seg := range strings.FieldsFuncSeq(pt, func(r rune) bool { return r == ';' || r == '|' }) {
		seg = strings.TrimSpace(seg)
		iso, start, end, ok := findDate(seg)
		if !ok {
			if hasLetter(nextLeadRE.ReplaceAllString(seg, "")) {
				whole = false
			}
			continue
		}
		n := NextMeeting{Kind: "main", Date: iso}
		head := seg[:start]
		if k := nextKindRE.FindStringSubmatch(head); k != nil {
			n.Kind = strings.ToLower(k[1])
			if n.Kind == "special" {
				n.Kind = "extraordinary"
			}
		}
		if m := nextNumberRE.FindStringSubmatch(head); m != nil {
			n.Number = atoi(m[1])
		}
		rest := seg[end:]
		pre := head
		for k := 0; k < 3; k++ {
			pre = strings.TrimSpace(nextLeadRE.ReplaceAllString(pre, ""))
		}
		if pre = weekdayTailRE.ReplaceAllString(pre, ""); hasLetter(pre) {
			rest = pre + ", " + rest // "held at X on DATE"
		}
		times, spans := findTimes(rest)
		if len(times) > 0 {
			n.Start = times[0]
			for k := len(spans) - 1; k >= 0; k-- {
				rest = rest[:spans[k][0]] + "," + rest[spans[k][1]:]
			}
		}
		var venue []string
		for part := range strings.SplitSeq(rest, ",") {
			part = strings.TrimSpace(venueNoiseRE.ReplaceAllString(part, " "))
			part = strings.Trim(cleanText(part), " .()")
			if hasLetter(part) {
				venue = append(venue, part)
			}
		}
		n.Venue = strings.Join(venue, ", ")
		found = append(found, n)
	}
	if len(found) == 0 {
		return false
	}
	p.doc.NextMeetings = append(p.doc.NextMeetings, found...)
	if sentence || !whole {
		return false // the line stays in the minute, where it says more
	}
	p.flush()
	p.endList()
	p.table = nil
	p.mark(i, roleNext)
	return true
}
