package minutesimport

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the input with the cleaned forms the parser matches on.
type line struct {
	raw   string // as read, for Unrecognised
	norm  string // markup tags, entities and bullet glyphs cleaned; ** kept, because bold marks decisions
	plain string // norm without emphasis markers
	blank bool
}

var (
	// Text pasted from PDF or HTML carries stray inline tags such as
	// "(<i>Agenda Item 5</i>)". Only formatting tags are removed, so that
	// "failure rate of >90%" survives.
	tagRE = regexp.MustCompile(`(?i)</?(?:i|b|u|s|em|strong|span|font|sup|sub|small|mark|br|p|div)(?:\s[^<>]{0,200})?\s*/?>`)
	// "[Change to Operational Metrics](#)" is a link whose target was lost.
	emptyLinkRE = regexp.MustCompile(`\[([^\[\]\n]{1,300})\]\(#?\)`)
)

// bulletGlyphs are the characters word processors and PDF extraction put in
// front of list entries; U+F0B7 and U+F0A7 are Symbol-font bullets.
const bulletGlyphs = "•◦▪▫●○■□·‣⁃∙\uf0b7\uf0a7"

func newLine(raw string) line {
	n := normalise(raw)
	p := strings.ReplaceAll(n, "*", "")
	return line{raw: raw, norm: n, plain: p, blank: strings.TrimSpace(p) == ""}
}

func normalise(s string) string {
	if strings.IndexByte(s, '<') >= 0 {
		s = tagRE.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, "](") {
		s = emptyLinkRE.ReplaceAllString(s, "$1")
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2002', '\u2003', '\u2007', '\u2009', '\u202f':
			return ' '
		case '\u200b', '\ufeff', '\u00ad':
			return -1
		}
		return r
	}, s)
	return bullet(strings.TrimRight(s, " "))
}

// bullet rewrites a list entry's glyph as "- ", so that lists look the same
// whichever tool produced the text.
func bullet(s string) string {
	t := strings.TrimLeft(s, " \t")
	r, size := utf8.DecodeRuneInString(t)
	rest := t[size:]
	switch {
	case strings.ContainsRune(bulletGlyphs, r):
	case (r == '-' || r == '–' || r == '—' || r == '*') && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t")):
	default:
		return s
	}
	rest = strings.TrimLeft(rest, " \t")
	// A tab after the entry's text means a table row whose first cell
	// begins with a dash, not a list entry.
	if rest == "" || strings.ContainsRune(rest, '\t') {
		return s
	}
	return "- " + rest
}

// cleanText drops emphasis markers and folds runs of white space, for text
// that is stored rather than matched.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "*", "")
	return strings.Join(strings.Fields(s), " ")
}

// splitCells splits a table row into trimmed cells. Tabs separate cells; a
// row without tabs, as some PDF extractors give, may use runs of three or
// more spaces instead, and leading white space then stands for an empty
// first cell.
func splitCells(s string) []string {
	var cells []string
	switch {
	case strings.ContainsRune(s, '\t'):
		cells = strings.Split(s, "\t")
	case strings.Contains(strings.TrimSpace(s), "   ") || strings.HasPrefix(s, "  "):
		lead := strings.HasPrefix(s, "  ")
		cells = wideGapRE.Split(strings.TrimSpace(s), -1)
		if lead {
			cells = append([]string{""}, cells...)
		}
	default:
		return []string{strings.TrimSpace(s)}
	}
	for i, c := range cells {
		cells[i] = strings.Join(strings.Fields(c), " ")
	}
	return cells
}

var wideGapRE = regexp.MustCompile(` {3,}`)

// hasLetter reports whether s contains a letter at all; lines without one
// are never prose.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// titleCase writes "CLOSED" or "closed" as "Closed".
func titleCase(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + strings.ToLower(s[size:])
}

// nonEmpty counts the cells that hold something.
func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}
