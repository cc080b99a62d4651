package importer

import (
	"regexp"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The formal record as minutes write it: "The Panel voted 7 for, 2 against,
// 1 abstention." before (or in) the decision it was on, and "Marcus
// Oyelaran declared an interest in item 9, because …" with what he then did
// ("would not vote on it", "left the room") in the same or the next
// paragraph. A vote is taken out of the minute onto its decision; a
// declaration stays in the text where it was written and is recorded on
// the item it names.
var (
	voteRE = regexp.MustCompile(`(?i)\bvoted\s+(\d+)\s+for\s*(?:,|and)?\s*(\d+)\s+against(?:\s*(?:,|and|with)?\s*(?:with\s+)?(\d+|no)\s+abstentions?)?(?:,?\s*the\s+chair\s+giving\s+a\s+casting\s+vote\s+(for|against))?`)
	// sentenceRE splits a paragraph into its sentences, each with the
	// space after it (so that they join again into the paragraph): a stop
	// ends one only before a space or the end, so "item 5.2" and an
	// initial ("J. Smith") stay inside theirs.
	sentenceRE     = regexp.MustCompile(`(?:\b\p{Lu}\.\s+|[^.!?]|[.!?]+[^\s.!?])*(?:[.!?]+(?:\s+|$)|$)`)
	declarationRE  = regexp.MustCompile(`((?:\p{Lu}[\p{L}’'.-]+\s+){1,3}\p{Lu}[\p{L}’'-]+)\s+declared\s+an?\s+(?:\w+\s+)?interest(?:\s+in\s+(?:agenda\s+)?(?:item|minute)\s+(\d[\w/.]*\w|\d))?\s*[,:;]?\s*(?:(?:because|as|since|in\s+that)\s+)?(.*)`)
	leftRoomRE     = regexp.MustCompile(`(?i)\b(left the (?:room|meeting)|withdrew from the (?:room|meeting)|absented (?:him|her|them)sel(?:f|ves))\b`)
	didNotVoteRE   = regexp.MustCompile(`(?i)\b(not vote|did not vote|no part in the (?:decision|vote)|not take part in the (?:decision|vote)|not in the vote|abstained from voting)\b`)
	paragraphNumRE = regexp.MustCompile(`^\d+(?:\.\d+)+\s+`)
	bareNumberRE   = regexp.MustCompile(`^\d+(?:\.\d+)*\.?$`)
)

// formalRecord finds the votes and declarations in the items' minutes and
// decisions.
func (c *converter) formalRecord() {
	byNumber := map[string]*mb.ImportedItem{}
	var all []*mb.ImportedItem
	for i := range c.imp.Items {
		top := &c.imp.Items[i]
		all = append(all, top)
		for j := range top.Children {
			all = append(all, &top.Children[j])
		}
	}
	for _, it := range all {
		byNumber[writtenNumber(*it)] = it
		byNumber[it.Number] = it
	}
	for _, it := range all {
		c.votes(it)
		c.declarations(it, byNumber)
	}
}

// votes attaches each vote the item records to a decision: the decision
// whose own sentence says it, or else the item's first decision that is
// not NOTED (the one a vote is taken on), or its first.
func (c *converter) votes(it *mb.ImportedItem) {
	for i := range it.Decisions {
		d := &it.Decisions[i]
		if v := readVote(d.Text); v != nil {
			d.Vote = v
			d.Text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(voteRE.ReplaceAllString(d.Text, "")), ","))
			d.Text = strings.TrimSpace(strings.TrimPrefix(d.Text, "and "))
		}
	}
	var kept []string
	for _, p := range strings.Split(it.Minute, "\n\n") {
		var rest []string
		for _, s := range sentenceRE.FindAllString(p, -1) {
			v := readVote(s)
			target := voteTarget(it)
			if v == nil || target == nil {
				rest = append(rest, s)
				continue
			}
			target.Vote = v
		}
		if q := strings.TrimSpace(strings.Join(rest, "")); q != "" && !bareNumberRE.MatchString(q) {
			kept = append(kept, q)
		}
	}
	it.Minute = strings.Join(kept, "\n\n")
}

// voteTarget is the decision a vote in the item's minute was on.
func voteTarget(it *mb.ImportedItem) *mb.Decision {
	for i := range it.Decisions {
		if it.Decisions[i].Vote == nil && it.Decisions[i].Kind != "NOTED" {
			return &it.Decisions[i]
		}
	}
	for i := range it.Decisions {
		if it.Decisions[i].Vote == nil {
			return &it.Decisions[i]
		}
	}
	return nil
}

// readVote reads the counts of a vote from a sentence, or nil.
func readVote(s string) *mb.Vote {
	m := voteRE.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	v := &mb.Vote{}
	v.For, _ = strconv.Atoi(m[1])
	v.Against, _ = strconv.Atoi(m[2])
	v.Abstain, _ = strconv.Atoi(m[3]) // "no" abstentions read as 0
	v.CastingVote = mb.VoteChoice(strings.ToLower(m[4]))
	if v.Cast() == 0 {
		return nil
	}
	return v
}

// declarations records, on the item each names, the interests declared in
// the item's minute.
func (c *converter) declarations(it *mb.ImportedItem, byNumber map[string]*mb.ImportedItem) {
	paragraphs := strings.Split(it.Minute, "\n\n")
	for k, p := range paragraphs {
		for _, s := range sentenceRE.FindAllString(p, -1) {
			m := declarationRE.FindStringSubmatch(strings.TrimSpace(paragraphNumRE.ReplaceAllString(strings.TrimSpace(s), "")))
			if m == nil {
				continue
			}
			d := mb.ImportedDeclaration{Name: strings.Join(strings.Fields(m[1]), " "), Nature: strings.TrimSpace(strings.TrimRight(m[3], ". ")), Line: it.Line}
			on := it
			if m[2] != "" {
				if target := byNumber[m[2]]; target != nil {
					on = target
				} else {
					c.note(it.Line, "%s declared an interest in item %s, which the minutes do not have: it is recorded in item %s.", d.Name, m[2], it.Number)
				}
			}
			if d.Nature == "" {
				d.Nature = "An interest declared as the minutes record it in item " + it.Number
			}
			// What they then did is said in the same paragraph or the next,
			// or in the item they declared in.
			said := p
			if k+1 < len(paragraphs) {
				said += " " + paragraphs[k+1]
			}
			if on != it {
				said += " " + personSentences(on.Minute, d.Name)
			}
			switch {
			case leftRoomRE.MatchString(said):
				d.Effect = mb.LeftRoom
			case didNotVoteRE.MatchString(said):
				d.Effect = mb.DidNotVote
			default:
				d.Effect = mb.TookPart
			}
			on.Declarations = append(on.Declarations, d)
		}
	}
}

// personSentences are the sentences of the text that name the person.
func personSentences(text, name string) string {
	var out []string
	for _, s := range sentenceRE.FindAllString(text, -1) {
		if strings.Contains(s, name) {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}
