package minutesimport

import (
	"regexp"
	"strconv"
	"strings"
)

// Numbered paragraphs ("5.4 The Chair put the proposal to the vote.", or
// "7. Corvane presented …" where they run on across items), lettered lists
// of decisions ("a) APPROVED the minutes …") and the parts a document is
// divided into ("PART B – CONFIDENTIAL").

var (
	// subParaRE is "5.4 The Chair …": a paragraph of item 5.
	subParaRE = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$`)
	// runParaRE is "7. Corvane presented …": a paragraph numbered on across items.
	runParaRE = regexp.MustCompile(`^(\d{1,3})\.\s+(\S.*)$`)
	// letterRE is "a) APPROVED …", "(b) AGREED …".
	letterRE = regexp.MustCompile(`^\(?([a-z]|[ivx]{1,4})\)\s+(\S.*)$`)
	// partRE is "PART B – CONFIDENTIAL", "Part A: open session".
	partHeadRE = regexp.MustCompile(`^(?i:part)\s+([A-Z]|\d{1,2}|[IVX]{1,4})\s*[-–—:]\s*(.+)$`)
)

// paragraphNumber reads the number a paragraph of the current item begins
// with, and returns the line without it. Paragraph numbers follow on ("5.1",
// "5.2"), which is what tells them from a figure that begins a line.
func (p *parser) paragraphNumber(pt string) (string, string, bool) {
	if p.cur < 0 {
		return "", pt, false
	}
	if m := subParaRE.FindStringSubmatch(pt); m != nil && m[1] == strconv.Itoa(p.lastTop) {
		if n := atoi(m[2]); n == p.paraSeq+1 || (p.paraSeq == 0 && n == 1) {
			return m[1] + "." + m[2], m[3], true
		}
	}
	if p.dotless {
		if m := runParaRE.FindStringSubmatch(pt); m != nil && (atoi(m[1]) == p.paraRun+1 || p.paraRun == 0) {
			return m[1], m[2], true
		}
	}
	return "", pt, false
}

// takeParagraph starts a numbered paragraph: a new block whose decisions
// and actions carry its number.
func (p *parser) takeParagraph(num string) {
	p.flush()
	p.endList()
	if strings.Contains(num, ".") {
		p.paraSeq = atoi(num[strings.IndexByte(num, '.')+1:])
	} else {
		p.paraRun = atoi(num)
	}
	p.paraNum = num
	it := p.item()
	it.Paragraphs = append(it.Paragraphs, num)
}

// partHeading reads "PART B – CONFIDENTIAL": the items after it carry the
// part's classification when it is above the document's.
func (p *parser) partHeading(i int) bool {
	pt := strings.TrimSpace(p.lines[i].plain)
	m := partHeadRE.FindStringSubmatch(pt)
	if m == nil || strings.ToUpper(m[2]) != m[2] && !classAloneRE.MatchString(m[2]) {
		return false
	}
	p.flush()
	p.endList()
	p.endSide()
	if p.sec != inItems {
		p.sec = inItems // a part begins the minute, even before its first item
	}
	p.partClass = ""
	if c, _ := classificationWord(m[2]); c != "" && rank(c) > rank(p.doc.Meeting.Classification) {
		p.partClass = c
		p.warn(i, "the items of part %s are classified %s (%q)", m[1], c, cleanText(m[2]))
	}
	p.partLine = i
	p.mark(i, roleHeading)
	return true
}

// rank orders classifications from the most open.
func rank(c string) int {
	switch c {
	case "CLEAR":
		return 1
	case "GREEN":
		return 2
	case "AMBER":
		return 3
	case "RED":
		return 4
	}
	return 0
}

// partNote reads the sentence under a part's heading, before its first
// item ("Circulated to Panel members and the Secretariat only."), as part
// of that heading.
func (p *parser) partNote(i int) bool {
	if p.partLine == 0 || p.partLine < p.lastItemLine || i-p.partLine > 3 {
		return false
	}
	p.mark(i, roleHeading)
	return true
}
