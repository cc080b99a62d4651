package minutesimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tables as other tools leave them: rows between "|" bars, columns aligned
// with spaces (read by the positions of the heading's words), and tables
// whose cells a PDF extractor ran together with single spaces, read from
// what their cells hold (a reference first, dates and a status last).

var (
	pipeRowRE = regexp.MustCompile(`^\|.*\|\s*$`)
	// captionRE is a table's caption or a heading over it: "Actions",
	// "Action Table (as at 12 May 2026)", "Appendix 1".
	captionRE  = regexp.MustCompile(`^(?i:(?:appendix|annex|annexe)\s+\w{1,4}\b.{0,60}|actions?(?:\s+(?:log|table|list|register|outstanding|tracker))?(?:\s*\(.{0,40}\))?)$`)
	appendixRE = regexp.MustCompile(`^(?i:appendix|annex|annexe)\s+\w{1,4}\b`)
	// looseRefRE opens a row of a run-together table: "SDAC 21/03 …".
	looseRefRE = regexp.MustCompile(`^((?:[A-Z][A-Z0-9]{1,15}\s+)?\d{1,4}/\d{1,3})\s+(\S.*)$`)
	// looseTailRE closes it: dates, then a status.
	looseTailRE = regexp.MustCompile(`^(.*?)((?:\s+\d{1,2}/\d{1,2}/\d{2,4}){0,3})\s+((?i:open|closed|complete|completed|carried\s+forward|pending|ongoing|in\s+progress|superseded|withdrawn|deferred|new))$`)
	// looseRiskRE is a row of a run-together risk table: "SDAC-R04 There is
	// a risk … 4 5 20 – Critical".
	looseRiskRE    = regexp.MustCompile(`^([A-Z][A-Z0-9]*-[A-Z]{0,2}\d{1,4})\s+(.+?)\s+([1-5])\s+([1-5])\s+(\d{1,2})(?:\s*[-–—]\s*([A-Za-z]+(?:\s[A-Za-z]+)?))?$`)
	looseHeadWords = map[string]bool{"ref": true, "ref.": true, "action": true, "owner": true, "original": true, "target": true, "revised": true,
		"status": true, "date": true, "raised": true, "due": true, "description": true, "risk": true, "likelihood": true, "impact": true,
		"severity": true, "score": true, "rating": true}
)

// pipeCells splits "| 0203 | 10/03/26 | … |" into its cells.
func pipeCells(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "|"), "|")
	cells := strings.Split(s, "|")
	for k, c := range cells {
		cells[k] = cleanText(c)
	}
	return cells
}

// nextNonBlank returns the line after i that holds something, 0 if none.
func (p *parser) nextNonBlank(i int) int {
	for j := i + 1; j < len(p.lines); j++ {
		if !p.lines[j].blank {
			return j
		}
	}
	return 0
}

// caption reads a heading over a table ("Actions", "Appendix 1", "Action
// Table (as at 12 May 2026)"): structure, not minute.
func (p *parser) caption(i int, pt string) bool {
	if !captionRE.MatchString(pt) {
		return false
	}
	if appendixRE.MatchString(pt) {
		p.appendix = true
	} else if j := p.nextNonBlank(i); j == 0 || !p.tableHead(j) {
		return false
	}
	p.flush()
	p.endList()
	p.mark(i, roleHeading)
	return true
}

// tableHead reports whether line j opens a table of actions or risks.
func (p *parser) tableHead(j int) bool {
	l := p.lines[j].plain
	var cells []string
	switch {
	case pipeRowRE.MatchString(l):
		cells = pipeCells(l)
	case strings.ContainsRune(l, '\t'):
		cells = splitCells(l)
	default:
		return looseHead(strings.TrimSpace(l)) != ""
	}
	_, ok := outstandingColumns(cells)
	return ok
}

// looseHead says what a run-together heading line heads: "actions" for
// "Ref Action Owner Original Target Revised Target Status", "risks" for
// "Risk Ref Risk Likelihood Impact Severity", "" for neither.
func looseHead(pt string) string {
	words := strings.Fields(strings.ToLower(pt))
	if len(words) < 3 {
		return ""
	}
	has := map[string]bool{}
	for _, w := range words {
		if !looseHeadWords[w] {
			return ""
		}
		has[w] = true
	}
	switch {
	case has["likelihood"] && has["impact"]:
		return "risks"
	case has["ref"] && has["action"] && (has["owner"] || has["status"]):
		return "actions"
	}
	return ""
}

