package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ReferenceOf reports whether text is, whole, one reference (a
// committee's, or of the installation's patterns), and returns it as the
// mentions hold it. The database's own matching decides (migration 0034).
func (s *Store) ReferenceOf(ctx context.Context, text string) (string, bool, error) {
	var ref string
	err := s.pool.QueryRow(ctx, `SELECT r.reference FROM reference_matches(reference_normal($1)) r WHERE r.reference = reference_normal($1) LIMIT 1`, text).Scan(&ref)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("postgres: reference of %q: %w", text, err)
	}
	return ref, true, nil
}

// mentionBranches read the mentions of reference (placeholder ref) in
// every source's rows the reader may read, with the columns cols gives.
func mentionBranches(q *args, rd *mb.Reader, ref string, cols func(src searchSource) string) string {
	var out []string
	for _, src := range searchSources {
		where := src.admits(q, rd)
		if src.mentioned != "" {
			where += " AND " + src.mentioned
		}
		out = append(out, `SELECT '`+string(src.kind)+`' AS kind, `+cols(src)+`
			FROM mentions n JOIN `+src.table+` x ON x.id = n.source_id `+src.joins+`
			WHERE n.reference = `+ref+` AND n.source = '`+src.table+`' AND `+where)
	}
	return strings.Join(out, "\nUNION ALL ")
}

