package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Every readable record (agenda items, decisions, actions, action events,
// comments) carries the facts the reading rule needs in four columns that
// the database keeps current on every write (migration 0011): its
// committee, its meeting, its minutes' stage and its effective level.

// accessColumns reads a record's access facts, for scanAccess.
func accessColumns(alias string) string {
	return alias + ".access_committee, " + alias + ".access_meeting, " + alias + ".access_stage, " + alias + ".access_level"
}

// accessScan receives the columns of accessColumns.
type accessScan struct {
	committee, meeting *int64
	stage              *string
	level              *int16
}

// dest lists where Scan puts the columns.
func (a *accessScan) dest() []any { return []any{&a.committee, &a.meeting, &a.stage, &a.level} }

// access is what was read; a row whose facts are missing (only inside the
// statement that wrote it) reads as a draft of no committee: nobody's.
// Level 5 is RED within AMBER (migration 0011).
func (a *accessScan) access() mb.Access {
	var out mb.Access
	if a.committee != nil {
		out.CommitteeID = *a.committee
	}
	if a.meeting != nil {
		out.MeetingID = *a.meeting
	}
	out.Stage = mb.Draft
	if a.stage != nil {
		out.Stage = mb.MinutesStatus(*a.stage)
	}
	out.Level = mb.Red
	if a.level != nil {
		out.Level = mb.Classification(min(*a.level, 4))
		out.Members = *a.level == 3 || *a.level == 5
	}
	return out
}

// AccessLevel is the access_level column's value for the facts.
func AccessLevel(a mb.Access) int16 {
	if a.Level == mb.Red && a.Members {
		return 5
	}
	return int16(a.Level)
}

// RefreshDerived sets again what the database's triggers derive from the
// rows, from their definitions, as the migrations did: for data written
// with the triggers off (a restore with session_replication_role =
// replica). It writes only the rows that differ: every record's access
// facts (migration 0011), the actions' slippage and committee codes, the
// register's summaries and the risks' trends (0012), the escalations'
// committees (0032), and every committee's minutes epoch moves on, so
// that no server keeps a document rendered before (0013); the references
// every text names (0034).
func (s *Store) RefreshDerived(ctx context.Context) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		for _, table := range []string{"agenda_items", "decisions", "actions", "action_events", "minutes_comments"} {
			if _, err := tx.Exec(ctx, `SELECT access_fill($1, ARRAY(SELECT id FROM `+table+`))`, table); err != nil {
				return fmt.Errorf("postgres: refill access of %s: %w", table, err)
			}
		}
		for _, sql := range []string{
			`UPDATE actions a SET committee_code = c.code FROM committees c WHERE c.id = a.committee_id AND a.committee_code IS DISTINCT FROM c.code`,
			`SELECT action_slippage_fill(ARRAY(SELECT id FROM actions))`,
			`DELETE FROM action_summaries`,
			`INSERT INTO action_summaries SELECT * FROM action_summaries_now`,
			`SELECT risk_trend_fill(ARRAY(SELECT id FROM risks))`,
			`UPDATE risk_escalations e SET committee_id = r.committee_id FROM risks r WHERE r.id = e.risk_id AND e.committee_id <> r.committee_id`,
			`UPDATE committees SET minutes_epoch = minutes_epoch + 1`,
			`SELECT mentions_fill()`,
		} {
			if _, err := tx.Exec(ctx, sql); err != nil {
				return fmt.Errorf("postgres: refresh derived: %w", err)
			}
		}
		return nil
	})
}

// args collects a statement's arguments and names their placeholders, so
// that fragments built apart (the reading rule, a filter) number theirs in
// one sequence.
type args []any

// add appends v and returns its placeholder.
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// facts names the columns that hold a row's access facts.
type facts struct{ committee, meeting, stage, level string }

// recordFacts are the facts' columns of a record (migration 0011).
func recordFacts(alias string) facts {
	return facts{alias + ".access_committee", alias + ".access_meeting", alias + ".access_stage", alias + ".access_level"}
}

// meetingFacts are a meeting's own: its minutes are the document.
func meetingFacts(alias string) facts {
	return facts{alias + ".committee_id", alias + ".id", alias + ".minutes_status", "classification_level(" + alias + ".classification)"}
}

// agendaFacts are a meeting's agenda's (migration 0031's agenda_facts):
// the meeting's own at the agenda's stage; agenda is the alias of its
// agendas row (LEFT JOINed: none is a draft).
func agendaFacts(meeting, agenda string) facts {
	f := meetingFacts(meeting)
	f.stage = "agenda_stage(" + agenda + ".status, " + meeting + ".minutes_status)"
	return f
}

// readable is the reading rule in SQL, the one form of mb.Reader.CanAccess
// that every read path uses: a condition true for the rows (their facts in
// f) the reader may read. It is built for the reader, so that the planner
// sees only what can admit them: for the public, published CLEAR rows; for
// a signed-in reader, also GREEN, AMBER of the committees they sit on, and
// RED of the meetings they were recorded present at (asked of the one
// meeting a row names, by index); the secretariat's committees whole.
func (a *args) readable(rd *mb.Reader, f facts) string {
	if rd.Admin() {
		return "true"
	}
	if !rd.SignedIn() {
		return "(" + f.stage + " = 'published' AND " + f.level + " = 1)"
	}
	sec, mem := rd.Committees()
	recorded := "EXISTS (SELECT 1 FROM attendance rec WHERE rec.person_id = " + a.add(rd.User.PersonID) +
		" AND rec.meeting_id = " + f.meeting + " AND rec.status IN ('present', 'part'))"
	// Level 4 is RED, 5 RED within AMBER: for the members recorded there.
	var or []string
	if len(mem) == 0 {
		// Published only, and nothing AMBER.
		or = append(or, "("+f.stage+" = 'published' AND ("+f.level+" <= 2 OR ("+f.level+" = 4 AND "+recorded+")))")
	} else {
		members := f.committee + " = ANY(" + a.add(mem) + ")"
		or = append(or,
			"("+f.stage+" = 'published' AND ("+f.level+" <= 2 OR ("+f.level+" = 3 AND "+members+") OR ("+f.level+" = 4 AND "+recorded+
				") OR ("+f.level+" = 5 AND "+members+" AND "+recorded+")))",
			"("+f.stage+" IN ('circulated', 'approved', 'history') AND "+members+" AND ("+f.level+" <= 3 OR "+recorded+"))")
	}
	if len(sec) > 0 {
		or = append(or, f.committee+" = ANY("+a.add(sec)+")")
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// readableComment is the rule for comments in SQL (mb.Reader.
// CanReadComment): the reading rule, and the comment is the reader's own
// or the reader runs the committee's secretariat.
func (a *args) readableComment(rd *mb.Reader, alias string) string {
	if rd.Admin() {
		return "true"
	}
	if !rd.SignedIn() {
		return "false"
	}
	whose := alias + ".author_id = " + a.add(rd.User.ID)
	if sec, _ := rd.Committees(); len(sec) > 0 {
		whose = "(" + whose + " OR " + alias + ".access_committee = ANY(" + a.add(sec) + "))"
	}
	return a.readable(rd, recordFacts(alias)) + " AND " + whose
}
