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

func (p *parser) recorded() []person {
	var out []person
	for _, a := range p.doc.Attendees {
		out = append(out, person{a.Name, a.Initials, a.Role})
	}
	for _, a := range p.doc.Apologies {
		out = append(out, person{a.Name, a.Initials, a.Role})
	}
	return out
}

// resolveOwners fills in who owns each action.
func (p *parser) resolveOwners() {
	people := p.recorded()
	if len(people) == 0 {
		return
	}
	for k := range p.doc.Items {
		for j := range p.doc.Items[k].Actions {
			a := &p.doc.Items[k].Actions[j]
			a.OwnerPerson = ownerPerson(a.Owner, people)
		}
	}
	for k := range p.doc.OutstandingActions {
		o := &p.doc.OutstandingActions[k]
		o.OwnerPerson = ownerPerson(o.Owner, people)
	}
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
