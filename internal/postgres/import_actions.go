package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// raisedActions puts the actions the minutes raise into the register with
// their references as written: an action already there (from an earlier
// import, or entered from a later meeting's actions outstanding table
// before these minutes were imported) is updated and tied to its item; a
// new one is added; the meeting's counter moves past the highest number, so
// that no number is handed out twice. Actions of the meeting the document
// no longer raises are removed, unless the register has recorded changes
// to them. Items the document no longer has go last.
func (x *minutesImport) raisedActions(ctx context.Context) error {
	kept := map[int64]bool{}
	highest := map[int]int{} // meeting number → the highest sequence raised
	for _, p := range x.items {
		for _, in := range p.in.Actions {
			a, err := x.raiseOne(ctx, p, in, kept)
			if err != nil {
				if len(mb.ErrorFields(err)) == 0 && in.Field != "" {
					err = &mb.Error{Code: mb.ErrorCode(err), Message: mb.ErrorMessage(err), Fields: map[string]string{in.Field: mb.ErrorMessage(err)}}
				}
				return itemError(p.in, err)
			}
			kept[a.ID] = true
			highest[in.MeetingNumber] = max(highest[in.MeetingNumber], in.Sequence)
			x.rep.ActionsRaised = append(x.rep.ActionsRaised, in.Reference(x.c.Code))
		}
	}
	for number, seq := range highest {
		// A reference kept as written for another meeting takes that
		// meeting's number too, so that it is never handed out again.
		if _, err := x.tx.Exec(ctx, `UPDATE meetings SET last_action_sequence = greatest(last_action_sequence, $3)
			WHERE committee_id = $1 AND number = $2`, x.c.ID, number, seq); err != nil {
			return err
		}
	}
	if err := x.dropUnraised(ctx, kept); err != nil {
		return err
	}
	return x.dropStaleItems(ctx)
}

func (x *minutesImport) raiseOne(ctx context.Context, p *placedItem, in mb.ImportedAction, kept map[int64]bool) (*mb.Action, error) {
	owner, person, err := x.owner(ctx, actionOwner{in.Owner, in.OwnerPerson, in.OwnerOrganisation}, in.Line, "ACTION "+mb.ShortActionReference(in.MeetingNumber, in.Sequence))
	if err != nil {
		return nil, err
	}
	a := &mb.Action{CommitteeID: x.c.ID, CommitteeCode: x.c.Code, MeetingNumber: in.MeetingNumber, Sequence: in.Sequence,
		RaisedMeetingID: &x.m.ID, ItemID: &p.id, RaisedOn: x.m.Date, Text: in.Text, OwnerID: owner, OwnerPersonID: person, TargetDate: in.Target}
	if err := a.ValidateRaised(x.m.Date); err != nil {
		return nil, mb.Errorf(mb.ErrorCode(err), "ACTION %s (line %d): %s", a.ShortReference(), in.Line, mb.ErrorMessage(err))
	}
	before, err := scanAction(x.tx.QueryRow(ctx, `SELECT `+actionColumns+actionFrom+`
		WHERE a.committee_id = $1 AND a.meeting_number = $2 AND a.sequence = $3 FOR UPDATE OF a`, x.c.ID, in.MeetingNumber, in.Sequence))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return a, insertAction(ctx, x.tx, a, "Raised ACTION "+a.Reference()+" on import: "+a.Text)
	case err != nil:
		return nil, err
	case kept[before.ID]:
		return nil, mb.Errorf(mb.EINVALID, "ACTION %s is raised twice (line %d): references are never reused.", a.ShortReference(), in.Line)
	case before.RaisedMeetingID != nil && *before.RaisedMeetingID != x.m.ID:
		// The document's reference, kept as written, is another meeting's
		// action: renumbering gives the actions this meeting's numbers.
		msg := fmt.Sprintf("ACTION %s (line %d) is kept as written, but %s is already an action of another meeting: renumber the actions to this meeting.", a.ShortReference(), in.Line, a.Reference())
		return nil, &mb.Error{Code: mb.ECONFLICT, Message: msg, Fields: map[string]string{"renumber": msg}}
	}
	if before.RaisedMeetingID == nil && !before.RaisedOn.Equal(x.m.Date) {
		x.rep.Note(in.Line, "%s was entered as raised on %s; these minutes date it %s.", a.Reference(), before.RaisedOn.Format("02/01/2006"), x.m.Date.Format("02/01/2006"))
	}
	a.ID = before.ID
	// The target as first set follows the document; a revision the
	// register has recorded since stays the current target.
	_, err = x.tx.Exec(ctx, `UPDATE actions SET text = $2, owner_organisation_id = $3, owner_person_id = $4, item_id = $5,
		raised_meeting_id = $6, raised_on = $7, target_date = $8,
		current_target_date = CASE WHEN EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = $1 AND e.kind = 'revised')
			THEN current_target_date ELSE $8 END,
		version = version + 1, updated_at = now() WHERE id = $1`,
		a.ID, a.Text, a.OwnerID, a.OwnerPersonID, a.ItemID, x.m.ID, x.m.Date, a.TargetDate)
	if err != nil {
		return nil, err
	}
	var c changeList
	c.add("text", before.Text, a.Text)
	c.add("owner", fmt.Sprint(before.OwnerID), fmt.Sprint(a.OwnerID))
	c.add("item", idString(before.ItemID), idString(a.ItemID))
	c.add("target date", dateString(before.TargetDate), dateString(a.TargetDate))
	return a, audit(ctx, x.tx, "action", a.ID, &x.c.ID, "update", "Updated ACTION "+a.Reference()+" on import: "+c.String())
}

