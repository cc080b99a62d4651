package minutesimport

import (
	"regexp"
	"strings"
)

// columns says where a table of names keeps the name and the group it is
// listed under, and whether that group is a membership category or the
// organisation represented.
type columns struct {
	name, group int
	kind        string // "category", "representing", or "" when no heading says
	// initials and role are the columns of those, -1 when there are none.
	initials, role int
	headed         bool // the columns come from a row of headings
}

// defaultColumns is the tradition's order, group then name, for a table
// that has no column headings.
var defaultColumns = columns{name: 1, group: 0, initials: -1, role: -1}

var (
	attendeesRE = regexp.MustCompile(`(?i)^(?:attendees|attendance|present|in\s+attendance|members\s+present|participants)\s*:?$`)
	apologiesRE = regexp.MustCompile(`(?i)^apologies(?:\s+(?:received|for\s+absence))?\s*(?::\s*(.*))?$`)
	noneRE      = regexp.MustCompile(`(?i)^(?:none|nil|n/?a|none received|vacant|-|–)\.?$`)
	// A person's name as minutes write it: two to five capitalised words,
	// allowing the particles of some surnames.
	nameRE      = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|del|della|le|la|bin|al|ap)){1,4}$`)
	parenRE     = regexp.MustCompile(`\s*\(([^()]*)\)`)
	partRE      = regexp.MustCompile(`(?i)^(?:part|partial|part\s+attendance|for\s+part(?:\s+of\s+the\s+meeting)?|attended\s+part)$`)
	partItemsRE = regexp.MustCompile(`(?i)^(?:part\s*[-–—,:;]?\s*)?(?:for\s+)?(?:agenda\s+)?items?\s+(.*\d.*)$`)
	itemNumRE   = regexp.MustCompile(`\d{1,2}(?:\.\d{1,2})?`)
	alternateRE = regexp.MustCompile(`(?i)^(?:(?:as\s+)?(?:an?\s+)?(?:alternate|alternative|deputy|substitute|sub|proxy)(?:\s+(?:for|to|of))?|deputising\s+for|substituting\s+for|standing\s+in\s+for|on\s+behalf\s+of|for)\s+(.+)$`)
	nameSplitRE = regexp.MustCompile(`\s+[-–—]\s+|,\s+`)
)

// attendanceHeading recognises "Attendees:" and "Apologies:", which open the
// tables of names.
func (p *parser) attendanceHeading(i int, pt string) bool {
	if p.proseOpen && (p.sec == inAttendees || p.sec == inApologies) && !proseLabelRE.MatchString(pt) {
		p.mark(i, roleHeading)
		p.proseEntries(i, pt)
		return true
	}
	p.proseOpen = false
	if p.proseList(i, pt) {
		p.endSide()
		return true
	}
	if attendeesRE.MatchString(pt) {
		p.endSide()
		p.sec, p.cols, p.group = inAttendees, defaultColumns, ""
		p.mark(i, roleHeading)
		return true
	}
	m := apologiesRE.FindStringSubmatch(pt)
	if m == nil {
		return false
	}
	p.endSide()
	p.sec, p.cols, p.group = inApologies, defaultColumns, ""
	p.mark(i, roleHeading)
	if rest := strings.TrimSpace(m[1]); rest != "" && !noneRE.MatchString(rest) {
		// "Apologies: Conroy Saunders (SECAS); Geoff Huckerby (Other SEC Parties)"
		all := true
		for part := range strings.SplitSeq(rest, ";") {
			if part = strings.TrimSpace(part); part != "" && !p.loosePerson(i, part) {
				all = false
			}
		}
		if !all {
			p.unrecognised(i) // the names that were read are kept as well
		}
	}
	return true
}

// attendanceColumns recognises a row of column headings ("Category<tab>
// Operations Group Members", "Name<tab>Representing") and says where the
// names are.
func attendanceColumns(cells []string) (columns, bool) {
	if nonEmpty(cells) < 2 {
		return columns{}, false
	}
	c := columns{name: -1, group: -1, initials: -1, role: -1, headed: true}
	for k, cell := range cells {
		low := strings.ToLower(cell)
		switch {
		case cell == "":
		case strings.Contains(low, "initial"):
			c.initials = k
		case low == "role" || strings.Contains(low, "capacity") || low == "position" || low == "title" || strings.Contains(low, "role"):
			c.role = k
		case strings.Contains(low, "categor"):
			c.group, c.kind = k, "category"
		case strings.Contains(low, "represent"), strings.Contains(low, "organi"), strings.Contains(low, "company"):
			c.group, c.kind = k, "representing"
		case strings.Contains(low, "name"), strings.Contains(low, "member"), strings.Contains(low, "participant"),
			strings.Contains(low, "attendee"), strings.Contains(low, "apolog"):
			if c.name < 0 {
				c.name = k
			}
		default:
			return columns{}, false
		}
	}
	if c.name < 0 || (c.group < 0 && c.role < 0) {
		return columns{}, false
	}
	return c, true
}

// attendanceLine reads a row of the attendees or apologies.
func (p *parser) attendanceLine(i int) {
	l := &p.lines[i]
	pt := strings.TrimSpace(l.plain)
	if p.attendanceHeading(i, pt) {
		return
	}
	if p.sideHeading(i, pt) {
		return
	}
	if p.side != nil && !strings.ContainsRune(l.plain, '\t') && !strings.Contains(pt, "   ") && p.sideRow(i, pt) {
		return
	}
	cells := splitCells(l.plain)
	if len(cells) > 1 {
		if cols, ok := attendanceColumns(cells); ok {
			p.cols, p.group, p.blankSinceRow, p.continuing = cols, "", false, false
			p.mark(i, roleHeading)
			return
		}
		p.row(i, cells)
		return
	}
	if noneRE.MatchString(pt) {
		p.mark(i, roleHeading) // "None" under "Apologies:"
		return
	}
	low := strings.ToLower(pt)
	if strings.Contains(low, "participant") || strings.Contains(low, "members") {
		// "Other Participants" on its own: a table heading whose tab was lost.
		p.group, p.blankSinceRow = "", false
		if strings.Contains(low, "participant") {
			p.cols.kind = "representing"
		} else {
			p.cols.kind = "category"
		}
		p.mark(i, roleHeading)
		return
	}
	if strings.HasPrefix(pt, "- ") || strings.HasPrefix(strings.TrimSpace(l.norm), "- ") {
		pt = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.norm), "- "))
		pt = strings.ReplaceAll(pt, "*", "")
	}
	if !p.loosePerson(i, pt) {
		p.unrecognised(i)
	}
}

// row reads a table row: a group cell, which may be empty to continue the
// group above, and a name cell.
func (p *parser) row(i int, cells []string) {
	get := func(k int) string {
		if k >= 0 && k < len(cells) {
			return cells[k]
		}
		return ""
	}
	if !p.cols.headed && p.personRow(i, cells) {
		return
	}
	group, name := get(p.cols.group), get(p.cols.name)
	for k, c := range cells {
		if k != p.cols.group && k != p.cols.name && k != p.cols.initials && k != p.cols.role && c != "" {
			p.warn(i, "ignored %q in column %d of the table of names", c, k+1)
		}
	}
	if noneRE.MatchString(name) {
		name = ""
	}
	if noneCellRE.MatchString(group) && name != "" && p.cols.role >= 0 {
		group = "–" // "—" in an organisation column: nobody's organisation, not the one above
	}
	switch {
	case group != "":
		p.group, p.continuing = group, false
		if p.cols.kind == "" && p.sec == inAttendees {
			p.warn(i, "no column heading says whether %q is a category or an organisation; taken as %s", group, guessKind(group))
		}
	case name == "":
	case p.group == "":
		p.warn(i, "%s is listed under no category or organisation", cleanText(name))
	case p.blankSinceRow || p.continuing:
		// The model document has exactly this: two names after a blank
		// line inside the DCC's group. Continuing the group is the likely
		// reading, but a heading may have been lost, so a person checks
		// each name.
		p.warn(i, "%s is listed after a blank line with no %s of its own; taken to continue %q", cleanText(name), p.groupWord(), p.group)
		p.continuing = true
	}
	p.blankSinceRow = false
	if name == "" {
		p.mark(i, roleHeading) // a category with nobody in it
		return
	}
	if p.cols.initials >= 0 || p.cols.role >= 0 {
		f, other := splitName(name, false)
		if in := get(p.cols.initials); in != "" && !noneCellRE.MatchString(in) {
			f.initials = strings.Trim(in, "() ")
		}
		if r := get(p.cols.role); r != "" && !noneCellRE.MatchString(r) {
			f.role, f.alt, f.items, f.part = roleCell(r, f)
		}
		for _, o := range other {
			p.warn(i, "ignored %q after %s's name", o, f.name)
		}
		f.group = p.group
		if f.group == "–" {
			f.group = ""
		}
		kind := p.cols.kind
		if kind == "" {
			kind = guessKind(f.group)
		}
		p.recordPerson(i, f, kind)
		return
	}
	p.person(i, name, p.group, true)
}

func (p *parser) groupWord() string {
	if p.cols.kind == "category" && p.sec == inAttendees {
		return "category"
	}
	return "organisation"
}

// loosePerson reads a name on a line of its own: "Jane Smith", "Jane Smith
// (SECAS)" or "Jane Smith – SECAS". It reports false, recording nothing,
// when the line is not a name.
func (p *parser) loosePerson(i int, s string) bool {
	bare := stripParens(s)
	name, group := bare, p.group
	if parts := nameSplitRE.Split(bare, 2); len(parts) == 2 && nameRE.MatchString(parts[0]) && hasLetter(parts[1]) {
		name, group = parts[0], parts[1]
	}
	if !nameRE.MatchString(name) {
		return false
	}
	_, _, _, _, other := parsePerson(s, false)
	switch {
	case len(other) == 1:
		group = other[0]
	case len(other) > 1:
		p.warn(i, "ignored %q after %s's name", strings.Join(other, "; "), name)
	}
	switch {
	case group == "":
		p.warn(i, "%s is listed under no category or organisation", name)
	case group == p.group && (p.blankSinceRow || p.continuing):
		p.warn(i, "%s is listed after a blank line with no %s of its own; taken to continue %q", name, p.groupWord(), p.group)
		p.continuing = true
	}
	p.blankSinceRow = false
	p.person(i, name+keptParens(s), group, false)
	return true
}

func stripParens(s string) string { return strings.TrimSpace(parenRE.ReplaceAllString(s, "")) }

// keptParens returns the annotations of s that say how the person attended,
// so that they survive when the rest of a loose line is split off.
func keptParens(s string) string {
	var b strings.Builder
	for _, m := range parenRE.FindAllStringSubmatch(s, -1) {
		if annotation(m[1]) {
			b.WriteString(" (" + m[1] + ")")
		}
	}
	return b.String()
}

func annotation(s string) bool {
	s = strings.TrimSpace(s)
	return partRE.MatchString(s) || partItemsRE.MatchString(s) || alternateRE.MatchString(s)
}

// parsePerson splits "Adam Rawling (Part) (Agenda Item 5)" into the name and
// what the brackets say. Brackets it does not understand stay in the name
// when inTable (a table cell is all name), and are returned in other
// otherwise (a loose line may name the organisation in brackets).
func parsePerson(s string, inTable bool) (name string, items []string, part bool, alt string, other []string) {
	name = parenRE.ReplaceAllStringFunc(s, func(m string) string {
		inner := strings.TrimSpace(parenRE.FindStringSubmatch(m)[1])
		switch {
		case partRE.MatchString(inner):
			part = true
		case partItemsRE.MatchString(inner):
			part = true
			items = append(items, itemNumRE.FindAllString(inner, 20)...)
		case alternateRE.MatchString(inner):
			alt = cleanText(alternateRE.FindStringSubmatch(inner)[1])
		case inTable || inner == "":
			return m
		default:
			other = append(other, cleanText(inner))
		}
		return ""
	})
	return cleanText(name), items, part, alt, other
}

// person records an attendee or an apology.
func (p *parser) person(i int, s, group string, inTable bool) {
	name, items, part, alt, _ := parsePerson(s, inTable)
	if !hasLetter(name) {
		p.unrecognised(i)
		return
	}
	if prev, ok := p.people[strings.ToLower(name)]; ok {
		p.warn(i, "%s is listed again (also at line %d)", name, prev)
	} else {
		p.people[strings.ToLower(name)] = i
	}
	group = cleanText(group)
	if p.sec == inApologies {
		p.doc.Apologies = append(p.doc.Apologies, Apology{Name: name, Representing: group, Line: i})
		p.mark(i, roleApology)
		return
	}
	a := Attendee{Name: name, PartItems: items, AlternateFor: alt, Line: i}
	kind := p.cols.kind
	if kind == "" {
		kind = guessKind(group)
	}
	switch {
	case group == "":
	case kind == "category":
		a.Category = group
	default:
		a.Representing = group
	}
	if part && len(items) == 0 {
		p.warn(i, "%s attended part of the meeting; the minutes do not say which items", name)
	}
	p.doc.Attendees = append(p.doc.Attendees, a)
	p.mark(i, roleAttendee)
}

// guessKind says whether a group looks like a membership category ("Large
// Suppliers") or an organisation ("DCC"), for tables without headings.
func guessKind(group string) string {
	low := strings.ToLower(group)
	for _, w := range []string{"chair", "parties", "party", "supplier", "member", "consumer", "network", "representative"} {
		if strings.Contains(low, w) {
			return "category"
		}
	}
	return "representing"
}