// looseTable is a run-together table being read: what it lists, its
// columns' words in order, and the row being read.
type looseTable struct {
	kind    string // "actions" or "risks"
	revised bool   // it has a revised target date column
	out     int    // index in doc.OutstandingActions of the row being read, -1 for none
	risk    int    // index in doc.Risks of the row being read, -1 for none
	raised  *OutstandingAction
}

// looseLine reads a line of a run-together table. It reports false when
// the line is not part of it, which ends the table.
func (p *parser) looseLine(i int, pt string) bool {
	t := p.loose
	if looseHead(pt) != "" || (t.out < 0 && t.risk < 0 && allHeadWords(pt)) {
		p.mark(i, roleHeading) // the heading, or its second line ("Date Date")
		return true
	}
	r, _ := utf8.DecodeRuneInString(pt)
	switch t.kind {
	case "risks":
		if m := looseRiskRE.FindStringSubmatch(pt); m != nil {
			rk := Risk{Ref: m[1], Text: m[2], Likelihood: atoi(m[3]), Impact: atoi(m[4]), Severity: atoi(m[5]), Band: titleCase(m[6]), Line: i}
			if rk.Likelihood*rk.Impact != rk.Severity {
				p.warn(i, "risk %s: likelihood %d × impact %d is not its severity %d", rk.Ref, rk.Likelihood, rk.Impact, rk.Severity)
			}
			p.addRisk(rk)
			t.risk = len(p.doc.Risks) - 1
			p.mark(i, roleRisk)
			return true
		}
		if t.risk >= 0 && unicode.IsLower(r) {
			p.continueRisk(t.risk, pt)
			p.mark(i, roleRisk)
			return true
		}
	case "actions":
		if m := looseRefRE.FindStringSubmatch(pt); m != nil {
			if tail := looseTailRE.FindStringSubmatch(m[2]); tail != nil {
				p.looseAction(i, m[1], tail)
				return true
			}
		}
		if t.out >= 0 && unicode.IsLower(r) {
			o := &p.doc.OutstandingActions[t.out]
			o.Text = joinWrapped(o.Text, pt, p.wordCount)
			p.mark(i, roleOutstanding)
			return true
		}
	}
	return false
}

func allHeadWords(pt string) bool {
	for _, w := range strings.Fields(strings.ToLower(pt)) {
		if !looseHeadWords[w] {
			return false
		}
	}
	return true
}

// looseAction reads "SDAC 22/01 SDAS to review the thresholds used in the
// data SDAS 30/06/2026 31/08/2026 Open": the reference, the action, its
// owner (the last words before the dates, which the action's own subject
// names), the dates and the status.
func (p *parser) looseAction(i int, ref string, tail []string) {
	body, dates, status := strings.TrimSpace(tail[1]), strings.Fields(tail[2]), statusCase(tail[3])
	text, owner := body, ""
	if own := ownerRE.FindStringSubmatch(body); own != nil && strings.HasSuffix(body, " "+own[1]) {
		text, owner = strings.TrimSpace(strings.TrimSuffix(body, " "+own[1])), own[1]
	} else if k := strings.LastIndexByte(body, ' '); k > 0 {
		text, owner = body[:k], body[k+1:]
	}
	o := OutstandingAction{Ref: ref, Text: text, Owner: owner, Status: status, Line: i}
	for k, d := range dates {
		iso, ok := cellDate(d)
		switch {
		case !ok:
		case k == 0:
			o.Target = iso
		default:
			o.RevisedTarget = iso
		}
	}
	if p.raisedRow(&o) {
		p.loose.out = -1
		p.mark(i, roleActionRow)
		return
	}
	p.addOutstanding(o)
	p.loose.out = len(p.doc.OutstandingActions) - 1
	p.mark(i, roleOutstanding)
}

