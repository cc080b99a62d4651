package minutesimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A PDF extractor reads two tables printed side by side across the page,
// one line of words per row, with single spaces between the cells:
//
//	Category Committee Members Organisation Other Attendees
//	SDAC Chair Yvonne Achterberg Corvane Bartholomew Nkemelu
//	Supplier Members Owen Tregarthen Settlements Adaeze Ilori (Part)
//
// The cells are recovered from what the words are: a person's name is two
// capitalised words (a given name and a surname, which may be hyphenated);
// a group's words are those of membership categories ("Supplier Members",
// "SDAC Chair") or an acronym ("SDAS"). A cell that wraps ("Distribution" /
// "Network Operators", "Corvane" / "Settlements") is joined to the line
// above, when the joined words are a category or appear elsewhere in the
// document; each such reading is reported for a person to check.

// sideTable is the layout of such a table, read from its heading line.
type sideTable struct {
	kinds [2]string // the kind of each table's group column
	two   bool      // two tables side by side; false: one table, group then name
	// The group and the last person of each side, for cells that continue.
	group  [2]string
	lastAt [2]int // index in doc.Attendees of the last person on each side, -1 for none
	wrapOK [2]bool
	// first is the index in doc.Attendees of the table's first person;
	// right says which of its people are in the right-hand table.
	first int
	right map[int]bool
}

// endSide puts the people of the right-hand table after those of the
// left, which is the order the document lists them in.
func (p *parser) endSide() {
	t := p.side
	p.side = nil
	if t == nil || len(t.right) == 0 {
		return
	}
	list := p.doc.Attendees[t.first:]
	var left, right []Attendee
	for k, a := range list {
		if t.right[t.first+k] {
			right = append(right, a)
		} else {
			left = append(left, a)
		}
	}
	copy(list, append(left, right...))
}

var (
	sideHeadRE   = regexp.MustCompile(`(?i)^(category|representing|organi[sz]ation|company)\s+(.+?)\s+(category|representing|organi[sz]ation|company)\s+(.+)$`)
	singleHeadRE = regexp.MustCompile(`(?i)^(category|representing|organi[sz]ation|company)\s+(name|names|members?|attendees?|participants?)$`)
	nameHeadRE   = regexp.MustCompile(`(?i)\b(?:members?|attendees?|participants?|names?)\b`)
	acronymRE    = regexp.MustCompile(`^[A-Z][A-Z0-9&]{1,7}$`)
)

// groupWords are words of membership categories; headNouns are those that
// end a category ("Members", "Chair"), so that one ending otherwise
// ("Distribution") is taken to continue on the next line.
var (
	groupWords = map[string]bool{"chair": true, "vice-chair": true, "deputy": true, "member": true, "members": true, "supplier": true,
		"suppliers": true, "network": true, "networks": true, "operator": true, "operators": true, "distribution": true,
		"transmission": true, "independent": true, "consumer": true, "consumers": true, "generator": true, "generators": true,
		"party": true, "parties": true, "representative": true, "representatives": true, "other": true, "large": true,
		"small": true, "domestic": true, "non-domestic": true, "shipper": true, "shippers": true, "observer": true,
		"observers": true, "secretariat": true, "user": true, "users": true, "agent": true, "agents": true, "committee": true}
	headNouns = map[string]bool{"chair": true, "vice-chair": true, "member": true, "members": true, "suppliers": true,
		"operators": true, "parties": true, "party": true, "representative": true, "representatives": true, "generators": true,
		"consumers": true, "observers": true, "observer": true, "secretariat": true, "users": true, "agents": true, "shippers": true}
)

// sideHeading recognises the heading line of such tables.
func (p *parser) sideHeading(i int, pt string) bool {
	if strings.ContainsRune(pt, '\t') || strings.Contains(pt, "   ") {
		return false
	}
	kind := func(s string) string {
		if strings.HasPrefix(strings.ToLower(s), "categor") {
			return "category"
		}
		return "representing"
	}
	if h := sideHeadRE.FindStringSubmatch(pt); h != nil && nameHeadRE.MatchString(h[2]) && nameHeadRE.MatchString(h[4]) {
		p.endSide()
		p.side = &sideTable{kinds: [2]string{kind(h[1]), kind(h[3])}, two: true, lastAt: [2]int{-1, -1}, first: len(p.doc.Attendees), right: map[int]bool{}}
	} else if h := singleHeadRE.FindStringSubmatch(pt); h != nil {
		p.endSide()
		p.side = &sideTable{kinds: [2]string{kind(h[1]), ""}, lastAt: [2]int{-1, -1}, first: len(p.doc.Attendees), right: map[int]bool{}}
	} else {
		return false
	}
	p.mark(i, roleHeading)
	return true
}

