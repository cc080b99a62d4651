package scaledemo

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// loader streams the world into the database, table by table, parents
// before children.
type loader struct {
	b   *postgres.Bulk
	w   *world
	p   *progress
	res *Result
	// lifecycle is set when the minutes lifecycle's tables exist.
	lifecycle bool
	// access is set when the records carry the reading rule's facts;
	// dates when they also keep their dates (migration 0037).
	access, dates bool
}

func (l *loader) load(ctx context.Context) error {
	w := l.w
	committeeCols, err := l.b.Columns(ctx, "committees")
	if err != nil {
		return err
	}
	versionCols, err := l.b.Columns(ctx, "minutes_versions")
	if err != nil {
		return err
	}
	l.lifecycle = len(versionCols) > 0
	actionCols, err := l.b.Columns(ctx, "actions")
	if err != nil {
		return err
	}
	l.access = actionCols["access_level"]
	l.dates = actionCols["record_date"]
	// The register's summaries (migration 0012): each action carries its
	// slippage and its committee's code.
	slips := actionCols["revisions"]
	var slip map[int64]slippage
	if slips {
		slip = w.slippage()
	}
	var items map[int64]mb.Access
	if l.access {
		items = w.itemAccess()
	}
	// with appends the reading rule's facts to a table's columns when the
	// schema has them (migration 0011).
	// A decision's date is its item's meeting's.
	itemDate := make(map[int64]time.Time, len(w.items))
	for _, it := range w.items {
		itemDate[it.id] = it.meeting.date
	}
	// The risk register's migration adds a counter of risk numbers.
	withRiskNumbers := committeeCols["last_risk_number"]
	// The agenda's migration adds its columns to the items (agendas.go).
	agendaCols, err := l.b.Columns(ctx, "agendas")
	if err != nil {
		return err
	}
	withAgendas := len(agendaCols) > 0
	steps := []struct {
		table   string
		columns []string
		n       int
		row     func(i int, v []any) []any
	}{
		{"organisations", []string{"id", "name"}, len(w.orgs), func(i int, v []any) []any {
			o := w.orgs[i]
			return append(v, o.id, o.def.name)
		}},
		{"people", []string{"id", "name", "email", "organisation_id"}, len(w.people), func(i int, v []any) []any {
			p := w.people[i]
			return append(v, p.id, p.name, p.email, orgID(p.org))
		}},
		{"committees", committeeColumns(withRiskNumbers), len(w.committees), func(i int, v []any) []any {
			c := w.committees[i]
			var parent any
			if c.parent != nil {
				parent = c.parent.id
			}
			v = append(v, c.id, c.code, c.name, c.description, parent, c.secretariat.id, c.vocabulary, c.threshold)
			if withRiskNumbers {
				v = append(v, len(c.risks))
			}
			return v
		}},
		{"committee_categories", []string{"committee_id", "position", "name"}, w.categoryCount(), w.categoryRow()},
		{"severity_bands", []string{"committee_id", "name", "min_severity", "max_severity"}, len(w.committees) * len(mb.DefaultSeverityBands), func(i int, v []any) []any {
			c, b := w.committees[i/len(mb.DefaultSeverityBands)], mb.DefaultSeverityBands[i%len(mb.DefaultSeverityBands)]
			return append(v, c.id, b.Name, b.Min, b.Max)
		}},
		{"users", []string{"id", "person_id", "email", "password_hash", "admin"}, int(w.ids["users"]), w.userRow()},
		{"committee_memberships", []string{"id", "committee_id", "person_id", "role", "category", "starts_on", "ends_on"}, len(w.memberships), func(i int, v []any) []any {
			m := w.memberships[i]
			return append(v, m.id, m.committee.id, m.person.id, m.role, nullText(m.category), m.from, nullDate(m.to))
		}},
		// Approved and published minutes refuse new content: meetings go in
		// with their final status and, while their content goes in, an open
		// correction (closed by finishLoad), so that every record carries
		// its final facts from the start. Without the lifecycle's tables
		// there are no corrections: they go in as drafts and get their
		// statuses last.
		{"meetings", l.meetingColumns(), len(w.meetings), w.meetingRow(l.lifecycle)},
		{"attendance", []string{"meeting_id", "person_id", "status", "category", "representing", "part_items", "alternate_for", "position"}, len(w.attendance), func(i int, v []any) []any {
			a := w.attendance[i]
			var alt any
			if a.alternateFor != nil {
				alt = a.alternateFor.id
			}
			return append(v, a.meetingID, a.person.id, a.status, nullText(a.category), orgID(a.representing), a.partItems, alt, a.position)
		}},
		{"agenda_items", l.withFacts(itemColumns(withAgendas)), len(w.items), func(i int, v []any) []any {
			v = w.itemRow(i, v)
			if withAgendas {
				v = w.agendaItemValues(w.items[i], v)
			}
			return l.facts(v, items[w.items[i].id], w.items[i].meeting.date)
		}},
		{"decisions", l.withFacts([]string{"id", "item_id", "position", "kind", "text"}), len(w.decisions), func(i int, v []any) []any {
			d := w.decisions[i]
			return l.facts(append(v, d.id, d.itemID, d.position, d.kind, d.text), items[d.itemID], itemDate[d.itemID])
		}},
		{"actions", l.withFacts(append([]string{"id", "committee_id", "meeting_number", "sequence", "raised_meeting_id", "item_id", "raised_on", "text",
			"owner_organisation_id", "owner_person_id", "target_date", "current_target_date", "status", "closed_meeting_id", "closed_on"},
			slipColumns(slips)...)), len(w.actions), func(i int, v []any) []any {
			a := w.actions[i]
			v = w.actionRow(i, v)
			if slips {
				sl := slip[a.id]
				v = append(v, sl.revisions, nullDate(sl.first), a.committee.code)
			}
			return l.facts(v, items[a.itemID], a.meeting.date)
		}},
		{"action_events", l.withFacts([]string{"id", "action_id", "meeting_id", "kind", "previous_target", "new_target", "note", "actor_id", "at"}), len(w.events), func(i int, v []any) []any {
			e := w.events[i]
			var actor any
			if e.actor != nil {
				actor = e.actor.userID
			}
			return l.facts(append(v, e.id, e.actionID, e.meeting.id, e.kind, nullDate(e.prev), nullDate(e.next), e.note, actor, eventAt(e)), meetingAccess(e.meeting), e.meeting.date)
		}},
	}
	for _, s := range steps {
		if err := l.copy(ctx, s.table, s.columns, s.n, s.row); err != nil {
			return err
		}
	}
	if withRiskNumbers {
		if err := l.loadRisks(ctx); err != nil {
			return err
		}
	}
	if l.lifecycle {
		if err := l.loadLifecycle(ctx, items); err != nil {
			return err
		}
	}
	if withAgendas {
		if err := l.loadAgendas(ctx); err != nil {
			return err
		}
	}
	if err := l.loadFormal(ctx); err != nil {
		return err
	}
	if err := l.finishLoad(ctx); err != nil {
		return err
	}
	return l.b.Audit(ctx, "demo", "load", fmt.Sprintf("Loaded the %s scale demo (seed %d, up to %s): %d committees, %d meetings, %d agenda items, %d decisions, %d actions, %d users",
		w.opts.Size.Name, w.opts.Seed, w.opts.Today.Format(time.DateOnly), len(w.committees), len(w.meetings), len(w.items), len(w.decisions), len(w.actions), w.ids["users"]))
}

