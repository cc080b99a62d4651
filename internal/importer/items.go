package importer

import (
	"regexp"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

// items nests the document's flat list ("5", "5.1", "5.2") one level, as
// minutebook keeps items, and numbers them in order, as minutebook numbers
// them; a document numbered otherwise is noted item by item.
func (c *converter) items() {
	var tops []mb.ImportedItem
	for k, it := range c.doc.Items {
		in := c.item(k, it)
		parent := subParent(it.Number)
		switch {
		case parent != "" && len(tops) > 0:
			top := &tops[len(tops)-1]
			if parent != writtenNumber(*top) {
				c.note(it.Line, "Sub-item %s follows item %s: it is kept beneath item %s.", it.Number, writtenNumber(*top), writtenNumber(*top))
			}
			in.Number = top.Number + "." + strconv.Itoa(len(top.Children)+1)
			top.Children = append(top.Children, in)
		default:
			if parent != "" {
				c.note(it.Line, "Sub-item %s comes before any item: it is kept as an item of its own.", it.Number)
			}
			in.Number = strconv.Itoa(len(tops) + 1)
			tops = append(tops, in)
		}
	}
	for i := range tops {
		renumbered(c, &tops[i])
		for j := range tops[i].Children {
			renumbered(c, &tops[i].Children[j])
		}
	}
	c.imp.Items = tops
}

// subParent returns "5" for "5.1" (and for "5.1.2", kept one level deep),
// "" for a top-level number.
func subParent(number string) string {
	parent, _, ok := strings.Cut(number, ".")
	if !ok {
		return ""
	}
	return parent
}

func writtenNumber(it mb.ImportedItem) string {
	if it.Written != "" {
		return it.Written
	}
	return it.Number
}

// renumbered notes an item whose number in minutebook differs from the
// document's.
func renumbered(c *converter, it *mb.ImportedItem) {
	if it.Written != "" && it.Written != it.Number {
		c.note(it.Line, "Item %s is item %s in minutebook, which numbers items in order.", it.Written, it.Number)
		return
	}
	it.Written = ""
}

func (c *converter) item(k int, it minutesimport.Item) mb.ImportedItem {
	in := mb.ImportedItem{Written: it.Number, Title: strings.Join(strings.Fields(it.Title), " "), Line: it.Line}
	if it.Classification != "" {
		switch cl, err := mb.ParseClassification(it.Classification); {
		case err != nil:
			c.fe.Add(ClassificationField(k), "Choose the classification of item "+it.Number+".")
		case cl <= c.imp.Classification:
			// "PART B – CONFIDENTIAL" in minutes that are AMBER already.
		default:
			in.Classification = cl
		}
	}
	switch {
	case in.Title == "":
		c.fe.Add(TitleField(k), "Give item "+it.Number+" a title.")
	case len(in.Title) > 300:
		c.fe.Add(TitleField(k), "The title of item "+it.Number+" is too long: 300 characters at most.")
	}
	in.Field = ItemField(k, "title")
	minute := it.Text
	for _, r := range it.Risks {
		ir := mb.ImportedRisk{Reference: strings.ToUpper(r.Ref), Statement: strings.TrimSpace(r.Text),
			Severity: r.Severity, Likelihood: r.Likelihood, Impact: r.Impact, Band: r.Band, Line: r.Line}
		if ir.Severity == 0 && r.Likelihood > 0 && r.Impact > 0 {
			ir.Severity = r.Likelihood * r.Impact
		}
		minute, ir.Entry, ir.Comment = takeRiskEntry(minute, r.Ref)
		in.Risks = append(in.Risks, ir)
	}
	for j, d := range it.Decisions {
		switch {
		case d.Kind == "" && d.Word != "":
			// In a word outside the committee's: the parser kept the
			// sentence in the minute, where the document has it.
			c.note(d.Line, "%s is not one of %s: “%s” is kept as text of item %s. Choose a decision word for it in the preview, or have an administrator add %s to the committee's decision words (on the committee's Edit page) and import the document again.",
				d.Word, c.wordsRead(), clip(d.Text, 60), it.Number, d.Word)
			continue
		case d.Kind == "":
			// Not a decision after all, as a person said: its words stay
			// in the minute.
			minute = strings.TrimSpace(minute + "\n\n" + d.Text)
			continue
		}
		in.Decisions = append(in.Decisions, mb.Decision{Kind: d.Kind, Text: decidedText(d)})
		in.DecisionFields = append(in.DecisionFields, DecisionField(k, j, "kind"))
	}
	for j, a := range it.Actions {
		if strings.TrimSpace(a.Text) == "" {
			continue // not an action after all
		}
		in.Actions = append(in.Actions, c.action(a, ActionField(k, j, "ref")))
	}
	// Lines the parser could not place that a person put in this item.
	for _, u := range c.doc.Unrecognised {
		if u.As == "item "+it.Number {
			minute = strings.TrimSpace(minute + "\n\n" + u.Text)
		}
	}
	in.Minute = strings.TrimSpace(minute)
	return in
}

// DecisionText is what follows the decision's word in the sentence the
// document records, which is what minutebook stores ("The OPSG NOTED the
// update." → "the update"). A sentence with nothing after its word is kept
// whole, so that nothing is lost.
func DecisionText(kind, sentence string) string {
	sentence = strings.Join(strings.Fields(sentence), " ")
	if kind == "" {
		return sentence // not a decision: the sentence as written
	}
	loc := wordRE(kind).FindStringIndex(sentence)
	if loc == nil {
		return strings.TrimSuffix(sentence, ".")
	}
	rest := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sentence[loc[1]:]), "."))
	rest = strings.TrimLeft(rest, ":;,– -")
	// "… from 1 April 2027; and" in a lettered list: the list's joints
	// are not part of the decision.
	for _, tail := range []string{"; and", "; or", ", and", ";", ","} {
		rest = strings.TrimSpace(strings.TrimSuffix(rest, tail))
	}
	if rest == "" {
		return strings.TrimSuffix(sentence, ".")
	}
	return rest
}

