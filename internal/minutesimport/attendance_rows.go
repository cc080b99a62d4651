package minutesimport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// How other bodies list people: a row per person with their initials, role
// and organisation ("Jana Kovář (JK)   Chair   –", "Rebecca Thornley (Chair)
// (RT)   Joint Code Secretariat"), and prose lists ("Present: Eleanor
// Strachan (Chair), Graham Ostrowski (Wyndham Power), …").

var (
	initialsRE   = regexp.MustCompile(`^\(?([A-Z][A-Za-z]?[A-Z]{0,3})\)?$`)
	noneCellRE   = regexp.MustCompile(`^(?:[-–—]|n/?a|none)$`)
	itemRangeRE  = regexp.MustCompile(`(\d{1,2})\s*(?:[-–—]|to)\s*(\d{1,2})\b`)
	itemTokenRE  = regexp.MustCompile(`\d{1,4}/\d{1,4}|\d{1,2}(?:\.\d{1,2})?`)
	proseLabelRE = regexp.MustCompile(`(?i)^(present|in\s+attendance|also\s+present|attendees|attendance|members\s+present|apologies(?:\s+for\s+absence)?|apologies\s+received|absent)\s*:\s*(.*)$`)
)

// roleWords are the words of a capacity at a meeting, as opposed to an
// organisation's name.
var roleWords = []string{
	"chair", "chairman", "chairwoman", "chairperson", "president", "member", "secretary", "secretariat",
	"observer", "alternate", "presenter", "adviser", "advisor", "guest", "director", "executive", "officer",
	"head of", "manager", "clerk", "treasurer", "minutes", "representative", "deputy", "lead", "analyst",
	"counsel", "speaker", "invitee", "attendee", "rapporteur", "convenor", "convener", "facilitator", "auditor",
}

// roleLike reports whether a cell or parenthesis names a capacity
// ("Independent Chair", "Technical Secretary", "minutes") rather than an
// organisation ("Grantley & Moss LLP").
func roleLike(s string) bool {
	low := strings.ToLower(s)
	if alternateRE.MatchString(strings.TrimSpace(s)) {
		return true
	}
	for _, suffix := range []string{" ltd", " llp", " plc", " limited", " inc", " gmbh", " group", " services", " networks", " energy", " power"} {
		if strings.HasSuffix(low, suffix) {
			return false
		}
	}
	for _, w := range roleWords {
		k := strings.Index(low, w)
		if k < 0 {
			continue
		}
		before, after := k == 0 || !isLetterByte(low[k-1]), k+len(w) == len(low) || !isLetterByte(low[k+len(w)])
		if before && (after || low[k+len(w)] == 's') {
			return true
		}
	}
	return false
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

// personFacts is what a row or a prose entry says of a person.
type personFacts struct {
	name, initials, role, group, alt string
	items                            []string
	part                             bool
}

// partItems reads the items of a part attendance: "items 3–5" gives 3, 4
// and 5; "minutes 26/045 and 26/046" the two minute numbers.
func partItems(s string) []string {
	var out []string
	for _, r := range itemRangeRE.FindAllStringSubmatchIndex(s, 4) {
		from, to := atoi(s[r[2]:r[3]]), atoi(s[r[4]:r[5]])
		if from < to && to-from < 20 {
			for n := from; n <= to; n++ {
				out = append(out, strconv.Itoa(n))
			}
			s = s[:r[0]] + strings.Repeat(" ", r[1]-r[0]) + s[r[1]:]
		}
	}
	out = append(out, itemTokenRE.FindAllString(s, 20)...)
	sortItems(out)
	return out
}

// sortItems puts item numbers in order, numbers by value.
func sortItems(items []string) {
	key := func(s string) (int, string) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 1 << 20, s
		}
		return n, ""
	}
	for i := 1; i < len(items); i++ {
		for j := i; j > 0; j-- {
			a, as := key(items[j-1])
			b, bs := key(items[j])
			if a < b || (a == b && as <= bs) {
				break
			}
			items[j-1], items[j] = items[j], items[j-1]
		}
	}
}