func committeeColumns(withRiskNumbers bool) []string {
	cols := []string{"id", "code", "name", "description", "parent_id", "secretariat_id", "decision_vocabulary", "escalation_threshold"}
	if withRiskNumbers {
		cols = append(cols, "last_risk_number")
	}
	return cols
}

// copy streams n rows made by row into table, reporting progress.
func (l *loader) copy(ctx context.Context, table string, columns []string, n int, row func(i int, v []any) []any) error {
	start := time.Now()
	src := &source{n: n, row: row, v: make([]any, 0, len(columns)), p: l.p, table: table}
	l.p.rows(table, 0, n)
	got, err := l.b.Copy(ctx, table, columns, src)
	if err != nil {
		return err
	}
	l.p.rows(table, int(got), n)
	l.res.Tables = append(l.res.Tables, TableCount{Table: table, Rows: got})
	l.p.logf("  %-22s %9d rows  %6.1fs", table, got, time.Since(start).Seconds())
	return nil
}

func (l *loader) meetingColumns() []string {
	cols := []string{"id", "committee_id", "number", "kind", "date", "starts_at", "ends_at", "venue", "reference", "classification", "minutes_status", "last_action_sequence", "created_at", "updated_at"}
	if l.lifecycle {
		cols = append(cols, "correction_reason")
	}
	return cols
}