// dropUnraised removes the meeting's actions that the document does not
// raise; one with recorded changes is kept, out of its item, with a note.
func (x *minutesImport) dropUnraised(ctx context.Context, kept map[int64]bool) error {
	rows, err := x.tx.Query(ctx, `SELECT `+actionColumns+actionFrom+` WHERE a.raised_meeting_id = $1 ORDER BY a.sequence`, x.m.ID)
	if err != nil {
		return err
	}
	list, err := collectActions(rows)
	if err != nil {
		return err
	}
	for _, a := range list {
		if kept[a.ID] {
			continue
		}
		var events bool
		if err := x.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM action_events WHERE action_id = $1)`, a.ID).Scan(&events); err != nil {
			return err
		}
		if events {
			if _, err := x.tx.Exec(ctx, `UPDATE actions SET item_id = NULL WHERE id = $1`, a.ID); err != nil {
				return err
			}
			x.rep.Note(0, "The document no longer raises %s, but the register has recorded changes to it: it is kept, outside the items.", a.Reference())
			continue
		}
		if _, err := x.tx.Exec(ctx, `DELETE FROM actions WHERE id = $1`, a.ID); err != nil {
			return err
		}
		x.rep.Note(0, "Removed %s, which the document no longer raises; its number is not reused.", a.Reference())
		if err := audit(ctx, x.tx, "action", a.ID, &x.c.ID, "delete", "Deleted ACTION "+a.Reference()+" from "+x.m.ShortName()+" on import"); err != nil {
			return err
		}
	}
	return nil
}

// dropStaleItems deletes the items the document no longer has; a sub-item
// goes with its item.
func (x *minutesImport) dropStaleItems(ctx context.Context) error {
	stale := map[int64]bool{}
	for _, it := range x.stale {
		stale[it.ID] = true
	}
	for _, it := range x.stale {
		if it.ParentID != nil && stale[*it.ParentID] {
			continue
		}
		if err := deleteItem(ctx, x.tx, x.m, it); err != nil {
			return err
		}
		x.rep.Note(0, "Removed item “%s”, which the document no longer has.", it.Title)
	}
	return nil
}

// actionOwner is who the minutes say owns an action: as written ("JK",
// "Northfell Gas Networks (DM)"), the person that is among the attendees,
// and the organisation written beside them.
type actionOwner struct{ written, person, organisation string }

// owner resolves who owns an action: the attendee the minutes name (with
// the organisation written beside them, or their own); a person of the
// committee with the initials written; a person minutebook knows by that
// name (and their organisation); else the organisation of that name,
// created when new. An action whose owner the minutes do not name, or
// whose owner was left out, goes to the committee's secretariat, with a note.
func (x *minutesImport) owner(ctx context.Context, o actionOwner, line int, what string) (int64, *int64, error) {
	name := strings.TrimSpace(o.written)
	secretariat := func(why string, person *int64) (int64, *int64, error) {
		if x.c.SecretariatID == nil {
			return 0, nil, mb.Errorf(mb.EINVALID, "%s (line %d) %s, and %s has no secretariat to give it to: correct the owner.", what, line, why, x.c.Code)
		}
		x.rep.Note(line, "%s %s: it is given to %s, the secretariat; check it.", what, why, x.c.SecretariatName)
		return *x.c.SecretariatID, person, nil
	}
	if name == "" && o.person == "" {
		return secretariat("names no owner", nil)
	}
	var p *knownPerson
	switch {
	case o.person != "":
		p = x.known(o.person, nil, "*", line)
	case mb.ValidInitials(name):
		p = x.byInitials(name)
	}
	if p != nil {
		org := p.orgID
		if o.organisation != "" {
			named, err := x.organisation(ctx, o.organisation)
			if err != nil {
				return 0, nil, err
			}
			if named != nil {
				org = &named.ID
			}
		}
		if org == nil {
			return secretariat("is owned by "+p.name+", who has no organisation in minutebook", &p.id)
		}
		return *org, &p.id, nil
	}
	if ps := x.dir.people[nameKey(name)]; len(ps) == 1 && ps[0].orgID != nil && x.dir.orgs[orgKey(name)] == nil {
		return *ps[0].orgID, &ps[0].id, nil
	}
	org, err := x.organisation(ctx, name)
	if err != nil {
		return 0, nil, err
	}
	if org == nil {
		return secretariat("is owned by "+name+", which was left out of the organisations to create", nil)
	}
	return org.ID, nil, nil
}

// appendToMinute adds a paragraph to an item's minute, for what the import
// could not place elsewhere, so that nothing is lost.
func (x *minutesImport) appendToMinute(ctx context.Context, p *placedItem, para string) error {
	_, err := x.tx.Exec(ctx, `UPDATE agenda_items SET minute = btrim(minute || E'\n\n' || $2), updated_at = now() WHERE id = $1`, p.id, para)
	return err
}
