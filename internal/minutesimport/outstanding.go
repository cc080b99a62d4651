package minutesimport

import (
	"regexp"
	"strings"
)

// outTable is the actions outstanding table being read: the field each
// column holds.
type outTable struct {
	cols []string
}

var (
	outRefRE    = regexp.MustCompile(`^(?:([A-Z][A-Z0-9]{1,15})\s*)?(\d{1,4}/\d{1,3}(?:\(\d{1,2}\))?|\d{3,4})$`)
	statusRowRE = regexp.MustCompile(`(?i)^status\s*:\s*(.*)$`)
)

// outstandingColumns recognises the heading row of the actions outstanding
// table: "Action Ref.<tab>Action<tab>Date Raised<tab>Last Target Date<tab>
// Revised Target Date<tab>Owner", in any order, with or without Status.
func outstandingColumns(cells []string) ([]string, bool) {
	if nonEmpty(cells) < 3 {
		return nil, false
	}
	cols := make([]string, len(cells))
	var ref, text bool
	for k, c := range cells {
		low := strings.ToLower(c)
		switch {
		case c == "":
		case strings.Contains(low, "minute") || strings.Contains(low, "item"):
			cols[k] = "minute" // where it was raised: "Minute Ref"
		case strings.Contains(low, "ref"):
			cols[k], ref = "ref", true
		case strings.Contains(low, "revised"):
			cols[k] = "revised"
		case strings.Contains(low, "target"), strings.Contains(low, "due"):
			cols[k] = "target"
		case strings.Contains(low, "raised"), strings.Contains(low, "meeting"), low == "date":
			cols[k] = "raised"
		case strings.Contains(low, "owner"):
			cols[k] = "owner"
		case strings.Contains(low, "status"):
			cols[k] = "status"
		case strings.Contains(low, "action"), strings.Contains(low, "description"):
			cols[k], text = "text", true
		default:
			return nil, false
		}
	}
	return cols, ref && text
}

// outstandingRow reads a row of the table. A row may be a new action, the
// "Status: Closed" line under an action, or, where the table broke across a
// page and its heading was repeated, the rest of the previous action's
// cells, which are joined on.
func (p *parser) outstandingRow(i int, cells []string) {
	var last *OutstandingAction
	if p.lastOut >= 0 {
		last = &p.doc.OutstandingActions[p.lastOut]
	}
	refCol := -1
	for k, f := range p.table.cols {
		if f == "ref" {
			refCol = k
			break
		}
	}
	first, refCell := "", ""
	for _, c := range cells {
		if c != "" {
			first = c
			break
		}
	}
	if refCol >= 0 && refCol < len(cells) {
		refCell = cells[refCol]
	}
	switch {
	case statusRowRE.MatchString(first):
		if last == nil {
			p.unrecognised(i)
			return
		}
		last.Status = titleCase(strings.TrimSpace(statusRowRE.FindStringSubmatch(first)[1]))
		for _, c := range cells {
			if c != "" && c != first {
				p.warn(i, "ignored %q on the status line of %s", c, last.Ref)
			}
		}
	case outRefRE.MatchString(refCell):
		m := outRefRE.FindStringSubmatch(refCell)
		ref := refCell
		if m[1] == "" && p.doc.Meeting.Committee != "" {
			ref = p.doc.Meeting.Committee + " " + m[2] // the register's form, "OPSG 102/01"
		}
		row := OutstandingAction{Ref: ref, Line: i}
		p.cells(i, &row, cells)
		if p.raisedRow(&row) {
			// The meeting's own action, listed in its actions table.
			p.lastOut = -1
			p.mark(i, roleActionRow)
			return
		}
		p.addOutstanding(row)
		for k := range p.doc.OutstandingActions {
			if sameRef(p.doc.OutstandingActions[k].Ref, ref) {
				p.lastOut = k
			}
		}
	case refCell == "" && last != nil:
		p.cells(i, last, cells)
	default:
		p.unrecognised(i)
		return
	}
	p.mark(i, roleOutstanding)
}

// cells stores a row's cells in the action, joining text that continues.
func (p *parser) cells(i int, a *OutstandingAction, cells []string) {
	for k, c := range cells {
		if c == "" || k >= len(p.table.cols) {
			if c != "" {
				p.warn(i, "ignored %q beyond the table's columns", c)
			}
			continue
		}
		switch p.table.cols[k] {
		case "text":
			a.Text = strings.TrimSpace(a.Text + " " + c)
		case "owner":
			a.Owner = strings.TrimSpace(a.Owner + " " + c)
		case "status":
			// "Carried Forward – due 09/06/26": a status and a new date.
			if st, due, ok := strings.Cut(c, "–"); ok && hasLetter(st) {
				if iso, _, _, found := findDate(due); found {
					a.Status, a.RevisedTarget = statusCase(st), iso
					continue
				}
			}
			a.Status = statusCase(c)
		case "raised":
			p.setDate(i, a, &a.Raised, "date raised", c)
		case "target":
			// "30/04/2026, revised to 30/06/2026": the target and its revision.
			if dates := allDates(c); len(dates) > 1 {
				a.Target, a.RevisedTarget = dates[0], dates[len(dates)-1]
				continue
			}
			p.setDate(i, a, &a.Target, "target date", c)
		case "revised":
			p.setDate(i, a, &a.RevisedTarget, "revised target date", c)
		}
	}
}

// allDates returns every date a cell gives, in order.
func allDates(s string) []string {
	var out []string
	for s != "" {
		iso, _, end, ok := findDate(s)
		if !ok {
			break
		}
		out = append(out, iso)
		s = s[end:]
	}
	return out
}

func (p *parser) setDate(i int, a *OutstandingAction, field *string, what, cell string) {
	iso, ok := cellDate(cell)
	switch {
	case !ok:
		p.warn(i, "could not read %q as the %s of %s", cell, what, a.Ref)
	case *field != "" && *field != iso:
		p.warn(i, "%s gives two values for the %s (%s and %s); kept the later line's", a.Ref, what, *field, iso)
		*field = iso
	default:
		*field = iso
	}
}