// annotate reads one bracketed note on a person ("Part", "items 3–5",
// "for Olwen Tate", "JK", "Chair", "Wyndham Power"). It reports false for
// one it cannot place, which the caller keeps.
func (f *personFacts) annotate(inner string, asGroup bool) bool {
	inner = strings.TrimSpace(inner)
	switch {
	case inner == "":
		return true
	case partRE.MatchString(inner):
		f.part = true
	case partItemsRE.MatchString(inner) || partMinutesRE.MatchString(inner):
		f.part = true
		f.items = append(f.items, partItems(inner)...)
	case alternateRE.MatchString(inner):
		f.alt = cleanText(alternateRE.FindStringSubmatch(inner)[1])
	case f.initials == "" && isInitialsOf(inner, f.name):
		f.initials = strings.Trim(inner, "()")
	case roleLike(inner):
		if f.role == "" {
			f.role = cleanText(inner)
		} else {
			f.role += ", " + cleanText(inner)
		}
	case asGroup && f.group == "":
		f.group = cleanText(inner)
	default:
		return false
	}
	return true
}

var partMinutesRE = regexp.MustCompile(`(?i)^(?:part\s*[-–—,:;]?\s*)?(?:for\s+)?(?:agenda\s+)?minutes?\s+(.*\d.*)$`)

// isInitialsOf reports whether s is the initials of name: "JK" of "Jana
// Kovář", "PZ" of "Piotr Zieliński".
func isInitialsOf(s, name string) bool {
	s = strings.Trim(s, "() ")
	m := initialsRE.FindStringSubmatch(s)
	if m == nil || utf8.RuneCountInString(s) < 2 {
		return false
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	if len(words) < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[0])
	last, _ := utf8.DecodeRuneInString(words[len(words)-1])
	r0, _ := utf8.DecodeRuneInString(s)
	rl, _ := utf8.DecodeLastRuneInString(s)
	return unicode.ToUpper(first) == r0 && (unicode.ToUpper(last) == rl || strings.ContainsRune(s, unicode.ToUpper(last)))
}

// splitName takes a person's name from a cell or entry and reads its
// brackets; brackets it cannot place are returned.
func splitName(s string, asGroup bool) (personFacts, []string) {
	var f personFacts
	var other []string
	f.name = cleanText(parenRE.ReplaceAllString(s, ""))
	for _, m := range parenRE.FindAllStringSubmatch(s, -1) {
		for part := range strings.SplitSeq(m[1], ",") {
			if !f.annotate(part, asGroup) {
				other = append(other, cleanText(part))
			}
		}
	}
	return f, other
}

// personRow reads a row of cells that begins with a person and has no
// column headings: the name (with initials, role or part attendance in
// brackets), then cells of initials, role and organisation in any order.
// It reports false when the row does not begin with a name.
func (p *parser) personRow(i int, cells []string) bool {
	if len(cells) < 2 || !nameRE.MatchString(stripParens(cells[0])) {
		return false
	}
	// A name followed by a name is the tradition's group and name; a person
	// row shows itself by initials, a role or a "–" for no organisation.
	signal := parenRE.MatchString(cells[0])
	for _, c := range cells[1:] {
		signal = signal || initialsRE.MatchString(c) || noneCellRE.MatchString(c) || roleLike(stripParens(c))
	}
	if !signal {
		return false
	}
	f, other := splitName(cells[0], false)
	for _, c := range cells[1:] {
		switch {
		case c == "" || noneCellRE.MatchString(c):
		case f.initials == "" && initialsRE.MatchString(c):
			f.initials = strings.Trim(c, "()")
		case f.role == "" && roleLike(stripParens(c)):
			f.role, f.alt, f.items, f.part = roleCell(c, f)
		case f.group == "":
			f.group = c
		default:
			other = append(other, c)
		}
	}
	if f.role == "" && f.group == "" && len(other) == 1 {
		f.group, other = other[0], nil
	}
	for _, o := range other {
		p.warn(i, "ignored %q in the row of %s", o, f.name)
	}
	p.recordPerson(i, f, "representing")
	return true
}

