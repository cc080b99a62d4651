package minutesimport

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// decisionWord says whether the word that opens a list entry is a decision
// ("**NOTED** the update"). Under "The OPSG:" any bold capital word is one,
// and so is a plain capital word in -ED; elsewhere the word must be both.
func (p *parser) decisionWord(m []string, listed bool) string {
	if m == nil || m[2] == p.doc.Meeting.Committee {
		return ""
	}
	word := m[2]
	bold := m[1] != "" || m[3] != ""
	ed := len(word) >= 4 && strings.HasSuffix(word, "ED")
	if (bold && (listed || ed)) || (listed && ed) {
		return word
	}
	return ""
}

// sentences takes the decisions out of a paragraph ("… OPSG 103. The **OPSG
// APPROVED** the minutes from OPSG 103 as final.") and keeps the rest as
// the minute's text.
func (p *parser) sentences(b *block, norm, prefix string) {
	var rest strings.Builder
	var spans [][2]int // where the decisions are in norm
	last := 0
	for _, mi := range decisionRE.FindAllStringSubmatchIndex(norm, -1) {
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
		code, word := norm[mi[4]:mi[5]], norm[mi[10]:mi[11]]
		bold := mi[8] >= 0 || mi[12] >= 0
		if word == code || !(bold || len(word) >= 4 && strings.HasSuffix(word, "ED")) {
			continue
		}
		end := sentenceEnd(norm, mi[1])
		rest.WriteString(norm[last:start])
		rest.WriteByte(' ')
		p.decide(b, word, cleanText(norm[start:end]), b.lineAt(start))
		spans = append(spans, [2]int{start, end})
		last = end
	}
	if last == 0 {
		p.addText(b, prefix+cleanText(norm), roleText)
		p.boldCaps(b, norm)
		return
	}
	rest.WriteString(norm[last:])
	if left := cleanText(rest.String()); hasLetter(left) {
		p.addText(b, prefix+left, roleText)
		p.boldCaps(b, rest.String())
	}
	p.markLines(b, norm, spans)
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
func (p *parser) boldCaps(b *block, norm string) {
	if m := boldCapsRE.FindStringSubmatchIndex(norm); m != nil && norm[m[2]:m[3]] != p.doc.Meeting.Committee {
		p.warn(b.lines[0], "%q is in bold capitals but not in the committee's voice (\"The %s %s …\"); not recorded as a decision", norm[m[2]:m[3]], p.codeOr("OPSG"), norm[m[2]:m[3]])
	}
}

func (p *parser) codeOr(s string) string {
	if c := p.doc.Meeting.Committee; c != "" {
		return c
	}
	return s
}

func (p *parser) decide(b *block, kind, text string, line int) {
	it := p.item()
	it.Decisions = append(it.Decisions, Decision{Kind: kind, Text: text, Line: line})
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