// ReferenceHistory is what the reader may read of a reference: a page of
// its mentions in date order (the earliest first), the decisions and
// actions of the items on that page, and its travels through the
// committees over every mention.
func (s *Store) ReferenceHistory(ctx context.Context, rd *mb.Reader, reference string, limit, offset int) (*mb.ReferenceHistory, error) {
	h := &mb.ReferenceHistory{Reference: reference}
	var q args
	ref := q.add(reference)
	mentions := mentionBranches(&q, rd, ref, func(src searchSource) string {
		return `x.id, n.id AS mention, n.sentence, ` + src.committee + ` AS committee_id, ` + src.meeting + ` AS meeting_id, ` + src.date + ` AS date, ` +
			src.item + ` AS item, ` + src.actionMeeting + ` AS action_meeting, ` + src.actionSeq + ` AS action_seq, ` + src.risk + ` AS risk`
	})
	rows, err := s.pool.Query(ctx, `SELECT p.kind, p.id, p.sentence, c.code, c.name, coalesce(mt.number, 0), coalesce(p.date, '0001-01-01'),
			p.item, coalesce(`+itemNumberSQL("i", "ip")+`, ''), coalesce(i.title, ''), p.action_meeting, p.action_seq, p.risk, count(*) OVER ()
		FROM (`+mentions+`) p
		JOIN committees c ON c.id = p.committee_id
		LEFT JOIN meetings mt ON mt.id = p.meeting_id
		LEFT JOIN agenda_items i ON i.id = p.item LEFT JOIN agenda_items ip ON ip.id = i.parent_id
		ORDER BY p.date NULLS LAST, mt.number, c.code, p.mention
		LIMIT `+q.add(limit)+` OFFSET `+q.add(offset), q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: mentions of %s: %w", reference, err)
	}
	defer rows.Close()
	var itemIDs []int64
	seen := map[int64]bool{}
	for rows.Next() {
		var m mb.Mention
		if err := rows.Scan(&m.Kind, &m.ID, &m.Sentence, &m.CommitteeCode, &m.CommitteeName, &m.MeetingNumber, &m.Date,
			&m.ItemID, &m.ItemNumber, &m.ItemTitle, &m.ActionMeeting, &m.ActionSequence, &m.RiskReference, &h.Total); err != nil {
			return nil, fmt.Errorf("postgres: mentions of %s: %w", reference, err)
		}
		if m.ItemID != nil && !seen[*m.ItemID] {
			seen[*m.ItemID] = true
			itemIDs = append(itemIDs, *m.ItemID)
		}
		h.Mentions = append(h.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: mentions of %s: %w", reference, err)
	}
	rows.Close()
	if err := s.referenceOutcomes(ctx, rd, h, itemIDs); err != nil {
		return nil, err
	}
	return h, s.referenceTimeline(ctx, rd, h)
}

// referenceOutcomes fills the decisions and actions of the mentions'
// items that the reader may read, in one statement.
func (s *Store) referenceOutcomes(ctx context.Context, rd *mb.Reader, h *mb.ReferenceHistory, itemIDs []int64) error {
	if len(itemIDs) == 0 {
		return nil
	}
	var q args
	items := q.add(itemIDs)
	rows, err := s.pool.Query(ctx, `SELECT 'D', x.item_id, c.code, m.number, m.date, x.kind, x.text, 0, ''
		FROM decisions x JOIN agenda_items i ON i.id = x.item_id JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
		WHERE x.item_id = ANY(`+items+`) AND `+q.readable(rd, recordFacts("x"))+`
		UNION ALL
		SELECT 'A', x.item_id, x.committee_code, x.meeting_number, x.raised_on, '', x.text, x.sequence, x.status
		FROM actions x WHERE x.item_id = ANY(`+items+`) AND `+q.readable(rd, recordFacts("x"))+`
		ORDER BY 5, 4, 8`, q...)
	if err != nil {
		return fmt.Errorf("postgres: outcomes of %s: %w", h.Reference, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			which, code, word, text, status string
			item                            int64
			number, seq                     int
			date                            time.Time
		)
		if err := rows.Scan(&which, &item, &code, &number, &date, &word, &text, &seq, &status); err != nil {
			return fmt.Errorf("postgres: outcomes of %s: %w", h.Reference, err)
		}
		if which == "D" {
			h.Decisions = append(h.Decisions, mb.ReferenceDecision{ItemID: item, CommitteeCode: code, MeetingNumber: number, Date: date, Kind: word, Text: text})
		} else {
			h.Actions = append(h.Actions, mb.ReferenceAction{ItemID: item, CommitteeCode: code, MeetingNumber: number, Sequence: seq, Text: text, Status: status})
		}
	}
	return rows.Err()
}

// referenceTimeline fills the reference's travels: over every mention the
// reader may read, the meetings in date order, a leg for each run of one
// committee's.
func (s *Store) referenceTimeline(ctx context.Context, rd *mb.Reader, h *mb.ReferenceHistory) error {
	var q args
	ref := q.add(h.Reference)
	meetings := mentionBranches(&q, rd, ref, func(src searchSource) string {
		return src.committee + ` AS committee_id, ` + src.meeting + ` AS meeting_id, ` + src.date + ` AS date`
	})
	rows, err := s.pool.Query(ctx, `SELECT c.code, c.name, p.date FROM (SELECT DISTINCT committee_id, meeting_id, date FROM (`+meetings+`) u WHERE date IS NOT NULL) p
		JOIN committees c ON c.id = p.committee_id ORDER BY p.date, c.code`, q...)
	if err != nil {
		return fmt.Errorf("postgres: timeline of %s: %w", h.Reference, err)
	}
	defer rows.Close()
	for rows.Next() {
		var code, name string
		var date time.Time
		if err := rows.Scan(&code, &name, &date); err != nil {
			return fmt.Errorf("postgres: timeline of %s: %w", h.Reference, err)
		}
		if n := len(h.Timeline); n > 0 && h.Timeline[n-1].CommitteeCode == code {
			h.Timeline[n-1].Last = date
			h.Timeline[n-1].Meetings++
			continue
		}
		h.Timeline = append(h.Timeline, mb.ReferenceStop{CommitteeCode: code, CommitteeName: name, First: date, Last: date, Meetings: 1})
	}
	return rows.Err()
}

// ReferencePatterns lists the installation's reference patterns.
func (s *Store) ReferencePatterns(ctx context.Context) ([]mb.ReferencePattern, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, pattern, label FROM reference_patterns ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: reference patterns: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (mb.ReferencePattern, error) {
		var p mb.ReferencePattern
		return p, row.Scan(&p.ID, &p.Pattern, &p.Label)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: reference patterns: %w", err)
	}
	return out, nil
}

// pgInvalidRegex is PostgreSQL's error for a regular expression it cannot
// compile.
const pgInvalidRegex = "2201B"

// SetReferencePatterns replaces the installation's patterns and finds
// every text's mentions again under them, in one transaction: a pattern
// PostgreSQL cannot compile is refused and nothing changes.
func (s *Store) SetReferencePatterns(ctx context.Context, patterns []mb.ReferencePattern) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		var before string
		if err := tx.QueryRow(ctx, `SELECT coalesce(string_agg(pattern, ', ' ORDER BY id), '') FROM reference_patterns`).Scan(&before); err != nil {
			return fmt.Errorf("postgres: reference patterns: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM reference_patterns`); err != nil {
			return fmt.Errorf("postgres: reference patterns: %w", err)
		}
		var after []string
		for _, p := range patterns {
			if _, err := tx.Exec(ctx, `SELECT '' ~ $1`, p.Pattern); err != nil {
				var pgErr *pgconn.PgError
				if errors.As(err, &pgErr) && pgErr.Code == pgInvalidRegex {
					msg := fmt.Sprintf("%q is not a regular expression PostgreSQL can read: %s.", p.Pattern, pgErr.Message)
					return &mb.Error{Code: mb.EINVALID, Message: msg, Fields: map[string]string{"patterns": msg}}
				}
				return fmt.Errorf("postgres: reference pattern: %w", err)
			}
			after = append(after, p.Pattern)
			if _, err := tx.Exec(ctx, `INSERT INTO reference_patterns (pattern, label) VALUES ($1, $2) ON CONFLICT (pattern) DO NOTHING`, p.Pattern, p.Label); err != nil {
				return fmt.Errorf("postgres: reference pattern: %w", err)
			}
		}
		// The minutes link what they name: every document rendered before
		// is stale (migration 0013's epochs).
		if _, err := tx.Exec(ctx, `SELECT mentions_fill(); UPDATE committees SET minutes_epoch = minutes_epoch + 1`); err != nil {
			return fmt.Errorf("postgres: mentions: %w", err)
		}
		return audit(ctx, tx, "reference_patterns", 0, nil, "update", "Reference patterns: "+before+" → "+strings.Join(after, ", "))
	})
}