func wordRE(kind string) *regexp.Regexp {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(kind) + `\b`)
}

// severityRE finds the end of a risk's severity: "(Severity 20 – Critical)."
var severityRE = regexp.MustCompile(`\(\s*Severity[^)]*\)\s*\.?`)

// takeRiskEntry removes the paragraph or list entry that starts with the
// risk's reference from the minute, and returns it with the comment that
// follows its severity.
func takeRiskEntry(minute, ref string) (rest, entry, comment string) {
	lines := strings.Split(minute, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- "))
		if !strings.HasPrefix(strings.ToUpper(t), strings.ToUpper(ref)) {
			continue
		}
		if after := strings.TrimSpace(t[len(ref):]); !strings.HasPrefix(after, ":") && !strings.HasPrefix(after, "–") && !strings.HasPrefix(after, "-") {
			continue
		}
		entry = strings.TrimSpace(l)
		if loc := severityRE.FindStringIndex(t); loc != nil {
			comment = strings.TrimSpace(t[loc[1]:])
		}
		lines = append(lines[:i:i], lines[i+1:]...)
		return tidyBlankLines(strings.Join(lines, "\n")), entry, comment
	}
	return minute, "", ""
}

// tidyBlankLines leaves at most one blank line between paragraphs, and none
// between the entries of a list, once an entry has been taken out.
func tidyBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i, l := range lines {
		blank := strings.TrimSpace(l) == ""
		if blank && (len(out) == 0 || strings.TrimSpace(out[len(out)-1]) == "") {
			continue
		}
		// A blank line between two list entries was left by the entry taken out.
		if blank && strings.HasPrefix(strings.TrimSpace(out[len(out)-1]), "- ") && i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "- ") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// wordsRead names the words the document's decisions were read in, for a
// note: the committee's, or those assumed when no committee's were given.
func (c *converter) wordsRead() string {
	words := strings.Join(c.doc.DecisionWords, ", ")
	if c.doc.WordsAssumed || c.imp.CommitteeCode == "" {
		return "the words decisions were read in (" + words + ")"
	}
	return c.imp.CommitteeCode + "'s decision words (" + words + ")"
}

// assumedWords notes a document read with no committee's decision words.
func (c *converter) assumedWords() {
	decides := false
	for _, it := range c.doc.Items {
		decides = decides || len(it.Decisions) > 0
	}
	if !c.doc.WordsAssumed || !decides {
		return // or it did not matter
	}
	words := "minutebook's default words (" + strings.Join(mb.DefaultDecisionVocabulary, ", ") + ")"
	if n := len(mb.DefaultDecisionVocabulary); len(c.doc.DecisionWords) > n {
		words += " and those the document writes in bold capitals (" + strings.Join(c.doc.DecisionWords[n:], ", ") + ")"
	}
	c.note(0, "No committee's decision words were given, so decisions were read in %s; importing into the committee reads them in its own words.", words)
}
