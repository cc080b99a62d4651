package importer

import (
	"fmt"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

// The references of the actions a document raises: as written ("105/01"),
// in a workgroup's four digits ("0401": meeting 04, action 01), or none at
// all ("Action: Finance Director to …"), which minutebook numbers after the
// meeting's other actions. A document numbered for another meeting than the
// one it is saved as keeps its references as written, or is renumbered to
// the meeting when asked (Options.Renumber): its actions stay actions
// either way.

// writtenRef reads an action's reference for a meeting numbered number.
func writtenRef(ref string, number int) (meeting, seq int, ok bool) {
	if m, s, found := strings.Cut(ref, "/"); found {
		meeting, seq = atoi(m), atoi(s)
		return meeting, seq, meeting > 0 && seq > 0
	}
	if m, s, four := fourDigitRef(ref); four && (number == 0 || m == number) {
		return m, s, true
	}
	return 0, 0, false
}

// fourDigitRef reads "0401" as meeting 4, action 1.
func fourDigitRef(ref string) (meeting, seq int, ok bool) {
	if len(ref) != 4 || strings.Trim(ref, "0123456789") != "" {
		return 0, 0, false
	}
	meeting, seq = atoi(ref[:2]), atoi(ref[2:])
	return meeting, seq, meeting > 0 && seq > 0
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return -1
	}
	return n
}

// firstPerson is the first of the people an owner stands for ("Wen Li;
// Piotr Zieliński"): an action has one owner person.
func firstPerson(s string) string {
	first, _, _ := strings.Cut(s, ";")
	return strings.TrimSpace(first)
}

// ownerOrganisation is the organisation an owner names beside a person:
// "Northfell Gas Networks" of "Northfell Gas Networks (DM)".
func ownerOrganisation(owner, person string) string {
	if person == "" {
		return ""
	}
	if k := strings.IndexByte(owner, '('); k > 0 {
		return strings.TrimSpace(owner[:k])
	}
	return ""
}

// action converts an action raised, leaving its numbering to numberActions.
func (c *converter) action(a minutesimport.Action, field string) mb.ImportedAction {
	in := mb.ImportedAction{Written: a.Ref, Text: strings.TrimSpace(a.Text), Owner: a.Owner, OwnerPerson: firstPerson(a.OwnerPerson), Line: a.Line, Field: field}
	in.OwnerOrganisation = ownerOrganisation(a.Owner, in.OwnerPerson)
	if d, ok := c.date(a.Target); ok {
		if !c.imp.Date.IsZero() && d.Before(c.imp.Date) {
			c.note(a.Line, "The target date of ACTION %s, %s, is before the meeting: it is left out.", refOr(a.Ref), d.Format("02/01/2006"))
		} else {
			in.Target = &d
		}
	}
	return in
}

func refOr(ref string) string {
	if ref == "" {
		return "(not numbered)"
	}
	return ref
}

// numberActions gives every action raised its reference: as written, or
// numbered for this meeting when the document gives none or the person
// asked to renumber.
func (c *converter) numberActions() {
	number := c.imp.Number
	var all []*mb.ImportedAction
	var walk func(items []mb.ImportedItem)
	walk = func(items []mb.ImportedItem) {
		for i := range items {
			for j := range items[i].Actions {
				all = append(all, &items[i].Actions[j])
			}
			walk(items[i].Children)
		}
	}
	walk(c.imp.Items)
	highest := 0
	for _, a := range all {
		m, s, ok := writtenRef(a.Written, number)
		if ok && m != number {
			c.imp.RefsDiffer = true
		}
		if ok && m == number {
			highest = max(highest, s)
		}
	}
	c.imp.Renumbered = c.opt.Renumber && c.imp.RefsDiffer
	next := 0
	for _, a := range all {
		m, s, ok := writtenRef(a.Written, number)
		switch {
		case c.imp.Renumbered:
			next++
			a.MeetingNumber, a.Sequence = number, next
			c.note(a.Line, "ACTION %s is numbered %s, for this meeting, as asked.", refOr(a.Written), mb.ShortActionReference(number, next))
		case ok:
			a.MeetingNumber, a.Sequence = m, s
			if m != number && number > 0 {
				c.note(a.Line, "ACTION %s is numbered for meeting %d, not %d: it keeps its reference as written (the preview can renumber it).", a.Written, m, number)
			}
			if a.Written == mb.ShortActionReference(m, s) {
				a.Written = ""
			}
		default:
			highest++
			a.MeetingNumber, a.Sequence = number, highest
			if a.Written == "" {
				c.note(a.Line, "The action “%s” has no reference: it is numbered %s.", clip(a.Text, 40), mb.ShortActionReference(number, highest))
			} else {
				c.note(a.Line, "ACTION %s is numbered %s.", a.Written, mb.ShortActionReference(number, highest))
			}
		}
	}
	if c.imp.Renumbered {
		return
	}
	// Renumbered actions and new numbers must not take a written one.
	seen := map[string]int{}
	for _, a := range all {
		key := fmt.Sprint(a.MeetingNumber, "/", a.Sequence)
		if line, dup := seen[key]; dup {
			c.note(a.Line, "ACTION %s is raised twice (also at line %d).", mb.ShortActionReference(a.MeetingNumber, a.Sequence), line)
		}
		seen[key] = a.Line
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}
