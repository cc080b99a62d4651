package minutesimport

import (
	"regexp"
	"slices"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Options are what the caller knows of a document before it is read.
type Options struct {
	// Committee is the code of the committee the minutes are imported
	// into, and Number the meeting's, when the caller says so (the
	// committee whose page the document was uploaded to, the --committee
	// and --number flags): the warnings about a document that names
	// neither then say what it is read as instead.
	Committee string
	Number    int
	// DecisionWords are the committee's decision words, its vocabulary: a
	// decision is read only in one of them. A word outside them where a
	// decision's word stands ("The Panel SUPPORTED the proposal.") is
	// kept as text of the item and listed as a Decision with Word set,
	// for a person to make it a decision in a word of the vocabulary.
	//
	// Nil when no committee is known (a dry run): decisions are then read
	// in mb.DefaultDecisionVocabulary and any word the document writes in
	// bold capitals, and the Document says so (WordsAssumed).
	DecisionWords []string
}

var (
	boldSpanRE = regexp.MustCompile(`\*\*([^*]{1,200})\*\*`)
	capsWordRE = regexp.MustCompile(`\b[A-Z]{3,}\b`)
)

// vocabulary returns the words decisions are read in: the committee's,
// or, when none are given, the default, with the capital words the
// document writes in bold ("**ENDORSED**") as bold, which are its own.
func vocabulary(text string, given []string) (words, bold map[string]bool) {
	words = map[string]bool{}
	for _, w := range given {
		words[strings.ToUpper(strings.TrimSpace(w))] = true
	}
	if len(words) > 0 {
		return words, nil
	}
	for _, w := range mb.DefaultDecisionVocabulary {
		words[w] = true
	}
	bold = map[string]bool{}
	if strings.Contains(text, "**") {
		for _, span := range boldSpanRE.FindAllStringSubmatch(text, -1) {
			for _, w := range capsWordRE.FindAllString(span[1], -1) {
				bold[w] = true
			}
		}
	}
	return words, bold
}

// readWord says what a capital word where a decision's word stands is:
// kind, a word of the vocabulary; held, a word outside it that reads as
// one, which is kept as text; or neither. A word reads as a decision's by
// its place and look, as minutes write them: strict (a list entry with no
// "The Panel:" above it) wants it in bold and ending in -ED, otherwise
// either will do; a word of the committee's vocabulary counts as ending
// in -ED, so that a committee deciding in "NOTE" is read.
func (p *parser) readWord(word string, bold, strict bool) (kind, held string) {
	if word == "" || word == p.doc.Meeting.Committee {
		return "", ""
	}
	given := p.vocab[word]
	ed := given || len(word) >= 4 && strings.HasSuffix(word, "ED")
	if strict && !(bold && ed) || !strict && !(bold || ed) {
		return "", ""
	}
	if given || p.boldWords[word] {
		return word, ""
	}
	return "", word
}

// hold records a sentence in a word outside the vocabulary that reads as
// a decision: its words stay in the item's text (the caller puts them
// there), and the item lists it for a person to make it one.
func (p *parser) hold(b *block, word, text string, line int) {
	it := p.item()
	it.Decisions = append(it.Decisions, Decision{Word: word, Text: text, Paragraph: b.para, Letter: b.letter, Line: line})
}

// decisionWords lists the words the document was read in, for the
// Document: the committee's in their order, or, when assumed, the default
// and the document's own words it used.
func (p *parser) decisionWords(given []string) []string {
	if p.boldWords == nil {
		return slices.Clone(given)
	}
	words := slices.Clone(mb.DefaultDecisionVocabulary)
	for _, it := range p.doc.Items {
		for _, d := range it.Decisions {
			if d.Kind != "" && !slices.Contains(words, d.Kind) {
				words = append(words, d.Kind)
			}
		}
	}
	return words
}