// MeetingReferences lists the references named in a meeting's minutes
// (its items, decisions and actions), for linking them where they are
// shown.
func (s *Store) MeetingReferences(ctx context.Context, meetingID int64) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT n.reference FROM mentions n WHERE
			(n.source = 'agenda_items' AND n.source_id IN (SELECT id FROM agenda_items WHERE meeting_id = $1))
		 OR (n.source = 'decisions' AND n.source_id IN (SELECT d.id FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = $1))
		 OR (n.source = 'actions' AND n.source_id IN (SELECT id FROM actions WHERE raised_meeting_id = $1))
		ORDER BY 1`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: references of meeting %d: %w", meetingID, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: references of meeting %d: %w", meetingID, err)
	}
	return out, nil
}

// ReferenceExamples names, for the benchmark, the reference mentioned
// most and an incident mentioned once (or "" when there is none).
func (s *Store) ReferenceExamples(ctx context.Context) (busy, rare string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT
			coalesce((SELECT reference FROM mentions GROUP BY reference ORDER BY count(*) DESC, reference LIMIT 1), ''),
			coalesce((SELECT reference FROM mentions WHERE reference LIKE 'INC%' GROUP BY reference HAVING count(*) = 1 ORDER BY reference LIMIT 1), '')`).Scan(&busy, &rare)
	if err != nil {
		return "", "", fmt.Errorf("postgres: reference examples: %w", err)
	}
	return busy, rare, nil
}
