package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// headlineOptions draw a snippet: up to two fragments of the text around
// the words matched, each marked between mb.MarkStart and mb.MarkEnd.
const headlineOptions = "StartSel=" + mb.MarkStart + ", StopSel=" + mb.MarkEnd + ", MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=\" … \""

// titleOptions mark every match of a title, which is shown whole.
const titleOptions = "StartSel=" + mb.MarkStart + ", StopSel=" + mb.MarkEnd + ", HighlightAll=true"

// SearchCandidates is how many of each kind's matches, the newest first,
// a search ranks and counts: past it the count is a lower bound
// (SearchResults.More) and relevance orders the newest matches. A common
// word matches tens of thousands of records at fifteen years' size;
// reading all of them would cost every request hundreds of milliseconds.
// Each record keeps its date (migration 0037) under an index in date
// order, so that the newest matches of a common word are read without the
// others.
const SearchCandidates = 1000

// Search finds the records that match f.Query (websearch_to_tsquery over
// the vectors of migration 0033, English stemming) among those the reader
// may read: the reading rule decides the rows before they are ranked,
// counted or shown, so that the count and snippets hold nothing else.
// Each kind's newest SearchCandidates matches are ranked by ts_rank (or
// sorted newest first), one page of them returned with their snippets,
// and counted.
func (s *Store) Search(ctx context.Context, rd *mb.Reader, f mb.SearchFilter) (mb.SearchResults, error) {
	var q args
	query := q.add(f.Query)
	n := SearchCandidates
	if s.searchCandidates > 0 {
		n = s.searchCandidates
	}
	candidates := q.add(n + 1)
	var branches []string
	for _, src := range searchSources {
		where, ok := searchWhere(&q, rd, src, f)
		if !ok {
			continue
		}
		// Only what ranks and orders the matches is read here; the rest of
		// the shown page's, below: the joins no filter needs go unread.
		branches = append(branches, `(SELECT '`+string(src.kind)+`' AS kind, x.id, `+src.date+` AS date, `+src.searched()+` AS vector
			FROM `+src.table+` x `+src.joins+` WHERE `+src.searched()+` @@ websearch_to_tsquery('english', `+query+`) AND `+where+`
			ORDER BY 3 DESC NULLS LAST, x.id DESC LIMIT `+candidates+`)`)
	}
	if len(branches) == 0 {
		return mb.SearchResults{}, nil
	}
	order := "p.rank DESC, p.date DESC NULLS LAST, p.kind, p.id"
	if f.Sort == mb.SortDate {
		order = "p.date DESC NULLS LAST, p.rank DESC, p.kind, p.id"
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 20
	}
	var shown []string
	for _, src := range searchSources {
		shown = append(shown, `SELECT `+src.committee+`, `+src.meeting+`, `+src.title+`, `+src.body+`, `+src.item+`, `+src.actionMeeting+`, `+src.actionSeq+`, `+src.risk+`
			FROM `+src.table+` x `+src.joins+` WHERE p.kind = '`+string(src.kind)+`' AND x.id = p.id`)
	}
	sql := `WITH tsq AS MATERIALIZED (SELECT websearch_to_tsquery('english', ` + query + `) AS q),
		hits AS (SELECT h.kind, h.id, h.date, ts_rank(h.vector, tsq.q) AS rank,
				count(*) OVER (PARTITION BY h.kind) AS of_kind
			FROM (` + strings.Join(branches, "\nUNION ALL ") + `) h, tsq),
		page AS (SELECT p.*, count(*) OVER () AS total, max(p.of_kind) OVER () > ` + candidates + ` - 1 AS more FROM hits p
			ORDER BY ` + order + ` LIMIT ` + q.add(limit) + ` OFFSET ` + q.add(max(f.Offset, 0)) + `)
		SELECT p.kind, p.id, p.total, p.more, c.code, coalesce(mt.number, 0), coalesce(p.date, '0001-01-01'), p.rank,
			ts_headline('english', t.title, tsq.q, '` + titleOptions + `'),
			ts_headline('english', t.body, tsq.q, '` + headlineOptions + `'),
			t.item, coalesce(` + itemNumberSQL("ti", "tp") + `, ''), t.action_meeting, t.action_seq, t.risk
		FROM page p CROSS JOIN tsq
		CROSS JOIN LATERAL (` + strings.Join(shown, "\nUNION ALL ") + `) AS t (committee_id, meeting_id, title, body, item, action_meeting, action_seq, risk)
		JOIN committees c ON c.id = t.committee_id
		LEFT JOIN meetings mt ON mt.id = t.meeting_id
		LEFT JOIN agenda_items ti ON ti.id = t.item LEFT JOIN agenda_items tp ON tp.id = ti.parent_id
		ORDER BY ` + order
	// Planned for its words (an unnamed statement, never a generic plan):
	// a common word reads each kind's newest rows in date order until
	// enough match (migration 0037), a rare one its GIN index.
	rows, err := s.pool.Query(ctx, sql, append([]any{pgx.QueryExecModeDescribeExec}, q...)...)
	if err != nil {
		return mb.SearchResults{}, fmt.Errorf("postgres: search: %w", err)
	}
	defer rows.Close()
	var out mb.SearchResults
	for rows.Next() {
		var h mb.SearchHit
		if err := rows.Scan(&h.Kind, &h.ID, &out.Total, &out.More, &h.CommitteeCode, &h.MeetingNumber, &h.Date, &h.Rank,
			&h.Title, &h.Snippet, &h.ItemID, &h.ItemNumber, &h.ActionMeeting, &h.ActionSequence, &h.RiskReference); err != nil {
			return mb.SearchResults{}, fmt.Errorf("postgres: search: %w", err)
		}
		out.Hits = append(out.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return mb.SearchResults{}, fmt.Errorf("postgres: search: %w", err)
	}
	return out, nil
}

// searchWhere is the condition of one source's rows in a search: the
// reading rule and the filters; ok is false when the filters leave the
// source out.
func searchWhere(q *args, rd *mb.Reader, src searchSource, f mb.SearchFilter) (string, bool) {
	if f.Kinds != nil && !slices.Contains(f.Kinds, src.kind) {
		return "", false
	}
	where := []string{src.admits(q, rd)}
	if f.DecisionWord != "" || f.ActionStatus != "" {
		switch {
		case src.kind == mb.KindDecision && f.DecisionWord != "":
			where = append(where, "x.kind = "+q.add(strings.ToUpper(f.DecisionWord)))
		case src.kind == mb.KindAction && f.ActionStatus != "":
			where = append(where, "x.status = "+q.add(f.ActionStatus))
		default:
			return "", false
		}
	}
	if f.CommitteeID != nil {
		where = append(where, src.committee+" = "+q.add(*f.CommitteeID))
	}
	if f.From != nil {
		where = append(where, src.date+" >= "+q.add(*f.From))
	}
	if f.To != nil {
		where = append(where, src.date+" <= "+q.add(*f.To))
	}
	return strings.Join(where, " AND "), true
}
