package minutesimport

import (
	"fmt"
	"slices"
	"strings"
)

// unaccounted returns the non-blank lines of text that the document does
// not account for: every such line must be referenced by a line field, be
// part of an item's text, or be listed as unrecognised. It reads the
// parser's own bookkeeping (Document.roles) and checks each claim against
// the structure, so that a line claimed but not placed is caught too. It is
// linear in the text, so the fuzz tests can afford it.
func unaccounted(doc *Document, text string) []string {
	p := newParser(text, Options{}) // the same splitting and cleaning as the parse
	n := len(p.lines)
	if len(doc.roles) != n {
		return []string{fmt.Sprintf("bookkeeping covers %d lines, text has %d", len(doc.roles)-1, n-1)}
	}
	var problems []string
	bad := func(i int, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("line %d %q: %s", i, p.lines[i].raw, fmt.Sprintf(format, args...)))
	}

	// The item each line falls in, and where its paragraph (run of
	// non-blank lines) starts.
	item := make([]int, n) // index in doc.Items, -1 before the first
	para := make([]int, n)
	k := -1
	for i := 1; i < n; i++ {
		for k+1 < len(doc.Items) && doc.Items[k+1].Line < i {
			k++
		}
		item[i] = k
		if i > 1 && !p.lines[i-1].blank {
			para[i] = para[i-1]
		} else {
			para[i] = i
		}
	}
	lines := func(add func(func(int))) []int {
		var ls []int
		add(func(l int) { ls = append(ls, l) })
		slices.Sort(ls)
		return ls
	}
	decisions := lines(func(f func(int)) {
		for _, it := range doc.Items {
			for _, d := range it.Decisions {
				f(d.Line)
			}
		}
	})
	actions := lines(func(f func(int)) {
		for _, it := range doc.Items {
			for _, a := range it.Actions {
				f(a.Line)
			}
		}
	})
	risks := lines(func(f func(int)) {
		for _, it := range doc.Items {
			for _, r := range it.Risks {
				f(r.Line)
			}
		}
	})
	outstanding := lines(func(f func(int)) {
		for _, a := range doc.OutstandingActions {
			f(a.Line)
		}
	})
	set := func(add func(func(int))) map[int]bool {
		m := map[int]bool{}
		add(func(l int) { m[l] = true })
		return m
	}
	attendees := set(func(f func(int)) {
		for _, a := range doc.Attendees {
			f(a.Line)
		}
	})
	apologies := set(func(f func(int)) {
		for _, a := range doc.Apologies {
			f(a.Line)
		}
	})
	items := set(func(f func(int)) {
		for _, it := range doc.Items {
			f(it.Line)
		}
	})
	warnings := set(func(f func(int)) {
		for _, w := range doc.Warnings {
			f(w.Line)
		}
	})
	unrecognised := set(func(f func(int)) {
		for _, u := range doc.Unrecognised {
			f(u.Line)
		}
	})
	// starts reports whether one of ls begins in line i's paragraph,
	// within its item.
	starts := func(ls []int, i int) bool {
		j, found := slices.BinarySearch(ls, i)
		if !found {
			j--
		}
		if j < 0 {
			return false
		}
		l := ls[j]
		return l >= para[i] && item[i] >= 0 && l > doc.Items[item[i]].Line
	}
	// since reports whether one of ls is in line i's item, at or before it.
	since := func(ls []int, i int) bool {
		j, found := slices.BinarySearch(ls, i)
		if !found {
			j--
		}
		return j >= 0 && (item[i] < 0 || ls[j] > doc.Items[item[i]].Line)
	}

	for i := 1; i < n; i++ {
		if p.lines[i].blank {
			continue
		}
		switch role := doc.roles[i]; role {
		case "":
			bad(i, "no role")
		case roleMeeting, roleHeading, roleNext, roleIntro:
			// Read into the meeting, or structure with no line field of
			// its own; the parser's claim is taken.
		case roleAttendee:
			if !attendees[i] {
				bad(i, "claimed as attendee, no attendee has this line")
			}
		case roleApology:
			if !apologies[i] {
				bad(i, "claimed as apology, no apology has this line")
			}
		case roleItem:
			if !items[i] {
				bad(i, "claimed as item heading, no item has this line")
			}
		case roleDecision:
			if !starts(decisions, i) {
				bad(i, "claimed as decision, no decision starts in its paragraph")
			}
		case roleAction:
			if !starts(actions, i) {
				bad(i, "claimed as action, no action starts in its paragraph")
			}
		case roleRisk:
			if !starts(risks, i) {
				bad(i, "claimed as risk, no risk starts in its paragraph")
			}
		case roleOutstanding:
			named := false
			for _, o := range doc.OutstandingActions {
				// A row that fills in one read earlier (an appendix's table
				// repeating the minute's review) names its reference.
				if f := strings.Fields(o.Ref); len(f) > 0 {
					named = named || strings.Contains(p.lines[i].plain, f[len(f)-1])
				}
			}
			if !since(outstanding, i) && !named {
				bad(i, "claimed as outstanding action, none starts before it in its item")
			}
		case roleActionRow:
			found := false
			for _, it := range doc.Items {
				for _, a := range it.Actions {
					found = found || (a.Ref != "" && strings.Contains(p.lines[i].plain, a.Ref))
				}
			}
			if !found {
				bad(i, "claimed as a row of an action raised, no action has its reference")
			}
		case roleText:
			if item[i] < 0 {
				bad(i, "claimed as text outside any item")
				continue
			}
			it := &doc.Items[item[i]]
			if !inText(it.Text, p.lines[i].plain) && !starts(decisions, i) {
				bad(i, "claimed as text, not in item %s's text", it.Number)
			}
		case roleFurniture:
			if !warnings[i] {
				bad(i, "skipped as page furniture without a warning")
			}
		case roleUnrecognised:
			if !unrecognised[i] {
				bad(i, "claimed unrecognised, not listed")
			}
		default:
			bad(i, "unknown role %q", role)
		}
	}
	return problems
}

// inText reports whether a line is in an item's text: whole, or cell by
// cell for a table row.
func inText(text, plain string) bool {
	for c := range strings.FieldsFuncSeq(plain, func(r rune) bool { return r == '\t' || r == '|' }) {
		c = strings.TrimSuffix(strings.TrimPrefix(cleanText(c), "- "), "-") // "recon-" / "ciliation" is joined as one word
		if c != "" && !strings.Contains(text, c) {
			return false
		}
	}
	return true
}

func hasLine[T any](s []T, i int, line func(T) int) bool {
	for _, x := range s {
		if line(x) == i {
			return true
		}
	}
	return false
}
