package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ImportOptions tune an import of minutes.
type ImportOptions struct {
	// DryRun makes every change in a transaction that is then rolled back,
	// so that the report says exactly what saving would do and nothing is
	// kept. The browser's preview uses it.
	DryRun bool
}

// errDryRun rolls back a dry run's transaction.
var errDryRun = errors.New("dry run")

// minutesImport carries one import through its transaction.
type minutesImport struct {
	s   *Store
	tx  pgx.Tx
	in  *mb.MinutesImport
	c   *mb.Committee
	m   *mb.Meeting
	rep *mb.ImportReport
	dir *directory
	// items are the meeting's items in the document's order, flattened,
	// each with the import's item and its decisions' ids.
	items   []*placedItem
	stale   []*mb.Item // stored items the document no longer has
	reviews []plannedReview
}

// placedItem is an imported item and where it now is.
type placedItem struct {
	in        *mb.ImportedItem
	id        int64
	decisions []int64 // the ids of in.Decisions, in order
}

// ImportMinutes saves imported minutes as a draft meeting of their committee
// in one transaction, all or nothing: a new meeting, or the draft (or
// circulated minutes) of the same committee and number, updated to match the
// document. Approved or published minutes are never overwritten. People and
// organisations are matched by name, and created when new; the actions the
// minutes raise join the register with their references as written; the
// actions outstanding table is matched by reference and closes, revises or
// enters those actions; reviewed risks are matched by reference in the
// committee's register (and created when new) and reviewed at the meeting
// in their item; an AGREED decision to escalate them opens their
// escalations; the next meetings are scheduled when the committee has none
// on those dates. The report says what was matched, created and changed.
func (s *Store) ImportMinutes(ctx context.Context, in *mb.MinutesImport, opt ImportOptions) (*mb.ImportReport, error) {
	rep := &mb.ImportReport{Notes: append([]mb.ImportNote(nil), in.Notes...)}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		x := &minutesImport{s: s, tx: tx, in: in, rep: rep}
		for _, step := range []func(context.Context) error{
			x.committee, x.meeting, x.attendance, x.planReviews, x.writeItems, x.partItems, x.formalRecord, x.raisedActions,
			x.outstanding, x.recordReviews, x.escalations, x.nextMeetings,
		} {
			if err := step(ctx); err != nil {
				return err
			}
		}
		summary := fmt.Sprintf("Imported the minutes of %s from %s: %d items, %d decisions, %d actions raised",
			x.m.ShortName(), sourceName(in.Source), rep.Items, rep.Decisions, len(rep.ActionsRaised))
		if err := audit(ctx, tx, "meeting", x.m.ID, &x.c.ID, "import", summary); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return rep, nil
	}
	if err != nil {
		return nil, storeError(err, importConstraints, "import minutes")
	}
	return rep, nil
}

var importConstraints = map[string]*mb.Error{
	"meetings_approval_decision_fkey": {Code: mb.ECONFLICT,
		Message: "The document drops an item or decision that holds the approval of an earlier meeting's minutes, which cannot be removed."},
	"risk_escalations_withdrawn_decision_id_fkey": {Code: mb.ECONFLICT,
		Message: "The document drops a decision that withdrew a risk's escalation, which cannot be removed."},
	"meetings_reference_key": {Code: mb.ECONFLICT, Message: "Another meeting already has the reference this meeting's number and date give."},
}

func sourceName(s string) string {
	if s == "" {
		return "a document"
	}
	return s
}

// committee locks the committee the minutes belong to, so that two imports
// for it cannot interleave.
func (x *minutesImport) committee(ctx context.Context) error {
	code := x.in.CommitteeCode
	c, err := scanCommittee(x.tx.QueryRow(ctx, `SELECT `+committeeColumns+committeeFrom+` WHERE c.code = $1 FOR NO KEY UPDATE OF c`, code))
	if err != nil {
		msg := fmt.Sprintf("There is no committee %s in minutebook: an administrator adds committees.", code)
		return notFound(err, "%s", msg)
	}
	x.c = c
	return nil
}

