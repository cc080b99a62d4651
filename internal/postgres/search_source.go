package postgres

import (
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// searchSource is one table the search reads and whose texts name
// references (migrations 0033 and 0034): the record is x, its minutes'
// meeting m; the expressions give what every kind shares, so that the
// search and a reference's page read each table one way.
type searchSource struct {
	kind  mb.SearchKind
	table string
	// vector is the document vector searched; "" is x.search.
	vector string
	// joins follow "<table> x": m must be the meeting. Every join is a
	// LEFT JOIN to one row, so that the search's candidates, which read
	// none of them unless a filter does, leave them out (PostgreSQL
	// removes such a join); but for the agenda's items, which join their
	// published agenda to keep to those.
	joins                    string
	committee, meeting, date string
	item                     string // the agenda item's id, or NULL
	title, body              string // for the hit's title and snippet
	actionMeeting, actionSeq string // an action's number, or 0
	risk                     string // a risk's reference, or ''
	admits                   func(q *args, rd *mb.Reader) string
	// mentioned, when set, keeps to the mentions n it admits: of an
	// item on a published agenda, those of its title.
	mentioned string
}

// searched is the source's document vector.
func (src searchSource) searched() string {
	if src.vector == "" {
		return "x.search"
	}
	return src.vector
}

// itemNumberSQL is the number of item i ("3", "3.1") under its parent p
// (LEFT JOINed), or NULL for no item.
func itemNumberSQL(i, p string) string {
	return "CASE WHEN " + p + ".id IS NULL THEN " + i + ".position::text ELSE " + p + ".position || '.' || " + i + ".position END"
}

// recordAdmits is the reading rule over the record's own facts.
func recordAdmits(q *args, rd *mb.Reader) string { return q.readable(rd, recordFacts("x")) }

// paperAdmits is the reading rule over a paper's facts at its agenda's
// stage (migration 0031's paper_facts, pf).
func paperAdmits(q *args, rd *mb.Reader) string { return q.readable(rd, recordFacts("pf")) }

// agendaItemAdmits admits an item of a published agenda (ag) under the
// agenda's facts whose minutes the reader may not read: an item the
// reader may read in its minutes is found there, once. An item of
// published minutes has the same facts on its agenda, so it is never one:
// asking so first keeps to the few rows migration 0038's index holds.
func agendaItemAdmits(q *args, rd *mb.Reader) string {
	onAgenda := recordFacts("x")
	onAgenda.stage = "agenda_stage(ag.status, x.access_stage)"
	return "(x.access_stage <> 'published' AND " + q.readable(rd, onAgenda) + " AND NOT coalesce(" + q.readable(rd, recordFacts("x")) + ", false))"
}

// riskAdmits admits the risks (and reviews) of the committees whose
// register the reader may read, as mb.Reader.CanReadRisks answers for
// each: risks are not minutes and carry no access facts.
func riskAdmits(q *args, rd *mb.Reader) string {
	if rd.Admin() {
		return "true"
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, set := range []map[int64]bool{keys(rd.Roles), keys(rd.Parents)} {
		for id := range set {
			if !seen[id] && rd.CanReadRisks(id) {
				ids = append(ids, id)
			}
			seen[id] = true
		}
	}
	if len(ids) == 0 {
		return "false"
	}
	return "r.committee_id = ANY(" + q.add(ids) + ")"
}

func keys[V any](m map[int64]V) map[int64]bool {
	out := map[int64]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

const actionNumber = "lpad(x.sequence::text, 2, '0')"

// searchSources are the searched tables, in the order of mb.SearchKinds.
var searchSources = []searchSource{
	{kind: mb.KindItem, table: "agenda_items", joins: "LEFT JOIN meetings m ON m.id = x.meeting_id",
		committee: "x.access_committee", meeting: "x.meeting_id", date: "x.record_date", item: "x.id",
		title: "x.title", body: "x.minute", actionMeeting: "0", actionSeq: "0", risk: "''", admits: recordAdmits},
	{kind: mb.KindDecision, table: "decisions", joins: "LEFT JOIN agenda_items i ON i.id = x.item_id LEFT JOIN meetings m ON m.id = i.meeting_id",
		committee: "x.access_committee", meeting: "i.meeting_id", date: "x.record_date", item: "x.item_id",
		title: "i.title", body: "x.kind || ' ' || x.text", actionMeeting: "0", actionSeq: "0", risk: "''", admits: recordAdmits},
	{kind: mb.KindAction, table: "actions", joins: "LEFT JOIN meetings m ON m.id = x.raised_meeting_id",
		committee: "x.committee_id", meeting: "x.raised_meeting_id", date: "x.record_date", item: "x.item_id",
		title: "x.committee_code || ' ' || x.meeting_number || '/' || " + actionNumber, body: "x.text",
		actionMeeting: "x.meeting_number", actionSeq: "x.sequence", risk: "''", admits: recordAdmits},
	{kind: mb.KindNote, table: "action_events", joins: "LEFT JOIN actions a ON a.id = x.action_id LEFT JOIN meetings m ON m.id = x.meeting_id",
		committee: "a.committee_id", meeting: "x.meeting_id", date: "x.record_date", item: "a.item_id",
		title: "a.committee_code || ' ' || a.meeting_number || '/' || lpad(a.sequence::text, 2, '0')", body: "x.note",
		actionMeeting: "a.meeting_number", actionSeq: "a.sequence", risk: "''", admits: recordAdmits},
	{kind: mb.KindComment, table: "minutes_comments", joins: "LEFT JOIN agenda_items i ON i.id = x.item_id LEFT JOIN meetings m ON m.id = x.meeting_id",
		committee: "x.access_committee", meeting: "x.meeting_id", date: "x.record_date", item: "x.item_id",
		title: "coalesce(i.title, 'Comment')", body: "x.body", actionMeeting: "0", actionSeq: "0", risk: "''",
		admits: func(q *args, rd *mb.Reader) string { return q.readableComment(rd, "x") }},
	{kind: mb.KindRisk, table: "risks", joins: "JOIN risks r ON r.id = x.id LEFT JOIN meetings m ON false",
		committee: "x.committee_id", meeting: "NULL::bigint", date: "(x.updated_at AT TIME ZONE 'Europe/London')::date", item: "NULL::bigint",
		title: "x.reference", body: "x.statement || E'\\n' || x.mitigations", actionMeeting: "0", actionSeq: "0", risk: "x.reference", admits: riskAdmits},
	{kind: mb.KindReview, table: "risk_reviews", joins: "JOIN risks r ON r.id = x.risk_id LEFT JOIN meetings m ON m.id = x.meeting_id",
		committee: "r.committee_id", meeting: "x.meeting_id", date: "m.date", item: "x.item_id",
		title: "r.reference", body: "x.comment", actionMeeting: "0", actionSeq: "0", risk: "r.reference", admits: riskAdmits},
	{kind: mb.KindPaper, table: "papers", joins: "LEFT JOIN paper_facts pf ON pf.id = x.id LEFT JOIN meetings m ON m.id = x.meeting_id",
		committee: "pf.access_committee", meeting: "x.meeting_id", date: "m.date", item: "x.item_id",
		title: "x.reference || ' ' || x.title", body: "coalesce((SELECT i.title FROM agenda_items i WHERE i.id = x.item_id), '')",
		actionMeeting: "0", actionSeq: "0", risk: "''", admits: paperAdmits},
	// The minute is not out to the agenda's readers: the title alone is
	// searched, and its sentences alone are mentions.
	{kind: mb.KindAgenda, table: "agenda_items", vector: "x.agenda_search",
		joins:     "JOIN agendas ag ON ag.meeting_id = x.meeting_id AND ag.status = 'published' LEFT JOIN meetings m ON m.id = x.meeting_id",
		committee: "x.access_committee", meeting: "x.meeting_id", date: "x.record_date", item: "x.id",
		title: "x.title", body: "coalesce('For ' || x.purpose, '')", actionMeeting: "0", actionSeq: "0", risk: "''",
		admits: agendaItemAdmits, mentioned: "position(n.sentence IN x.title) > 0"},
}