// finishLoad locks the approved and published minutes again by closing
// the corrections they were loaded under, or, without the lifecycle's
// tables, moves every meeting's minutes from draft to their final status.
func (l *loader) finishLoad(ctx context.Context) error {
	start := time.Now()
	if l.lifecycle {
		n, err := l.b.CloseCorrections(ctx, loadCorrection)
		if err != nil {
			return err
		}
		l.p.logf("  %-22s %9d closed  %6.1fs", "load corrections", n, time.Since(start).Seconds())
		return nil
	}
	var ids []int64
	var statuses []string
	for _, m := range l.w.meetings {
		if m.status != "draft" {
			ids = append(ids, m.id)
			statuses = append(statuses, m.status)
		}
	}
	if err := l.b.SetMinutesStatuses(ctx, ids, statuses); err != nil {
		return err
	}
	l.p.logf("  %-22s %9d set     %6.1fs", "minutes statuses", len(ids), time.Since(start).Seconds())
	return nil
}

// source is a pgx.CopyFromSource over n generated rows. pgx encodes each
// row as soon as Values returns, so one slice serves every row.
type source struct {
	n, i  int
	row   func(i int, v []any) []any
	v     []any
	p     *progress
	table string
	err   error // set by row when a row cannot be made
}

func (s *source) Next() bool {
	if s.i >= s.n || s.err != nil {
		return false
	}
	s.i++
	if s.i%8192 == 0 {
		s.p.tick(s.table, s.i, s.n)
	}
	return true
}

func (s *source) Values() ([]any, error) {
	v := s.row(s.i-1, s.v[:0])
	return v, s.err
}

func (s *source) Err() error { return s.err }

var _ pgx.CopyFromSource = (*source)(nil)

func (w *world) categoryCount() int {
	n := 0
	for _, c := range w.committees {
		n += len(c.categories)
	}
	return n
}

func (w *world) categoryRow() func(int, []any) []any {
	type cat struct {
		committee int64
		position  int
		name      string
	}
	var all []cat
	for _, c := range w.committees {
		for i, n := range c.categories {
			all = append(all, cat{c.id, i + 1, n})
		}
	}
	return func(i int, v []any) []any { return append(v, all[i].committee, all[i].position, all[i].name) }
}

func (w *world) userRow() func(int, []any) []any {
	// Ids were given out in order of importance, not of people: place each
	// account at its id.
	users := make([]*person, w.ids["users"])
	for _, p := range w.people {
		if p.userID != 0 {
			users[p.userID-1] = p
		}
	}
	return func(i int, v []any) []any {
		p := users[i]
		return append(v, p.userID, p.id, p.email, w.opts.PasswordHash, p.admin)
	}
}

