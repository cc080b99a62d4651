package minutesimport

import (
	"regexp"
	"strings"
)

// The owner of an action as the minutes write it is kept as written ("JK",
// "Finance Director", "Northfell Gas Networks (DM)", "WL and PZ"); who that
// is among the people recorded at the meeting is worked out from their
// initials, names and roles, and kept beside it.

var ownerSplitRE = regexp.MustCompile(`\s+(?:and|&)\s+|\s*,\s*`)

// person is someone recorded at the meeting, as the owners are matched
// against them.
type person struct{ name, initials, role string }

// resolveOwners fills in who owns each action.
func (p *parser) resolveOwners() {
	d := p.doc
	if len(d.Attendees)+len(d.Apologies) == 0 {
		return
	}
	for k := range d.Items {
		for j := range d.Items[k].Actions {
			a := &d.Items[k].Actions[j]
			a.OwnerPerson = d.OwnerPerson(a.Owner)
		}
	}
	for k := range d.OutstandingActions {
		o := &d.OutstandingActions[k]
		o.OwnerPerson = d.OwnerPerson(o.Owner)
	}
}

// OwnerPerson names the people recorded at the meeting that an action's
// owner as written stands for ("JK" is "Jana Kovář"), "; " between them,
// or "" when the owner is an organisation or nobody recorded; for an owner
// a person corrected.
func (d *Document) OwnerPerson(owner string) string {
	var people []person
	for _, a := range d.Attendees {
		people = append(people, person{a.Name, a.Initials, a.Role})
	}
	for _, a := range d.Apologies {
		people = append(people, person{a.Name, a.Initials, a.Role})
	}
	return ownerPerson(owner, people)
}

// ownerPerson names the people an owner stands for, "; " between them, or
// "" when the owner is an organisation or nobody recorded.
func ownerPerson(owner string, people []person) string {
	owner = strings.TrimSpace(owner)
	if owner == "" {
		return ""
	}
	// "Northfell Gas Networks (DM)", "ITF Secretariat (Yara Haddad)"
	if m := parenRE.FindStringSubmatch(owner); m != nil {
		if n := ownerPerson(m[1], people); n != "" {
			return n
		}
		owner = stripParens(owner)
	}
	var names []string
	for _, part := range ownerSplitRE.Split(owner, -1) {
		n := onePerson(part, people)
		if n == "" {
			return "" // an organisation, or "Finance and Audit Committee", no two people
		}
		names = append(names, n)
	}
	return strings.Join(names, "; ")
}

func onePerson(s string, people []person) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "The "))
	s = strings.TrimPrefix(s, "the ")
	if s == "" {
		return ""
	}
	unique := func(match func(person) bool) string {
		found := ""
		for _, x := range people {
			if match(x) {
				if found != "" && found != x.name {
					return ""
				}
				found = x.name
			}
		}
		return found
	}
	if n := unique(func(x person) bool { return x.initials != "" && x.initials == s }); n != "" {
		return n
	}
	if n := unique(func(x person) bool { return strings.EqualFold(x.name, s) }); n != "" {
		return n
	}
	if n := unique(func(x person) bool { return x.role != "" && strings.EqualFold(x.role, s) }); n != "" {
		return n
	}
	// "Chair" is the one person whose role is a chair ("Independent
	// Chair"), not a vice-chair.
	low := strings.ToLower(s)
	if low == "chair" || low == "chairman" || low == "chairperson" || low == "secretary" {
		return unique(func(x person) bool {
			r := strings.ToLower(x.role)
			return strings.HasSuffix(r, low) && !strings.Contains(r, "vice") && !strings.Contains(r, "deputy") && !strings.Contains(r, "alternate")
		})
	}
	return ""
}