// roleCell reads a role as written ("Presenter (item 6 only)", "Alternate
// for Bethany Corlett"): part attendance and the member stood in for are
// taken out of its brackets; the role keeps the rest as written.
func roleCell(c string, f personFacts) (role, alt string, items []string, part bool) {
	alt, items, part = f.alt, f.items, f.part
	role = parenRE.ReplaceAllStringFunc(c, func(m string) string {
		inner := strings.TrimSpace(parenRE.FindStringSubmatch(m)[1])
		switch {
		case partRE.MatchString(inner):
			part = true
		case partItemsRE.MatchString(inner) || partMinutesRE.MatchString(inner):
			part = true
			items = append(items, partItems(inner)...)
		case alternateRE.MatchString(inner):
			alt = cleanText(alternateRE.FindStringSubmatch(inner)[1])
		default:
			return m
		}
		return ""
	})
	role = cleanText(role)
	if a := alternateRE.FindStringSubmatch(role); a != nil && alt == "" {
		alt = cleanText(a[1])
	}
	return role, alt, items, part
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// recordPerson records the facts of one person as an attendee or an
// apology; kind says whether their group is a category or an organisation.
func (p *parser) recordPerson(i int, f personFacts, kind string) {
	if !hasLetter(f.name) {
		p.unrecognised(i)
		return
	}
	if prev, ok := p.people[strings.ToLower(f.name)]; ok {
		p.warn(i, "%s is listed again (also at line %d)", f.name, prev)
	} else {
		p.people[strings.ToLower(f.name)] = i
	}
	f.group = cleanText(f.group)
	if f.alt != "" && f.role == "" {
		f.role = "" // "(for Olwen Tate)" says no capacity
	}
	if p.sec == inApologies {
		p.doc.Apologies = append(p.doc.Apologies, Apology{Name: f.name, Representing: f.group, Role: f.role, Initials: f.initials, Line: i})
		p.mark(i, roleApology)
		return
	}
	a := Attendee{Name: f.name, PartItems: f.items, AlternateFor: f.alt, Role: f.role, Initials: f.initials, Line: i}
	switch {
	case f.group == "":
	case kind == "category":
		a.Category = f.group
	default:
		a.Representing = f.group
	}
	if f.part && len(f.items) == 0 {
		p.warn(i, "%s attended part of the meeting; the minutes do not say which items", f.name)
	}
	p.doc.Attendees = append(p.doc.Attendees, a)
	p.mark(i, roleAttendee)
}

// proseList reads "Present: Eleanor Strachan (Chair), Graham Ostrowski
// (Wyndham Power), …" and its continuation on the lines after, when the
// list wraps. A line may hold several lists: "Present: …; In attendance:
// …; Apologies: …". It reports false when the line is not such a list.
func (p *parser) proseList(i int, pt string) bool {
	m := proseLabelRE.FindStringSubmatch(pt)
	if m == nil || strings.TrimSpace(m[2]) == "" {
		return false
	}
	p.mark(i, roleHeading)
	rest := pt
	for rest != "" {
		l := proseLabelRE.FindStringSubmatch(rest)
		if l == nil {
			p.proseEntries(i, rest)
			break
		}
		if strings.HasPrefix(strings.ToLower(l[1]), "apolog") || strings.EqualFold(l[1], "absent") {
			p.sec = inApologies
		} else {
			p.sec = inAttendees
		}
		p.cols, p.group = defaultColumns, ""
		body, next := splitAtLabel(l[2])
		p.proseEntries(i, body)
		rest = next
	}
	return true
}

// splitAtLabel cuts a list at "; In attendance:" or "; Apologies:".
func splitAtLabel(s string) (string, string) {
	for k := 0; k < len(s); k++ {
		if s[k] != ';' {
			continue
		}
		if after := strings.TrimSpace(s[k+1:]); proseLabelRE.MatchString(after) {
			return s[:k], after
		}
	}
	return s, ""
}

// proseEntries reads the comma-separated entries of a prose list; a list
// that ends without a full stop runs on to the next line.
func (p *parser) proseEntries(i int, s string) {
	s = strings.TrimSpace(s)
	p.proseOpen = !strings.HasSuffix(s, ".") && (strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, " and"))
	s = strings.TrimRight(s, ".,; ")
	read := 0
	for _, entry := range splitTopLevel(s) {
		entry = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(entry), "and "))
		if noneRE.MatchString(entry) || entry == "" {
			read++
			continue
		}
		group := ""
		if parts := nameSplitRE.Split(entry, 2); len(parts) == 2 && nameRE.MatchString(stripParens(parts[0])) && hasLetter(parts[1]) {
			entry, group = parts[0], parts[1] // "Geoff Huckerby – Other SEC Parties"
		}
		f, other := splitName(entry, true)
		if group != "" && f.group == "" {
			f.group = group
		}
		if !nameRE.MatchString(f.name) {
			p.warn(i, "could not read %q as a person", entry)
			continue
		}
		for _, o := range other {
			p.warn(i, "ignored %q after %s's name", o, f.name)
		}
		p.recordPerson(i, f, "representing")
		read++
	}
	if read == 0 && p.roles[i] == roleHeading {
		p.unrecognised(i)
	}
}

// splitTopLevel splits at commas and semicolons outside brackets.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	for k, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case ',', ';':
			if depth == 0 {
				out = append(out, s[start:k])
				start = k + 1
			}
		}
	}
	return append(out, s[start:])
}