// meetingRow makes a meeting's row; final says whether it goes in at its
// final status (under a load correction when approved or published) or as
// a draft.
func (w *world) meetingRow(final bool) func(int, []any) []any {
	sequences := make(map[int64]int, len(w.meetings))
	for _, a := range w.actions {
		sequences[a.meeting.id] = max(sequences[a.meeting.id], a.seq)
	}
	return func(i int, v []any) []any {
		m := w.meetings[i]
		// Scheduled a month ahead; last changed when its minutes were
		// circulated, or published a few days after their approval.
		created, updated := m.date.AddDate(0, -1, 0), m.date
		switch {
		case m.approvedBy != nil && m.status == "published":
			updated = m.approvedBy.date.AddDate(0, 0, 3)
		case m.approvedBy != nil:
			updated = m.approvedBy.date
		case m.status == "circulated":
			updated = m.date.AddDate(0, 0, 7)
		}
		if updated.After(w.opts.Today) {
			updated = w.opts.Today
		}
		if created.After(w.opts.Today) {
			created = w.opts.Today
		}
		if updated.Before(created) {
			updated = created
		}
		if !final {
			return append(v, m.id, m.committee.id, m.number, m.kind, m.date, clock(m.start), clock(m.end), m.venue, m.reference, m.class, "draft", sequences[m.id],
				created.Add(10*time.Hour), updated.Add(16*time.Hour))
		}
		var correction any
		if m.status == "approved" || m.status == "published" {
			correction = loadCorrection
		}
		return append(v, m.id, m.committee.id, m.number, m.kind, m.date, clock(m.start), clock(m.end), m.venue, m.reference, m.class, m.status, sequences[m.id],
			created.Add(10*time.Hour), updated.Add(16*time.Hour), correction)
	}
}

// itemColumns are agenda_items' columns, with the agenda's when the schema
// has them (migration 0029).
func itemColumns(withAgendas bool) []string {
	cols := []string{"id", "meeting_id", "parent_id", "position", "title", "minute", "classification"}
	if withAgendas {
		cols = append(cols, agendaItemColumns...)
	}
	return cols
}

// itemRow makes the ith agenda item's row.
func (w *world) itemRow(i int, v []any) []any {
	it := w.items[i]
	var parent, class any
	if it.parentID != 0 {
		parent = it.parentID
	}
	if it.class != "" {
		class = it.class
	}
	minute := ""
	if it.meeting.held {
		mw := &minuteWriter{r: newRnd(w.opts.Seed, 5, uint64(it.id)), c: w.textCtx(it)}
		minute = mw.minute(it.topic)
	}
	return append(v, it.id, it.meeting.id, parent, it.position, it.title, minute, class)
}

// actionRow makes the ith action's row.
func (w *world) actionRow(i int, v []any) []any {
	a := w.actions[i]
	var ownerPerson, closedMeeting, closedOn any
	if a.ownerPerson != nil {
		ownerPerson = a.ownerPerson.id
	}
	status := "open"
	if a.closedAt != nil {
		status, closedMeeting, closedOn = "closed", a.closedAt.id, a.closedAt.date
	}
	return append(v, a.id, a.committee.id, a.meeting.number, a.seq, a.meeting.id, a.itemID, a.meeting.date, a.text,
		a.owner.id, ownerPerson, a.target, a.current, status, closedMeeting, closedOn)
}

func orgID(o *org) any {
	if o == nil {
		return nil
	}
	return o.id
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func clock(minutes int) pgtype.Time {
	return pgtype.Time{Microseconds: int64(minutes) * 60e6, Valid: true}
}

// progress prints what the load is doing, at most every two seconds while
// a large table streams.
type progress struct {
	w     io.Writer
	rows  func(table string, done, total int)
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, rows func(table string, done, total int)) *progress {
	if w == nil {
		w = io.Discard
	}
	if rows == nil {
		rows = func(string, int, int) {}
	}
	return &progress{w: w, rows: rows, start: time.Now(), last: time.Now()}
}

func (p *progress) logf(format string, args ...any) {
	fmt.Fprintf(p.w, format+"\n", args...)
	p.last = time.Now()
}

func (p *progress) since() time.Duration { return time.Since(p.start).Round(100 * time.Millisecond) }

func (p *progress) tick(table string, done, total int) {
	p.rows(table, done, total)
	if time.Since(p.last) < 2*time.Second {
		return
	}
	p.logf("  %-22s %9d of %d (%d%%)…", table, done, total, done*100/total)
}
