package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// registerQuery builds the WHERE clause of a view of the register: the
// actions the reader may read, and the filter (its status only when
// withStatus).
type registerQuery struct {
	where []string
	args  args
}

func (q *registerQuery) arg(v any) string { return q.args.add(v) }

// overdueSQL is true for an action open past its current target; $today is
// substituted by the caller.
const overdueSQL = `(a.status = 'open' AND coalesce(a.current_target_date, a.target_date) < %s)`

func newRegisterQuery(rd *mb.Reader, f mb.ActionFilter, withStatus bool) *registerQuery {
	q := &registerQuery{}
	if !rd.Admin() {
		q.where = append(q.where, q.args.readable(rd, recordFacts("a")))
	}
	if f.CommitteeID != nil {
		q.where = append(q.where, "a.committee_id = "+q.arg(*f.CommitteeID))
	}
	if f.OwnerID != nil {
		q.where = append(q.where, "a.owner_organisation_id = "+q.arg(*f.OwnerID))
	}
	if o := f.OwnedBy; o != nil {
		mine := "a.owner_person_id = " + q.arg(o.PersonID)
		if o.OrganisationID != nil {
			mine = "(" + mine + " OR a.owner_organisation_id = " + q.arg(*o.OrganisationID) + ")"
		}
		q.where = append(q.where, mine)
	}
	if f.RaisedFrom != nil {
		q.where = append(q.where, "a.raised_on >= "+q.arg(*f.RaisedFrom))
	}
	if f.RaisedTo != nil {
		q.where = append(q.where, "a.raised_on <= "+q.arg(*f.RaisedTo))
	}
	for _, w := range f.Words {
		q.where = append(q.where, `a.text ILIKE '%' || `+q.arg(likeEscape(w))+` || '%'`)
	}
	if withStatus {
		switch f.Status {
		case mb.FilterOpen:
			q.where = append(q.where, "a.status = 'open'")
		case mb.FilterClosed:
			q.where = append(q.where, "a.status = 'closed'")
		case mb.FilterOverdue:
			q.where = append(q.where, fmt.Sprintf(overdueSQL, q.arg(f.Today)))
		}
	}
	return q
}

