package minutesimport

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// leadWord reads the word that opens a list entry ("**NOTED** the
// update"): a decision's word (kind), one outside the vocabulary (held),
// or neither. listed says the entry is in a list after "The OPSG:".
func (p *parser) leadWord(m []string, listed bool) (kind, held string) {
	if m == nil {
		return "", ""
	}
	return p.readWord(m[2], m[1] != "" || m[3] != "", !listed)
}

// readsAsDecision says whether a line opens with a word that reads as a
// decision's in a list after "The OPSG:", in the vocabulary or not.
func (p *parser) readsAsDecision(m []string) bool {
	kind, held := p.leadWord(m, true)
	return kind != "" || held != ""
}

// sentences takes the decisions out of a paragraph ("… OPSG 103. The **OPSG
// APPROVED** the minutes from OPSG 103 as final.") and keeps the rest as
// the minute's text.
func (p *parser) sentences(b *block, norm, prefix string) {
	var rest strings.Builder
	var spans [][2]int // where the decisions are in norm
	last, heldEnd := 0, 0
	var held []string // words outside the vocabulary, kept as text
	for _, mi := range decisionMatches(norm) {
		start := mi[0]
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(norm[:start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue // "Bathe", not "The"
			}
		}
		if strings.HasSuffix(norm[:start], "**") {
			start -= 2 // "**The OPSG NOTED** the update"
		}
		if start < last {
			continue // inside the sentence of the previous decision
		}
		code, word := "", norm[mi[10]:mi[11]]
		if mi[4] >= 0 {
			code = norm[mi[4]:mi[5]]
		}
		if word == code {
			continue
		}
		word, outside := p.readWord(word, mi[8] >= 0 || mi[12] >= 0, false)
		if word == "" && outside == "" || start < heldEnd {
			continue
		}
		if norm[start] == 't' {
			// "After discussion, the Board APPROVED …": the decision is the
			// whole sentence.
			start = sentenceStart(norm, start, max(last, heldEnd))
		}
		end := sentenceEnd(norm, mi[1])
		if outside != "" {
			// A word outside the committee's vocabulary: the sentence
			// stays in the minute, listed for a person to decide.
			p.hold(b, outside, cleanText(norm[start:end]), b.lineAt(start))
			held, heldEnd = append(held, outside), end
			continue
		}
		rest.WriteString(norm[last:start])
		rest.WriteByte(' ')
		// "The Panel NOTED the advice and AGREED that …" holds two.
		from := start
		for _, a := range andWordRE.FindAllStringSubmatchIndex(norm[mi[1]:end], -1) {
			// A second word outside the vocabulary stays in the first
			// decision's words.
			second, _ := p.readWord(norm[mi[1]+a[4]:mi[1]+a[5]], a[2] >= 0 || a[6] >= 0, false)
			if second == "" {
				continue
			}
			cut := mi[1] + a[0]
			p.decide(b, word, cleanText(norm[from:cut]), b.lineAt(from))
			from, word = mi[1]+a[4], second
			if a[2] >= 0 {
				from = mi[1] + a[2]
			}
		}
		p.decide(b, word, cleanText(norm[from:end]), b.lineAt(from))
		spans = append(spans, [2]int{start, end})
		last = end
	}
	if last == 0 {
		p.addText(b, prefix+cleanText(norm), roleText)
		p.boldCaps(b, norm, held)
		return
	}
	rest.WriteString(norm[last:])
	if left := cleanText(rest.String()); hasLetter(left) {
		p.addText(b, prefix+left, roleText)
		p.boldCaps(b, rest.String(), held)
	}
	p.markLines(b, norm, spans)
}

var (
	// "It was RESOLVED that …": a decision in the passive, with no body named.
	itWasRE = regexp.MustCompile(`It\s+was\s+()()()(\*\*)?([A-Z]{3,})\b(\*\*)?`)
	// "… and AGREED that …", a second decision in the sentence of the first.
	andWordRE = regexp.MustCompile(`\s+and\s+(\*\*)?([A-Z]{3,})\b(\*\*)?`)
)