// joinWrapped joins a cell's next line on, mending a word broken with a
// hyphen at the end of the line ("method-" / "ology"): the hyphen goes when
// the word is whole elsewhere in the document, or when what follows it is
// no word on its own ("ology"); it stays for "gate-" / "way" and
// "Pre-" / "payment".
func joinWrapped(prev, next string, count func(string) int) string {
	prev = strings.TrimRight(prev, " ")
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 || !unicode.IsLetter(rune(prev[len(prev)-2])) {
		return prev + " " + next
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(r) {
		return prev + next
	}
	if dehyphenate(prev, next, count) {
		return prev[:len(prev)-1] + next
	}
	return prev + next
}

// dehyphenate decides whether a hyphen at the end of a line broke a word.
func dehyphenate(prev, next string, count func(string) int) bool {
	head := prev[:len(prev)-1]
	if k := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		head = head[k+1:]
	}
	tail := next
	if k := strings.IndexFunc(tail, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
		tail = tail[:k]
	}
	switch {
	case head == "" || tail == "":
		return false
	case count(head+tail) > 0:
		return true
	case count(head+"-"+tail) > 0:
		return false
	case utf8.RuneCountInString(tail) < 5 || !unicode.IsLower([]rune(head)[0]):
		return false
	}
	return count(tail) < 2 // the continuation itself is one
}

// addRisk records a risk reviewed in the current item.
func (p *parser) addRisk(r Risk) {
	it := p.item()
	it.Risks = append(it.Risks, r)
	p.doc.Risks = append(p.doc.Risks, r)
}

// continueRisk joins the next line of a risk's statement on.
func (p *parser) continueRisk(k int, s string) {
	r := &p.doc.Risks[k]
	r.Text = joinWrapped(r.Text, s, p.wordCount)
	it := p.item()
	for j := range it.Risks {
		if it.Risks[j].Ref == r.Ref && it.Risks[j].Line == r.Line {
			it.Risks[j].Text = r.Text
		}
	}
}

// diaryTable is a table of planned meetings aligned with spaces: "Time /
// Date   Paper Publication Deadline   Venue   Workgroup Programme", each
// meeting over two lines ("10:00 Tuesday" / "09 June 2026").
type diaryTable struct {
	starts      []int // the rune offset where each column begins
	date, venue int   // the columns of the date and the venue, -1 for none
	start       string
	venues      string
}

// diaryHead recognises the heading of such a table.
func diaryHead(raw string) *diaryTable {
	if strings.ContainsRune(raw, '\t') || !wideGapRE.MatchString(strings.TrimSpace(raw)) {
		return nil
	}
	d := &diaryTable{date: -1, venue: -1}
	runes := []rune(raw)
	for k, r := range runes {
		if r != ' ' && (k == 0 || (k >= 2 && runes[k-1] == ' ' && runes[k-2] == ' ')) {
			d.starts = append(d.starts, k)
		}
	}
	for c, cell := range sliceColumns(raw, d.starts) {
		low := strings.ToLower(cell)
		switch {
		case d.date < 0 && strings.Contains(low, "date"):
			d.date = c
		case d.venue < 0 && (strings.Contains(low, "venue") || strings.Contains(low, "location")):
			d.venue = c
		}
	}
	if d.date < 0 || d.venue < 0 || len(d.starts) < 3 {
		return nil
	}
	return d
}

// sliceColumns cuts a line at the columns' offsets.
func sliceColumns(raw string, starts []int) []string {
	runes := []rune(raw)
	out := make([]string, len(starts))
	for c, from := range starts {
		to := len(runes)
		if c+1 < len(starts) {
			to = starts[c+1]
		}
		if from < len(runes) {
			out[c] = strings.TrimSpace(string(runes[from:min(to, len(runes))]))
		}
	}
	return out
}

// diaryLine reads a line of the table: a time waits for its date on the
// next line; a date makes a meeting.
func (p *parser) diaryLine(i int) bool {
	d := p.diary
	cells := sliceColumns(p.lines[i].plain, d.starts)
	first := cells[d.date]
	if first == "" {
		return false
	}
	if v := cells[d.venue]; v != "" {
		d.venues = v
	}
	iso, _, _, ok := findDate(first)
	if !ok {
		times, _ := findTimes(first)
		if len(times) == 0 {
			return false
		}
		d.start = times[0]
		return true
	}
	if times, _ := findTimes(first); len(times) > 0 {
		d.start = times[0]
	}
	p.doc.NextMeetings = append(p.doc.NextMeetings, NextMeeting{Kind: "main", Date: iso, Start: d.start, Venue: d.venues})
	d.start, d.venues = "", ""
	return true
}
