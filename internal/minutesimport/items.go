package minutesimport

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

type blockKind int

const (
	noBlock blockKind = iota
	paraBlock
	bulletBlock
	actionBlock
	rowBlock
)

// block is a paragraph, list entry or action being gathered. Text copied
// from a PDF breaks a paragraph over several lines; the block joins them and
// remembers where each line starts, to give a decision found in the middle
// the right line number.
type block struct {
	kind       blockKind
	lines      []int
	offs       []int
	buf        strings.Builder
	afterBlank int // the last blank line before the block
	// para is the number of the paragraph the block is in; letter its
	// letter in a lettered list.
	para, letter string
	// extra are the lines under an action that say more of it ("Update:
	// …", "Carried forward"), kept out of its text.
	extra []string
}

func (b *block) lineAt(off int) int {
	k := sort.Search(len(b.offs), func(k int) bool { return b.offs[k] > off })
	return b.lines[max(k-1, 0)]
}

var (
	actionRE = regexp.MustCompile(`^((?i:new\s+)?(?i:action))s?\s*(?:(?i:ref(?:erence)?)\.?\s*)?(?:([A-Z][A-Z0-9]{1,15})\s*)?(\d{1,4}/\d{1,3}|\d{3,4})\s*([:.–—-]?)\s*(.*)$`)
	// "The OPSG:" introduces a list of decisions.
	introRE = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,2})?\.?\s+)?The\s+([A-Z][A-Za-z0-9&]{1,20})\s*:$`)
	// "The OPSG **NOTED** …", "The **OPSG APPROVED** …", "The TABASC AGREED …".
	// It begins with a literal, which lets the regexp package skip to each
	// "The" instead of trying every position of a long paragraph.
	decisionRE = regexp.MustCompile(`[Tt]he\s+(\*\*)?([A-Z][A-Z0-9&]{1,15}|[A-Z][a-z]{2,20})(\*\*)?\s+(\*\*)?([A-Z]{3,})\b(\*\*)?`)
	leadWordRE = regexp.MustCompile(`^(\*\*)?([A-Z]{3,})\b(\*\*)?`)
	boldCapsRE = regexp.MustCompile(`\*\*\s*([A-Z]{3,})\s*\*\*`)
	riskRE     = regexp.MustCompile(`^([A-Z][A-Z0-9]{1,15}-\d{1,4})\s*[:–—-]\s*(.+)$`)
	severityRE = regexp.MustCompile(`(?i)\(\s*(?:risk\s+)?severity(?:\s+(?:rating|score))?\s*[:=]?\s*(\d{1,3})\s*[-–—,:]?\s*([a-z]+(?:\s[a-z]+)?)?\s*\)`)
	ownerRE    = regexp.MustCompile(`^(?:The\s+)?(\S.{0,60}?)\s+to\s+\S`)
)

// actionMatch recognises "ACTION 105/01: The DCC to …". A lower-case
// "Action" must be followed by a colon or dash, so that "Action 105/01 was
// closed" stays a sentence.
func actionMatch(pt string) []string {
	pt = strings.TrimPrefix(pt, "- ")
	m := actionRE.FindStringSubmatch(pt)
	if m == nil {
		if b := bareActionRE.FindStringSubmatch(pt); b != nil && ownerRE.MatchString(b[1]) {
			return []string{pt, "Action", "", "", ":", b[1]}
		}
		return nil
	}
	if (m[1] != "ACTION" && m[4] == "") || (!strings.Contains(m[3], "/") && m[4] == "") {
		return nil
	}
	return m
}

// itemLine reads a line of a minute.
func (p *parser) itemLine(i int) {
	l := &p.lines[i]
	t := strings.TrimSpace(l.norm)
	pt := strings.TrimSpace(l.plain)
	pipe := pipeRowRE.MatchString(pt)
	if strings.ContainsRune(l.norm, '\t') || pipe || (p.table != nil && statusRowRE.MatchString(pt)) {
		cells := splitCells(l.plain)
		if pipe {
			cells = pipeCells(pt)
		}
		p.tableRow(i, cells)
		return
	}
	if p.diary != nil {
		if p.diaryLine(i) {
			p.flush()
			p.start(i, rowBlock, cleanText(pt))
			p.flush()
			return
		}
		p.diary = nil
	}
	if d := diaryHead(l.plain); d != nil {
		p.flush()
		p.endList()
		p.diary = d
		p.start(i, rowBlock, cleanText(pt))
		p.flush()
		return
	}
	if p.loose != nil {
		if p.looseLine(i, pt) {
			p.flush()
			return
		}
		p.loose = nil
	}
	if kind := looseHead(pt); kind != "" {
		p.flush()
		p.endList()
		p.loose = &looseTable{kind: kind, out: -1, risk: -1}
		p.mark(i, roleHeading)
		return
	}
	if p.caption(i, pt) {
		return
	}
	p.table = nil
	if p.partNote(i) {
		return
	}
	p.closingTime(i, pt)
	if num, rest, ok := p.paragraphNumber(pt); ok {
		p.takeParagraph(num)
		pt = rest // matched without its number; the minute keeps it
	}
	if m := letterRE.FindStringSubmatch(pt); m != nil && (p.intro != 0 || p.lastLetter != "") {
		p.flush()
		p.start(i, bulletBlock, "- "+strings.TrimSpace(letterRE.ReplaceAllString(t, "$2")))
		p.blk.letter, p.lastLetter = m[1], m[1]
		return
	}
	p.lastLetter = ""
	switch {
	case actionMatch(pt) != nil:
		p.flush()
		p.endList()
		p.start(i, actionBlock, t)
	case introRE.MatchString(pt):
		p.flush()
		p.endList()
		p.intro, p.introUsed, p.introEmitted, p.introAfterBlank = i, false, false, p.lastBlank
		p.mark(i, roleIntro)
	case strings.HasPrefix(t, "- "):
		p.flush()
		p.start(i, bulletBlock, t)
	case p.intro != 0 && p.readsAsDecision(leadWordRE.FindStringSubmatch(t)):
		// A list of decisions whose bullets were lost.
		p.flush()
		p.start(i, paraBlock, t)
	case p.blk != nil && p.blk.kind != paraBlock && startsDecision(t):
		// Without blank lines (text from a PDF) a decision after an
		// action or list entry would otherwise be read as its last line.
		p.flush()
		p.start(i, paraBlock, t)
	case p.blk != nil && p.blk.kind == actionBlock && (extraLineRE.MatchString(pt) || actionStatusRE.MatchString(pt) && len(pt) <= 40):
		// "Update: …", "Owner: …", "Target: …" or "Carried forward" under
		// an action.
		p.blk.lines = append(p.blk.lines, i)
		p.blk.offs = append(p.blk.offs, p.blk.buf.Len())
		p.blk.extra = append(p.blk.extra, pt)
	case p.blk != nil && p.blk.kind == actionBlock && strings.HasSuffix(strings.TrimSpace(p.blk.buf.String()), ".") && startsUpper(pt) && len(p.blk.lines) > 0:
		// Without blank lines, a sentence after an action's full stop is
		// not part of it ("Adaeze Ilori left the meeting.").
		p.flush()
		p.start(i, paraBlock, t)
	case p.blk != nil:
		p.add(i, t)
	default:
		p.start(i, paraBlock, t)
	}
}

// tableRow reads a row of a table with its cells: the heading of the
// actions outstanding, one of its rows, or the row of some other table,
// which stays in the minute.
func (p *parser) tableRow(i int, cells []string) {
	if cols, ok := outstandingColumns(cells); ok {
		p.flush()
		p.endList()
		p.table = &outTable{cols: cols}
		p.mark(i, roleHeading)
		return
	}
	if p.table != nil {
		p.flush()
		p.outstandingRow(i, cells)
		return
	}
	// Some other table: kept in the text, a row to a line.
	p.flush()
	p.endList()
	var kept []string
	for _, c := range cells {
		if c != "" {
			kept = append(kept, c)
		}
	}
	p.start(i, rowBlock, strings.Join(kept, " | "))
	p.flush()
}

// startsDecision reports whether a line opens with "The OPSG **NOTED**".
func startsDecision(t string) bool {
	t = strings.TrimPrefix(t, "**")
	m := decisionRE.FindStringSubmatchIndex(t)
	return m != nil && m[0] == 0 && (m[8] >= 0 || m[12] >= 0)
}

var paraPrefixRE = regexp.MustCompile(`^\d{1,3}(?:\.\d{1,2})?\.?\s+`)

func (p *parser) start(i int, kind blockKind, s string) {
	b := &block{kind: kind, afterBlank: p.lastBlank, lines: []int{i}, offs: []int{0}, para: p.paraNum}
	b.buf.WriteString(s)
	p.blk = b
}

// add continues the block with the next line of a broken paragraph.
func (p *parser) add(i int, s string) {
	b := p.blk
	prev := b.buf.String()
	r, _ := utf8.DecodeRuneInString(s)
	// "recon-" + "ciliation" was one word broken at the end of a PDF line;
	// "gate-" + "way" may have been hyphenated all along (see joinWrapped).
	hyphen := strings.HasSuffix(prev, "-") && len(prev) > 1 && unicode.IsLetter(rune(prev[len(prev)-2])) && unicode.IsLower(r)
	switch {
	case !hyphen:
		b.buf.WriteByte(' ')
	case dehyphenate(prev, s, p.wordCount):
		b.buf.Reset()
		b.buf.WriteString(prev[:len(prev)-1])
	}
	b.lines = append(b.lines, i)
	b.offs = append(b.offs, b.buf.Len())
	b.buf.WriteString(s)
}

func (p *parser) flush() {
	b := p.blk
	if b == nil {
		return
	}
	p.blk = nil
	if p.cur < 0 {
		// Blocks start only inside items, so this cannot happen; if it
		// did, the lines would still be reported rather than dropped.
		for _, i := range b.lines {
			p.unrecognised(i)
		}
		return
	}
	norm := b.buf.String()
	if !hasLetter(norm) {
		// A line with no letter at all ("------", a stray page number)
		// is not part of a minute.
		for _, i := range b.lines {
			p.unrecognised(i)
		}
		return
	}
	switch b.kind {
	case actionBlock:
		p.action(b, norm)
	case rowBlock:
		p.endList()
		p.addText(b, cleanText(norm), roleText)
	case bulletBlock:
		p.bullet(b, norm)
	case paraBlock:
		p.paragraph(b, norm)
	}
}

func (p *parser) item() *Item { return &p.doc.Items[p.cur] }

// addText appends a paragraph, list entry or table row to the current
// item's text and records its lines as consumed.
func (p *parser) addText(b *block, s, role string) {
	w := p.texts[p.cur]
	if w.Len() > 0 {
		// Entries of one list, and rows of one table, stay together.
		if b.kind == p.lastTextKind && (b.kind == bulletBlock || b.kind == rowBlock) && b.afterBlank <= p.lastTextEnd {
			w.WriteString("\n")
		} else {
			w.WriteString("\n\n")
		}
	}
	w.WriteString(s)
	p.lastTextEnd, p.lastTextKind = b.lines[len(b.lines)-1], b.kind
	for _, i := range b.lines {
		p.mark(i, role)
	}
}

func (p *parser) action(b *block, norm string) {
	s := cleanText(norm)
	m := actionMatch(s)
	if m == nil { // the block was started by actionMatch, so this is defensive
		p.addText(b, s, roleText)
		return
	}
	if p.reviewedAction(b, m, b.extra) {
		return
	}
	a := Action{Ref: m[3], Text: m[5], Paragraph: b.para, Line: b.lines[0]}
	a.Target, a.Text = actionTarget(a.Text)
	for _, e := range b.extra {
		if x := extraLineRE.FindStringSubmatch(e); x != nil {
			switch strings.ToLower(strings.Fields(x[1])[0]) {
			case "owner":
				a.Owner = cleanText(x[2])
			case "target", "due":
				if iso, ok := cellDate(strings.TrimRight(x[2], ".")); ok {
					a.Target = iso
				}
			}
		}
	}
	if a.Owner != "" {
	} else if o := ownerRE.FindStringSubmatch(a.Text); o != nil && len(strings.Fields(o[1])) <= 6 && startsUpper(o[1]) {
		a.Owner = strings.TrimRight(o[1], ",")
	} else {
		p.warn(a.Line, "action %s does not say who is to act (\"The DCC to …\"); owner left empty", a.Ref)
	}
	if a.Ref == "" {
		// "Action: Finance Director to …" has no reference; minutebook numbers it.
	} else if prev, ok := p.actionRefs[a.Ref]; ok {
		p.warn(a.Line, "action %s was already raised at line %d", a.Ref, prev)
	} else {
		p.actionRefs[a.Ref] = a.Line
	}
	if n := p.doc.Meeting.Number; n != 0 && strings.Contains(a.Ref, "/") && atoi(strings.SplitN(a.Ref, "/", 2)[0]) != n {
		p.warn(a.Line, "action %s is numbered for a meeting other than %d", a.Ref, n)
	}
	if m[2] != "" && p.doc.Meeting.Committee != "" && m[2] != p.doc.Meeting.Committee {
		p.warn(a.Line, "action %s %s names committee %s, not %s", m[2], a.Ref, m[2], p.doc.Meeting.Committee)
	}
	it := p.item()
	it.Actions = append(it.Actions, a)
	for _, i := range b.lines {
		p.mark(i, roleAction)
	}
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func (p *parser) bullet(b *block, norm string) {
	body := strings.TrimPrefix(norm, "- ")
	plain := cleanText(body)
	if p.intro != 0 {
		kind, held := p.leadWord(leadWordRE.FindStringSubmatch(body), true)
		if kind != "" {
			p.decideAll(b, kind, plain)
			p.introUsed = true
			return
		}
		if held != "" {
			p.hold(b, held, plain, b.lines[0])
		}
		p.emitIntro() // the list holds more than decisions; its lead-in is text
	} else if kind, held := p.leadWord(leadWordRE.FindStringSubmatch(body), false); kind != "" {
		p.decideAll(b, kind, plain)
		return
	} else if held != "" {
		p.hold(b, held, plain, b.lines[0])
	}
	if p.intro == 0 && b.letter == "" && p.dashOutstanding(b, plain) {
		return
	}
	prefix := "- "
	if b.letter != "" {
		prefix = "- " + b.letter + ") "
	}
	if p.risk(b, plain) {
		p.addText(b, prefix+plain, roleRisk)
		return
	}
	p.sentences(b, body, prefix)
}

func (p *parser) paragraph(b *block, norm string) {
	if p.intro != 0 {
		kind, held := p.leadWord(leadWordRE.FindStringSubmatch(norm), true)
		if kind != "" {
			p.decideAll(b, kind, cleanText(norm))
			p.introUsed = true
			return
		}
		if held != "" {
			// A list entry in a word outside the vocabulary: text, after
			// the lead-in that introduces it.
			p.emitIntro()
			p.hold(b, held, cleanText(norm), b.lines[0])
			p.addText(b, cleanText(norm), roleText)
			return
		}
		p.endList()
	}
	plain := cleanText(norm)
	if p.risk(b, plain) {
		p.addText(b, plain, roleRisk)
		return
	}
	p.inlineActions(b, plain)
	p.proseOutstanding(b, plain)
	if strings.Contains(plain, "lassified") && classifiedRE.MatchString(plain) {
		p.warn(b.lines[0], "an item's own classification is kept in its text; set the item's classification by hand")
	}
	p.sentences(b, norm, "")
}

// risk reads a risk under review: "OPSG-006: There is a risk … (Severity 20
// – Critical). SECAS advised …". The whole entry stays in the minute's text
// as well, since the comment after the risk is part of the minute.
func (p *parser) risk(b *block, plain string) bool {
	m := riskRE.FindStringSubmatch(plain)
	if m == nil || (!severityRE.MatchString(m[2]) && scoreRE.MatchString(m[2])) {
		return p.riskScored(b, plain)
	}
	r := Risk{Ref: m[1], Text: m[2], Line: b.lines[0]}
	if s := severityRE.FindStringSubmatchIndex(m[2]); s != nil {
		r.Text = strings.TrimSpace(m[2][:s[0]])
		r.Severity = atoi(m[2][s[2]:s[3]])
		if s[4] >= 0 {
			words := strings.Fields(m[2][s[4]:s[5]])
			for k, w := range words {
				words[k] = titleCase(w)
			}
			r.Band = strings.Join(words, " ")
		}
		if r.Severity < 1 || r.Severity > 25 {
			p.warn(r.Line, "risk %s has severity %d, outside 1–25", r.Ref, r.Severity)
		}
	} else {
		p.warn(r.Line, "risk %s gives no severity (\"(Severity 20 – Critical)\")", r.Ref)
	}
	it := p.item()
	it.Risks = append(it.Risks, r)
	p.doc.Risks = append(p.doc.Risks, r)
	return true
}

// endList ends a list of decisions. A lead-in ("The OPSG:") that introduced
// no decision is an ordinary paragraph after all.
func (p *parser) endList() {
	if p.intro == 0 {
		return
	}
	if !p.introUsed {
		p.emitIntro()
	}
	p.intro = 0
}

func (p *parser) emitIntro() {
	if p.intro == 0 || p.introEmitted {
		return
	}
	b := &block{kind: paraBlock, lines: []int{p.intro}, offs: []int{0}, afterBlank: p.introAfterBlank}
	p.addText(b, cleanText(p.lines[p.intro].plain), roleText)
	p.introEmitted = true
}