// sideToken is a word of a row, with any brackets that follow it.
type sideToken struct {
	word  string
	notes []string
}

func sideTokens(s string) []sideToken {
	var out []sideToken
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "(") && len(out) > 0 {
			last := &out[len(out)-1]
			last.notes = append(last.notes, f)
			continue
		}
		if len(out) > 0 && len(out[len(out)-1].notes) > 0 && !strings.HasSuffix(out[len(out)-1].notes[len(out[len(out)-1].notes)-1], ")") {
			// "(Item 4)" split at its space
			last := &out[len(out)-1]
			last.notes[len(last.notes)-1] += " " + f
			continue
		}
		out = append(out, sideToken{word: f})
	}
	return out
}

func isGroupWord(w string) bool {
	return groupWords[strings.ToLower(w)] || acronymRE.MatchString(w)
}

func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !acronymRE.MatchString(w) && !groupWords[strings.ToLower(w)]
}

// sideRow reads a row of the tables. It reports false when the row does
// not read as one, so that the caller reports the line.
func (p *parser) sideRow(i int, pt string) bool {
	t := p.side
	toks := sideTokens(pt)
	if len(toks) == 0 {
		return false
	}
	// The row's cells, in order: [group] name [group] name.
	type cell struct {
		group []string
		name  []sideToken
	}
	var cells []cell
	cur := cell{}
	for k := 0; k < len(toks); {
		w := toks[k].word
		switch {
		case isGroupWord(w) && len(toks[k].notes) == 0:
			if len(cur.name) > 0 {
				cells, cur = append(cells, cur), cell{}
			}
			cur.group = append(cur.group, w)
			k++
		case isNameWord(w):
			run := k
			for run < len(toks) && isNameWord(toks[run].word) {
				run++
				if len(toks[run-1].notes) > 0 {
					break
				}
			}
			n := run - k
			switch {
			case n == 1:
				// A lone word between names is the group of the next
				// table ("Corvane", "Settlements").
				if len(cur.name) > 0 {
					cells, cur = append(cells, cur), cell{}
				}
				cur.group = append(cur.group, w)
				k++
				continue
			case n == 3 && len(cur.name) == 0 && len(cells) == 0 && len(cur.group) == 0 && t.two:
				// A group word the lexicon does not know, then a name.
				cur.group = append(cur.group, w)
				k++
				continue
			case n >= 4 && n%2 == 1:
				// name, a group word, name: "Yvonne Achterberg Corvane Bartholomew Nkemelu"
				cur.name = toks[k : k+2]
				cells, cur = append(cells, cur), cell{group: []string{toks[k+2].word}}
				k += 3
				continue
			}
			cur.name = toks[k : k+2]
			cells, cur = append(cells, cur), cell{}
			k += 2
		default:
			return false
		}
	}
	if len(cur.name) > 0 || len(cur.group) > 0 {
		cells = append(cells, cur)
	}
	if len(cells) > 2 || (!t.two && len(cells) > 1) {
		return false
	}
	// Which side each cell is on: two cells are left and right; one is
	// left unless its group is the right table's kind of group.
	placed := false
	for k, c := range cells {
		side := k
		if len(cells) == 1 && t.two && len(c.group) > 0 && acronymRE.MatchString(c.group[0]) && t.kinds[1] == "representing" && t.kinds[0] == "category" && len(c.name) > 0 && p.rightAcronym(c.group[0]) {
			side = 1
		}
		if len(c.name) == 0 && len(c.group) == 0 {
			continue
		}
		if len(c.name) == 0 {
			// Notes alone continue a person above; a group alone a group.
			p.continueGroup(i, side, strings.Join(c.group, " "))
			placed = true
			continue
		}
		if len(c.group) > 0 {
			p.continueGroup(i, side, strings.Join(c.group, " "))
		} else if t.group[side] == "" {
			p.warn(i, "%s is listed under no category or organisation", c.name[0].word+" "+c.name[1].word)
		}
		name := c.name[0].word + " " + c.name[1].word
		var notes []string
		for _, tok := range c.name {
			notes = append(notes, tok.notes...)
		}
		f := personFacts{name: cleanText(name), group: t.group[side]}
		var stray []string
		for _, n := range notes {
			if !f.annotate(strings.Trim(n, "()"), false) {
				stray = append(stray, n)
			}
		}
		// "(Item 4)" after the only name on a line belongs to the part
		// attendance, above, of the other table's person.
		partWord := false
		for _, n := range notes {
			partWord = partWord || partRE.MatchString(strings.Trim(n, "() "))
		}
		if len(cells) == 1 && side == 0 && t.two && t.lastAt[1] >= 0 && len(f.items) > 0 && !partWord {
			if a := &p.doc.Attendees[t.lastAt[1]]; len(a.PartItems) == 0 {
				a.PartItems, f.items, f.part = f.items, nil, false
				p.unwarn(a.Line, "attended part of the meeting")
				p.warn(i, "took %q to be %s's part attendance, continued from the line above", strings.Join(notes, " "), a.Name)
			}
		}
		for _, s := range stray {
			p.warn(i, "ignored %q after %s's name", s, f.name)
		}
		p.recordPerson(i, f, t.kinds[side])
		if p.sec == inAttendees {
			t.lastAt[side] = len(p.doc.Attendees) - 1
			if side == 1 {
				t.right[t.lastAt[side]] = true
			}
		}
		placed = true
	}
	if !placed {
		return false
	}
	if p.roles[i] == "" {
		p.mark(i, roleHeading)
	}
	return true
}

