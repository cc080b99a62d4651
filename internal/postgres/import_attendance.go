package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// attendance matches the roll call to people, creating those minutebook
// does not know, keeps the initials the minutes give them, and records it.
// A member sits in the committee's category that the minutes list them
// under, or that their role names ("Panel Member (Large Supplier)" in a
// committee with the category "Large Supplier"); anyone else represents
// their organisation.
func (x *minutesImport) attendance(ctx context.Context) error {
	if err := x.loadDirectory(ctx); err != nil {
		return err
	}
	fe := mb.FieldErrors{}
	var list []mb.Attendee
	seen := map[int64]int{}
	var noSeat []string
	for i, a := range x.in.Attendees {
		field := a.Field
		if field == "" {
			field = "person-" + strconv.Itoa(i)
		}
		row := mb.Attendee{Status: a.Status, PartItems: a.PartItems}
		cat, orgName := x.category(a.Category), a.Representing
		switch {
		case cat != "":
		case x.category(a.Representing) != "":
			cat, orgName = x.category(a.Representing), ""
		default:
			cat = x.c.RoleCategory(a.Role)
		}
		switch {
		case a.Category != "" && cat == "":
			fe.Add(field, fmt.Sprintf("%s is listed under “%s” (line %d), which is not one of %s's categories (%s): correct the grouping, or ask an administrator to add the category.",
				a.Name, a.Category, a.Line, x.c.Code, strings.Join(x.c.Categories, ", ")))
			continue
		case cat == "" && strings.TrimSpace(a.Representing) == "":
			as := ""
			if a.Role != "" {
				as = ", listed as “" + a.Role + "”,"
			}
			fe.Add(field, fmt.Sprintf("Say which category %s%s sits in, or which organisation they represent (line %d).", a.Name, as, a.Line))
			continue
		}
		var p *knownPerson
		var err error
		if cat != "" {
			row.Category = cat
			var org *mb.Organisation
			if strings.TrimSpace(orgName) != "" {
				if org, err = x.organisation(ctx, orgName); err != nil {
					return err
				}
			}
			p, err = x.person(ctx, a.Name, org, cat, a.Line)
		} else {
			var org *mb.Organisation
			// A person minutebook knows may excuse a slip in the
			// organisation's name; a new person joins the organisation.
			if p = x.known(a.Name, x.dir.orgs[orgKey(a.Representing)], "", a.Line); p != nil {
				org, err = x.representing(ctx, a.Representing, p, a.Line)
			} else if org, err = x.organisation(ctx, a.Representing); err == nil && org != nil {
				p, err = x.person(ctx, a.Name, org, "", a.Line)
			}
			if err == nil && org == nil {
				x.rep.Note(a.Line, "%s is not recorded at the meeting: the organisation they represent, %s, was left out.", a.Name, a.Representing)
				continue
			}
			row.RepresentingID = &org.ID
		}
		if err != nil {
			return err
		}
		if p == nil {
			x.rep.Note(a.Line, "%s is not recorded at the meeting: they were left out of the people to create.", a.Name)
			continue
		}
		row.PersonID, row.PersonName = p.id, p.name
		if prev, ok := seen[p.id]; ok {
			x.rep.Note(a.Line, "%s is listed again (first at line %d): a person appears once per meeting, so the first is kept.", a.Name, x.in.Attendees[prev].Line)
			continue
		}
		seen[p.id] = i
		if err := x.keepInitials(ctx, p, a.Initials, a.Line); err != nil {
			return err
		}
		if cat != "" && a.Status != mb.Apologies && !x.dir.members[p.id][cat] {
			noSeat = append(noSeat, p.name+" ("+cat+")")
		}
		if a.AlternateFor != "" {
			alt, err := x.person(ctx, a.AlternateFor, nil, "*", a.Line)
			if err != nil {
				return err
			}
			if alt != nil {
				row.AlternateForID = &alt.id
			}
		}
		switch a.Status {
		case mb.Apologies:
			x.rep.Apologies++
		default:
			x.rep.Attendees++
		}
		list = append(list, row)
	}
	if err := fe.Err(); err != nil {
		e := err.(*mb.Error)
		e.Message = "The attendance cannot be recorded as it was read: " + x.firstFieldMessage(fe)
		return e
	}
	if len(noSeat) > 0 {
		x.rep.Note(0, "Listed under %s's categories but holding no seat in that category in minutebook: %s. An administrator can add their memberships.",
			x.c.Code, strings.Join(noSeat, ", "))
	}
	if err := mb.ValidateAttendance(list); err != nil {
		return err
	}
	_, err := writeAttendance(ctx, x.tx, x.m, list)
	return err
}

// keepInitials keeps the initials the minutes give a person, so that later
// minutes of the committee that refer to them by initials are read; a
// person whose initials minutebook has already keeps them, with a note
// when the minutes differ.
func (x *minutesImport) keepInitials(ctx context.Context, p *knownPerson, initials string, line int) error {
	initials = strings.TrimSpace(initials)
	switch {
	case initials == "" || initials == p.initials:
		return nil
	case !mb.ValidInitials(initials):
		x.rep.Note(line, "“%s” are not kept as %s's initials: initials are two to six letters, the first and last capitals.", initials, p.name)
		return nil
	case p.initials != "":
		x.rep.Note(line, "The minutes give %s's initials as %s; minutebook has %s, which are kept (a person's page changes them).", p.name, initials, p.initials)
		return nil
	}
	if _, err := x.tx.Exec(ctx, `UPDATE people SET initials = $2 WHERE id = $1`, p.id, initials); err != nil {
		return err
	}
	p.initials = initials
	return audit(ctx, x.tx, "person", p.id, &x.c.ID, "update", fmt.Sprintf("Kept %s as %s's initials, from the minutes of %s", initials, p.name, x.m.ShortName()))
}

// byInitials returns the one person of the committee with the initials,
// nil when none or several have them.
func (x *minutesImport) byInitials(initials string) *knownPerson {
	var found *knownPerson
	for _, ps := range x.dir.people {
		for _, p := range ps {
			if p.initials != initials || !x.dir.ours[p.id] {
				continue
			}
			if found != nil && found.id != p.id {
				return nil
			}
			found = p
		}
	}
	return found
}