// meeting creates the meeting, or updates the header of its draft; it
// refuses approved or published minutes.
func (x *minutesImport) meeting(ctx context.Context) error {
	in := x.in
	m := &mb.Meeting{CommitteeID: x.c.ID, Number: in.Number, Kind: in.Kind, Date: in.Date, Start: in.Start, End: in.End,
		Venue: in.Venue, Classification: in.Classification, Status: mb.Draft}
	m.Normalize()
	if err := m.Validate(); err != nil {
		return err
	}
	before, err := scanMeeting(x.tx.QueryRow(ctx, `SELECT `+meetingColumns+meetingFrom+` WHERE m.committee_id = $1 AND m.number = $2 FOR UPDATE OF m`,
		x.c.ID, in.Number))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		if err := insertMeeting(ctx, x.tx, m); err != nil {
			return err
		}
		x.rep.Created = true
	case err != nil:
		return err
	case before.Status == mb.Approved || before.Status == mb.Published:
		msg := fmt.Sprintf("The minutes of %s are %s: an import never overwrites approved or published minutes. To change them, open a correction on the meeting's page.",
			before.ShortName(), strings.ToLower(before.Status.Label()))
		return &mb.Error{Code: mb.ECONFLICT, Message: msg, Fields: map[string]string{"number": msg}}
	default:
		m.ID, m.Version = before.ID, before.Version
		if before.Kind != m.Kind || !before.Date.Equal(m.Date) {
			x.rep.Note(0, "%s was scheduled as a %s on %s; the document makes it a %s on %s.",
				before.ShortName(), before.Kind.Label(), before.DateLabel(), m.Kind.Label(), m.DateLabel())
		}
		if meetingChanges(before, m) == "no visible change" {
			*m = *before
		} else if err := updateMeetingHeader(ctx, x.tx, before, m); err != nil {
			return err
		}
		if before.Status == mb.Circulated {
			x.rep.Note(0, "The minutes of %s were circulated: they stay circulated, with the members' comments on their items.", m.ShortName())
		}
	}
	x.m, x.rep.Meeting = m, m
	if in.Reference != "" && !strings.EqualFold(in.Reference, m.Reference) {
		x.rep.Note(0, "The document's reference %s differs from %s, which minutebook derives from the committee, the number and the date.", in.Reference, m.Reference)
	}
	if in.Final {
		x.rep.Note(0, "The document is the final minutes; minutebook keeps them as a draft until their approval at a later meeting is recorded.")
	}
	return nil
}

// nextMeetings schedules the meetings the minutes end with, when the
// committee has none on those dates and none after them (a date among
// meetings already recorded would need a number that is taken), with the
// number, time and venue the minutes give.
func (x *minutesImport) nextMeetings(ctx context.Context) error {
	var last int
	var latest time.Time
	if err := x.tx.QueryRow(ctx, `SELECT coalesce(max(number), 0), coalesce(max(date), '0001-01-01') FROM meetings WHERE committee_id = $1`,
		x.c.ID).Scan(&last, &latest); err != nil {
		return err
	}
	// Meetings the minutes number ("Meeting 62 – …") take their numbers
	// first; the others are numbered after them.
	next := slices.Clone(x.in.NextMeetings)
	slices.SortStableFunc(next, func(a, b mb.ImportedNextMeeting) int { return min(b.Number, 1) - min(a.Number, 1) })
	used := last
	taken := map[int]bool{}
	for _, n := range next {
		var scheduled bool
		if err := x.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM meetings WHERE committee_id = $1 AND date = $2)`,
			x.c.ID, n.Date).Scan(&scheduled); err != nil {
			return err
		}
		if scheduled {
			continue
		}
		label := n.Kind.Label() + " on " + n.Date.Format("2 January 2006")
		if !n.Date.After(latest) {
			x.rep.Note(0, "The minutes name the next %s, but %s has no meeting that day and has meetings after it: add it by hand if it took place.", label, x.c.Code)
			continue
		}
		number := used + 1
		switch {
		case n.Number > last && !taken[n.Number]:
			number = n.Number
		case n.Number > 0:
			x.rep.Note(0, "The minutes number the next %s meeting %d, which %s has already: it is numbered %d.", label, n.Number, x.c.Code, number)
		}
		key := n.Date.Format(time.DateOnly)
		m := &mb.Meeting{CommitteeID: x.c.ID, Number: number, Kind: n.Kind, Date: n.Date, Start: n.Start, Venue: n.Venue,
			Classification: x.m.Classification, Status: mb.Draft}
		m.Normalize()
		desc := fmt.Sprintf("%s %d (%s, %s)", x.c.Code, m.Number, m.Kind.Label(), m.DateLabel())
		if x.in.Skip.Skips(mb.EffectMeeting, key) {
			x.rep.Skip(mb.EffectMeeting, key, desc)
			continue
		}
		if err := m.Validate(); err != nil {
			x.rep.Note(0, "The next %s is not scheduled: %s", label, firstMessage(err))
			continue
		}
		if err := insertMeeting(ctx, x.tx, m); err != nil {
			return err
		}
		taken[number], used = true, max(used, number)
		x.rep.NewMeetings = append(x.rep.NewMeetings, desc)
		x.rep.Effect(mb.EffectMeeting, key, desc)
	}
	return nil
}

// itemError names the item a domain error belongs to.
func itemError(it *mb.ImportedItem, err error) error {
	var e *mb.Error
	if !errors.As(err, &e) {
		return err
	}
	msg := fmt.Sprintf("Item %s (line %d): %s", it.Number, it.Line, e.Message)
	fields := e.Fields
	if len(fields) == 0 && it.Field != "" {
		fields = map[string]string{it.Field: msg}
	}
	return &mb.Error{Code: e.Code, Message: msg, Fields: fields}
}