// unwarn withdraws a warning about line i that a later line answered.
func (p *parser) unwarn(i int, about string) {
	kept := p.doc.Warnings[:0]
	for _, w := range p.doc.Warnings {
		if w.Line != i || !strings.Contains(w.Text, about) {
			kept = append(kept, w)
		}
	}
	p.doc.Warnings = kept
}

// rightAcronym reports whether an acronym names an organisation of the
// right-hand table seen so far.
func (p *parser) rightAcronym(s string) bool {
	return p.side.group[1] == s
}

// continueGroup sets the group of a side, joining a cell that wrapped.
func (p *parser) continueGroup(i, side int, g string) {
	t := p.side
	prev := t.group[side]
	kind := t.kinds[side]
	joined := prev + " " + g
	switch {
	case prev == "" || !t.wrapOK[side]:
	case kind == "category" && !endsWithHeadNoun(prev):
		p.warn(i, "took %q to continue the category %q above: %q", g, prev, joined)
		p.regroup(side, prev, joined)
		t.group[side], t.wrapOK[side] = joined, false
		return
	case kind == "representing" && !acronymRE.MatchString(prev) && !acronymRE.MatchString(g) && p.mentions(joined):
		p.warn(i, "took %q to continue the organisation %q above: %q", g, prev, joined)
		p.regroup(side, prev, joined)
		t.group[side], t.wrapOK[side] = joined, false
		return
	}
	t.group[side], t.wrapOK[side] = g, true
}

func endsWithHeadNoun(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && (headNouns[strings.ToLower(f[len(f)-1])] || acronymRE.MatchString(f[len(f)-1]))
}

// regroup renames a group on the people already listed under it.
func (p *parser) regroup(side int, from, to string) {
	kind := p.side.kinds[side]
	for k := range p.doc.Attendees {
		a := &p.doc.Attendees[k]
		switch {
		case kind == "category" && a.Category == from:
			a.Category = to
		case kind != "category" && a.Representing == from:
			a.Representing = to
		}
	}
	for k := range p.doc.Apologies {
		if a := &p.doc.Apologies[k]; a.Representing == from {
			a.Representing = to
		}
	}
}

// wordCount says how often the document writes a word.
func (p *parser) wordCount(w string) int {
	p.mentions("")
	return p.words[strings.ToLower(w)]
}

// mentions reports whether the document writes s somewhere (as "Nkemelu
// (Corvane Settlements)" confirms "Corvane" / "Settlements"). A single
// word is looked up among the document's words; a phrase is searched for
// once and remembered.
func (p *parser) mentions(s string) bool {
	if p.words == nil {
		var b strings.Builder
		p.words = map[string]int{}
		for _, l := range p.lines[1:] {
			b.WriteString(l.plain)
			b.WriteByte('\n')
			for _, w := range strings.FieldsFunc(l.plain, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
				p.words[strings.ToLower(strings.Trim(w, "-"))]++
			}
		}
		p.fullText = b.String()
		p.phrases = map[string]bool{}
	}
	if w := strings.TrimSpace(s); !strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		return p.words[strings.ToLower(w)] > 0
	}
	found, ok := p.phrases[s]
	if !ok {
		found = strings.Contains(p.fullText, s)
		p.phrases[s] = found
	}
	return found
}