// whereSQL is the WHERE clause, with the extra conditions when given.
func (q *registerQuery) whereSQL(extra ...string) string {
	where := append(slices.Clone(q.where), extra...)
	if len(where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(where, " AND ")
}

// likeEscape makes a word match literally inside ILIKE.
func likeEscape(w string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(w)
}

var registerOrder = map[string]string{
	mb.SortReference: `a.committee_code, a.meeting_number, a.sequence`,
	mb.SortTarget:    `coalesce(a.current_target_date, a.target_date), a.committee_code, a.meeting_number, a.sequence`,
	mb.SortAge:       `a.raised_on, a.committee_code, a.meeting_number, a.sequence`,
}

// slipColumns add each action's slippage, kept on the action by the
// writes that revise its target (migration 0012).
const slipColumns = `, a.revisions, a.slip_days`

// rowWith scans extra columns after the ones scanAction reads.
type rowWith struct {
	pgx.Row
	extra []any
}

func (r rowWith) Scan(dest ...any) error { return r.Row.Scan(append(dest, r.extra...)...) }

// EachRegisterEntry calls fn for every action in the view, in order, one
// row at a time, so an export of the whole register never holds it all.
// A page (f.Limit) is chosen from the index in its order, which carries the
// reading rule's facts and the filters' columns, and only its rows are read.
func (s *Store) EachRegisterEntry(ctx context.Context, rd *mb.Reader, f mb.ActionFilter, fn func(mb.RegisterEntry) error) error {
	q := newRegisterQuery(rd, f, true)
	order, ok := registerOrder[f.Sort]
	if !ok {
		order = registerOrder[mb.SortReference]
	}
	sql := `SELECT ` + actionColumns + slipColumns + actionFrom + q.whereSQL() + ` ORDER BY ` + order
	if f.Limit > 0 || f.Offset > 0 {
		page := `SELECT a.id FROM actions a` + q.whereSQL() + ` ORDER BY ` + order
		if f.Limit > 0 {
			page += " LIMIT " + q.arg(f.Limit)
		}
		if f.Offset > 0 {
			page += " OFFSET " + q.arg(f.Offset)
		}
		sql = `SELECT ` + actionColumns + slipColumns + actionFrom + ` WHERE a.id IN (` + page + `) ORDER BY ` + order
	}
	rows, err := s.pool.Query(ctx, sql, q.args...)
	if err != nil {
		return fmt.Errorf("postgres: actions register: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e mb.RegisterEntry
		a, err := scanAction(rowWith{Row: rows, extra: []any{&e.Slippage.Revisions, &e.Slippage.Days}})
		if err != nil {
			return fmt.Errorf("postgres: actions register: %w", err)
		}
		e.Action = a
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: actions register: %w", err)
	}
	return nil
}

// RegisterEntries returns one page of the view.
func (s *Store) RegisterEntries(ctx context.Context, rd *mb.Reader, f mb.ActionFilter) ([]mb.RegisterEntry, error) {
	var list []mb.RegisterEntry
	err := s.EachRegisterEntry(ctx, rd, f, func(e mb.RegisterEntry) error {
		list = append(list, e)
		return nil
	})
	return list, err
}

// everyCommittee are the rows of action_summaries that sum every
// committee's closed actions once, those the reader may read (the reading
// rule's SQL, built by readable, for each part): the published CLEAR and
// GREEN ones summed over every committee (access_committee 0), and the
// rest by committee (read through their own index).
func everyCommittee(q *args, rd *mb.Reader) string {
	return `SELECT s.* FROM action_summaries s WHERE s.access_committee = 0 AND ` + q.readable(rd, summaryFacts("s")) + `
		UNION ALL
		SELECT s.* FROM action_summaries s WHERE NOT (s.access_stage = 'published' AND s.access_level <= 2) AND ` +
		q.readable(rd, summaryFacts("s"))
}

// summaryFacts are the reading rule's facts of a row of action_summaries:
// RED rows name their meeting.
func summaryFacts(alias string) facts {
	f := recordFacts(alias)
	f.meeting = alias + ".red_meeting"
	return f
}

// RegisterTotals sums the view (its status aside) by owner: the closed
// actions from the summaries the writes keep (action_summaries), only the
// rows the reader may read, and the open ones from the actions themselves
// (an index of the open ones), by age band and whether overdue on f.Today,
// which no write can know. One statement; a filter by free words or raised
// dates cannot use the summaries and counts the closed actions themselves.
func (s *Store) RegisterTotals(ctx context.Context, rd *mb.Reader, f mb.ActionFilter) ([]mb.OwnerTotals, error) {
	q := newRegisterQuery(rd, f, false)
	today := q.arg(f.Today)
	closed := `SELECT a.owner_organisation_id AS owner, 0 AS part, 0 AS band, count(*) AS n,
			count(*) FILTER (WHERE a.revisions > 0) AS revised, sum(a.slip_days) AS slip
		FROM actions a` + q.whereSQL("a.status = 'closed'") + ` GROUP BY 1`
	if f.Summarised() {
		var rows string
		if f.CommitteeID != nil {
			rows = `SELECT s.* FROM action_summaries s WHERE s.access_committee = ` + q.arg(*f.CommitteeID) + ` AND ` +
				q.args.readable(rd, summaryFacts("s"))
		} else {
			rows = everyCommittee(&q.args, rd)
		}
		owner := "true"
		if f.OwnerID != nil {
			owner = "s.owner_organisation_id = " + q.arg(*f.OwnerID)
		}
		closed = `SELECT s.owner_organisation_id AS owner, 0 AS part, 0 AS band, sum(s.closed) AS n, sum(s.revised) AS revised, sum(s.slip_days) AS slip
			FROM (` + rows + `) s WHERE ` + owner + ` GROUP BY 1`
	}
	open := `SELECT a.owner_organisation_id, CASE WHEN coalesce(a.current_target_date, a.target_date) < ` + today + `::date THEN 2 ELSE 1 END,
			` + ageBandSQL(today) + `, count(*), count(*) FILTER (WHERE a.revisions > 0), sum(a.slip_days)
		FROM actions a` + q.whereSQL("a.status = 'open'") + ` GROUP BY 1, 2, 3`
	rows, err := s.pool.Query(ctx, `SELECT t.owner, o.name, t.part, t.band, t.n, t.revised, t.slip
		FROM (`+closed+` UNION ALL `+open+`) t JOIN organisations o ON o.id = t.owner`, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: register totals: %w", err)
	}
	defer rows.Close()
	byOwner := map[int64]*mb.OwnerTotals{}
	var order []int64
	for rows.Next() {
		var id int64
		var name string
		var part, band int
		var t mb.Tally
		if err := rows.Scan(&id, &name, &part, &band, &t.Actions, &t.Revised, &t.SlipDays); err != nil {
			return nil, fmt.Errorf("postgres: register totals: %w", err)
		}
		o := byOwner[id]
		if o == nil {
			o = &mb.OwnerTotals{OwnerID: id, OwnerName: name}
			byOwner[id], order = o, append(order, id)
		}
		switch part {
		case 0:
			o.Closed.Add(t)
		case 2:
			o.Overdue[band].Add(t)
			o.Open[band].Add(t)
		default:
			o.Open[band].Add(t)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: register totals: %w", err)
	}
	out := make([]mb.OwnerTotals, 0, len(order))
	for _, id := range order {
		out = append(out, *byOwner[id])
	}
	return out, nil
}

// ageBandSQL is the index in mb.AgeBands of an action raised a.raised_on,
// on the day today names.
func ageBandSQL(today string) string {
	var b strings.Builder
	b.WriteString("CASE")
	for i, band := range mb.AgeBands {
		if band.MaxDays > 0 {
			fmt.Fprintf(&b, " WHEN %s::date - a.raised_on <= %d THEN %d", today, band.MaxDays, i)
		}
	}
	fmt.Fprintf(&b, " ELSE %d END", len(mb.AgeBands)-1)
	return b.String()
}

// ActionOwners lists the organisations that own actions the reader may
// read, by name, for the register's owner filter: the owners of the closed
// actions' summaries and of the open actions.
func (s *Store) ActionOwners(ctx context.Context, rd *mb.Reader) ([]mb.Organisation, error) {
	var q args
	rows, err := s.pool.Query(ctx, `SELECT o.id, o.name FROM organisations o WHERE o.id IN (
			SELECT s.owner_organisation_id FROM (`+everyCommittee(&q, rd)+`) s
			UNION SELECT a.owner_organisation_id FROM actions a WHERE a.status = 'open' AND `+q.readable(rd, recordFacts("a"))+`)
		ORDER BY lower(o.name)`, q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: action owners: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.Organisation, error) {
		var o mb.Organisation
		return o, r.Scan(&o.ID, &o.Name)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: action owners: %w", err)
	}
	return list, nil
}
