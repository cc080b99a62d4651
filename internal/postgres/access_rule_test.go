package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// TestReadableAgreesWithReader checks the reading rule's one SQL form
// (args.readable, over the facts the database keeps) against its Go form
// (mb.Reader.CanAccess, over facts worked out here from how each record was
// written) for every record of every readable table and every meeting:
// minutes in every status and classification, items and sub-items at every
// level or none, readers recorded at the meeting or not, an action and an
// event from earlier history, and six readers (the committee's secretariat,
// a member, another committee's member, a signed-in reader, the public, the
// parent body's chair) and an administrator. The agenda's records (the
// agenda, its items and papers at every level, of drafts and of published
// agendas) are decided by the same SQL over their derived facts. The search
// (Store.Search) and a reference's page (Store.ReferenceHistory) return
// exactly the rows the Reader admits, comments as CanReadComment, papers
// as their agenda shows them, and an item as an item of a published agenda
// when the agenda admits it and its minutes do not.
func TestReadableAgreesWithReader(t *testing.T) {
	ctx := context.Background()
	store := mustOpen(t)
	store.SetSearchCandidates(100000) // every match is compared with the rule, past the newest 1,000
	pool := store.Pool()
	exec := func(sql string, a ...any) int64 {
		t.Helper()
		var id int64
		if err := pool.QueryRow(ctx, sql+" RETURNING id", a...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return id
	}
	panel := exec(`INSERT INTO committees (code, name) VALUES ('PANEL', 'Panel')`)
	c := exec(`INSERT INTO committees (code, name, parent_id) VALUES ('OPSG', 'Operations Group', $1)`, panel)
	other := exec(`INSERT INTO committees (code, name) VALUES ('TABASC', 'Other')`)
	org := exec(`INSERT INTO organisations (name) VALUES ('DCC')`)
	person := exec(`INSERT INTO people (name) VALUES ('Reader')`)
	author := exec(`INSERT INTO people (name) VALUES ('Author')`)
	authorUser := exec(`INSERT INTO users (person_id, email, password_hash) VALUES ($1, 'author@example.org', 'x')`, author)

	// truth is each record's facts as written, by table and id.
	truth := map[string]map[int64]mb.Access{}
	put := func(table string, id int64, a mb.Access) {
		if truth[table] == nil {
			truth[table] = map[int64]mb.Access{}
		}
		truth[table][id] = a
	}
	levels := append([]mb.Classification{0}, mb.Classifications...)
	class := func(l mb.Classification) any {
		if l == 0 {
			return nil
		}
		return l.String()
	}
	recorded := map[int64]bool{}
	type final struct {
		id     int64
		status mb.MinutesStatus
		level  mb.Classification
	}
	var meetings []final
	number := 0
	for _, st := range mb.MinutesStatuses {
		for _, doc := range mb.Classifications {
			for _, rec := range []bool{false, true} {
				for _, agenda := range []mb.AgendaStatus{mb.AgendaDraft, mb.AgendaPublished} {
					number++
					m := exec(`INSERT INTO meetings (committee_id, number, kind, date, reference) VALUES ($1, $2, 'main', '2024-01-01', $3)`,
						c, number, fmt.Sprintf("OPSG_%d", number))
					meetings = append(meetings, final{m, st, doc})
					recorded[m] = rec
					if rec {
						exec(`INSERT INTO attendance (meeting_id, person_id, status) VALUES ($1, $2, 'present')`, m, person)
					}
					ma := (&mb.Meeting{ID: m, CommitteeID: c, Status: st, Classification: doc}).Access()
					put("meetings", m, ma)
					// The agenda, its items and its papers (migration 0031): as
					// the minutes until the agenda is published.
					put("agenda_facts", m, ma.Agenda(agenda))
					seq := 0
					paper := func(item any, a mb.Access) {
						level := mb.Classifications[seq%len(mb.Classifications)]
						put("paper_facts", exec(`INSERT INTO papers (meeting_id, item_id, position, title, reference, classification)
						VALUES ($1, $2, $3, 'Survey paper INC900', $4, $5)`, m, item, seq+1, fmt.Sprintf("P%d", seq), level.String()), a.Within(level).Agenda(agenda))
					}
					// The meeting's own papers, one at each level.
					for range mb.Classifications {
						seq++
						paper(nil, ma)
					}
					record := func(item int64, a mb.Access) {
						seq++
						put("agenda_item_facts", item, a.Agenda(agenda))
						paper(item, a)
						put("decisions", exec(`INSERT INTO decisions (item_id, position, kind, text) VALUES ($1, 1, 'NOTED', 'the survey of INC900')`, item), a)
						act := exec(`INSERT INTO actions (committee_id, meeting_number, sequence, raised_meeting_id, item_id, raised_on, text, owner_organisation_id)
						VALUES ($1, $2, $3, $4, $5, '2024-01-01', 'Survey INC900.', $6)`, c, number, seq, m, item, org)
						put("actions", act, a)
						put("action_events", exec(`INSERT INTO action_events (action_id, meeting_id, kind, note) VALUES ($1, $2, 'update', 'Survey of INC900 noted.')`, act, m), ma)
						put("minutes_comments", exec(`INSERT INTO minutes_comments (meeting_id, item_id, author_id, body) VALUES ($1, $2, $3, 'Survey INC900?')`, m, item, authorUser), a)
					}
					for i, top := range levels {
						parent := exec(`INSERT INTO agenda_items (meeting_id, position, title, classification) VALUES ($1, $2, 'Survey item INC900', $3)`, m, i+1, class(top))
						pa := ma.Within(top)
						put("agenda_items", parent, pa)
						record(parent, pa)
						for j, sub := range levels {
							id := exec(`INSERT INTO agenda_items (meeting_id, parent_id, position, title, classification) VALUES ($1, $2, $3, 'Survey sub-item INC900', $4)`,
								m, parent, j+1, class(sub))
							put("agenda_items", id, pa.Within(sub))
							record(id, pa.Within(sub))
						}
					}
					if agenda == mb.AgendaPublished {
						if _, err := pool.Exec(ctx, `INSERT INTO agendas (meeting_id, status, published_at, revision) VALUES ($1, 'published', now(), 1)`, m); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
	}
	// Earlier history: an action raised at a meeting not kept here, and a
	// reopening recorded outside any meeting.
	early := exec(`INSERT INTO actions (committee_id, meeting_number, sequence, raised_on, text, owner_organisation_id)
		VALUES ($1, 900, 1, '2020-01-01', 'Survey INC900 long ago.', $2)`, c, org)
	put("actions", early, mb.EarlierAccess(c))
	put("action_events", exec(`INSERT INTO action_events (action_id, kind, note) VALUES ($1, 'reopened', 'Survey INC900 again.')`, early), mb.EarlierAccess(c))
	// Set last, as the lifecycle does: approved minutes take no new content.
	for _, m := range meetings {
		if _, err := pool.Exec(ctx, `UPDATE meetings SET minutes_status = $2, classification = $3 WHERE id = $1`, m.id, string(m.status), m.level.String()); err != nil {
			t.Fatal(err)
		}
	}

	user := func(id int64, roles map[int64][]mb.MemberRole) *mb.Reader {
		return &mb.Reader{User: &mb.User{ID: id, PersonID: person}, Roles: roles, Parents: map[int64]int64{c: panel}}
	}
	readers := map[string]*mb.Reader{
		"Secretariat":      user(1, map[int64][]mb.MemberRole{c: {mb.RoleSecretariat}}),
		"Member":           user(2, map[int64][]mb.MemberRole{c: {mb.RoleMember}}),
		"OtherMember":      user(3, map[int64][]mb.MemberRole{other: {mb.RoleMember}}),
		"SignedIn":         user(4, nil),
		"Anonymous":        mb.Anonymous,
		"ParentChair":      user(5, map[int64][]mb.MemberRole{panel: {mb.RoleChair}}),
		"Administrator":    {User: &mb.User{ID: 6, Admin: true}},
		"MemberAndAuthor":  user(authorUser, map[int64][]mb.MemberRole{c: {mb.RoleMember}}),
		"ChairOfCommittee": user(7, map[int64][]mb.MemberRole{c: {mb.RoleChair}}),
	}
	admitted := map[string]int{}
	foundOfKind := map[mb.SearchKind]int{}
	for name, rd := range readers {
		t.Run(name, func(t *testing.T) {
			for table, rows := range truth {
				where, q := postgres.ReadableSQL(rd, "t", table == "meetings")
				got, err := ids(ctx, pool, `SELECT t.id FROM `+table+` t WHERE `+where, q...)
				if err != nil {
					t.Fatal(err)
				}
				var want []int64
				for id, a := range rows {
					if rd.CanAccess(a, a.MeetingID != 0 && recorded[a.MeetingID]) {
						want = append(want, id)
					}
				}
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s: the SQL admits %d rows, the Reader %d", table, len(got), len(want))
				}
				t.Logf("%s: %d of %d rows admitted", table, len(got), len(rows))
				if kind, ok := searchKinds[table]; ok {
					// The search and a reference's page ask the same rule:
					// exactly these rows, comments as below.
					switch table {
					case "minutes_comments":
						want = want[:0]
						for id, a := range rows {
							if rd.CanReadComment(&mb.Comment{AuthorID: authorUser, Access: a}, recorded[a.MeetingID]) {
								want = append(want, id)
							}
						}
						slices.Sort(want)
					case "agenda_item_facts":
						// An item the published agenda admits is found on it
						// while its minutes do not admit it, and in them after.
						want = slices.DeleteFunc(want, func(id int64) bool {
							a := truth["agenda_items"][id]
							return rd.CanAccess(a, recorded[a.MeetingID])
						})
					}
					found, err := store.Search(ctx, rd, mb.SearchFilter{Query: "survey", Kinds: []mb.SearchKind{kind}, Limit: 100000})
					if err != nil {
						t.Fatal(err)
					}
					foundOfKind[kind] += len(want)
					if hits := hitIDs(found.Hits, kind); !slices.Equal(hits, want) || found.Total != len(want) {
						t.Errorf("search of %s: %d hits (count %d), the Reader %d", table, len(hits), found.Total, len(want))
					}
					h, err := store.ReferenceHistory(ctx, rd, "INC900", 100000, 0)
					if err != nil {
						t.Fatal(err)
					}
					if ms := mentionIDs(h.Mentions, kind); !slices.Equal(ms, want) {
						t.Errorf("mentions in %s: %d, the Reader %d", table, len(ms), len(want))
					}
				}
				admitted[table] += len(got)
				if table == "minutes_comments" {
					// Comments are also their authors' and the secretariat's only.
					where, q := postgres.ReadableCommentSQL(rd, "t")
					got, err := ids(ctx, pool, `SELECT t.id FROM minutes_comments t WHERE `+where, q...)
					if err != nil {
						t.Fatal(err)
					}
					want = want[:0]
					for id, a := range rows {
						cm := &mb.Comment{AuthorID: authorUser, Access: a}
						if rd.CanReadComment(cm, recorded[a.MeetingID]) {
							want = append(want, id)
						}
					}
					slices.Sort(want)
					if !slices.Equal(got, want) {
						t.Errorf("comments: the SQL admits %d, the Reader %d", len(got), len(want))
					}
				}
			}
		})
	}
	for table, kind := range searchKinds {
		if foundOfKind[kind] == 0 {
			t.Errorf("search of %s: no reader finds any: the test decides nothing", table)
		}
	}
	for table, rows := range truth {
		// Some readers are admitted to some rows, and none to all of them but the administrator.
		if admitted[table] <= len(rows) || admitted[table] >= len(rows)*len(readers) {
			t.Errorf("%s: %d admissions over %d readers of %d rows: the test decides nothing", table, admitted[table], len(readers), len(rows))
		}
	}
}

// searchKinds are the kinds of search hit of the readable tables (and of
// the agenda's facts: its items and papers as the agenda shows them).
var searchKinds = map[string]mb.SearchKind{"agenda_items": mb.KindItem, "decisions": mb.KindDecision, "actions": mb.KindAction,
	"action_events": mb.KindNote, "minutes_comments": mb.KindComment, "paper_facts": mb.KindPaper, "agenda_item_facts": mb.KindAgenda}

func hitIDs(hits []mb.SearchHit, kind mb.SearchKind) []int64 {
	var out []int64
	for _, h := range hits {
		if h.Kind == kind {
			out = append(out, h.ID)
		}
	}
	slices.Sort(out)
	return out
}

// mentionIDs are the records of kind among mentions, once each.
func mentionIDs(ms []mb.Mention, kind mb.SearchKind) []int64 {
	var out []int64
	for _, m := range ms {
		if m.Kind == kind && !slices.Contains(out, m.ID) {
			out = append(out, m.ID)
		}
	}
	slices.Sort(out)
	return out
}

// ids runs a query of ids and returns them in order.
func ids(ctx context.Context, pool *pgxpool.Pool, sql string, a ...any) ([]int64, error) {
	rows, err := pool.Query(ctx, sql, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out, rows.Err()
}