// decisionMatches finds the decisions of a paragraph in both forms, in
// order. Both regexps give the same groups: 2 the body, 4–6 the word.
func decisionMatches(norm string) [][]int {
	all := decisionRE.FindAllStringSubmatchIndex(norm, -1)
	if strings.Contains(norm, "It was") {
		for _, m := range itWasRE.FindAllStringSubmatchIndex(norm, -1) {
			m[4], m[5] = -1, -1
			all = append(all, m)
		}
		slices.SortFunc(all, func(a, b []int) int { return a[0] - b[0] })
	}
	return all
}

// sentenceStart finds where the sentence holding position at begins, not
// before from.
func sentenceStart(s string, at, from int) int {
	for j := at - 1; j > from; j-- {
		if s[j] != ' ' || (s[j-1] != '.' && s[j-1] != '!' && s[j-1] != '?' && s[j-1] != ':') {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if unicode.IsUpper(r) || r == '*' {
			return j + 1
		}
	}
	if from == 0 {
		return 0
	}
	return at
}

// markLines records what each line of a paragraph holding decisions became:
// text if any of its words stayed in the minute, a decision if it lies
// within one, and unrecognised if it is neither (a stray "0" beside a
// decision).
func (p *parser) markLines(b *block, norm string, spans [][2]int) {
	s := 0
	for k, i := range b.lines {
		from, to := b.offs[k], len(norm)
		if k+1 < len(b.offs) {
			to = b.offs[k+1]
		}
		var outside strings.Builder
		inside := false
		at := from
		for s < len(spans) && spans[s][1] <= from {
			s++
		}
		for t := s; t < len(spans) && spans[t][0] < to; t++ {
			if spans[t][0] > at {
				outside.WriteString(norm[at:spans[t][0]])
			}
			at = max(at, min(spans[t][1], to))
			inside = true
		}
		if at < to {
			outside.WriteString(norm[at:to])
		}
		switch {
		case hasLetter(outside.String()):
			p.mark(i, roleText)
		case inside:
			p.mark(i, roleDecision)
		default:
			p.unrecognised(i)
		}
	}
}

// boldCaps warns of a bold capital word that was not read as a decision
// ("It was **AGREED** that …"): it may be one, not in the committee's voice.
// The words held as text (outside the vocabulary) are noted already.
func (p *parser) boldCaps(b *block, norm string, held []string) {
	if m := boldCapsRE.FindStringSubmatch(norm); m != nil && m[1] != p.doc.Meeting.Committee && !slices.Contains(held, m[1]) {
		p.warn(b.lines[0], "%q is in bold capitals but not in the committee's voice (\"The %s %s …\"); not recorded as a decision", m[1], p.codeOr("OPSG"), m[1])
	}
}

func (p *parser) codeOr(s string) string {
	if c := p.doc.Meeting.Committee; c != "" {
		return c
	}
	return s
}

// decide records a decision of the block. The block's lines are marked
// by the caller: all of them for a decision that is the whole block, line
// by line (markLines) for one among other sentences.
func (p *parser) decide(b *block, kind, text string, line int) {
	it := p.item()
	it.Decisions = append(it.Decisions, Decision{Kind: kind, Text: text, Paragraph: b.para, Letter: b.letter, Line: line})
}

// decideAll records a decision that is the whole block.
func (p *parser) decideAll(b *block, kind, text string) {
	p.decide(b, kind, text, b.lines[0])
	for _, i := range b.lines {
		p.mark(i, roleDecision)
	}
}

// sentenceEnd finds the end of the sentence that runs on at from: a full
// stop followed by the end or by a capital, so that "99.13%" and "e.g. the"
// do not end it.
func sentenceEnd(s string, from int) int {
	for j := from; j < len(s); j++ {
		if c := s[j]; c != '.' && c != '!' && c != '?' {
			continue
		}
		k := j + 1
		for k < len(s) && strings.IndexByte("*\"')’”", s[k]) >= 0 {
			k++
		}
		if k == len(s) {
			return k
		}
		if s[k] != ' ' {
			continue
		}
		n := k
		for n < len(s) && s[n] == ' ' {
			n++
		}
		r, _ := utf8.DecodeRuneInString(s[n:])
		if n == len(s) || unicode.IsUpper(r) || r == '*' || r == '(' || r == '-' {
			return k
		}
	}
	return len(s)
}
