package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// The agendas' revisions are recorded by deferred triggers at commit
// (migration 0030), which would queue an event for every row a bulk load
// copies and snapshot every published agenda when it commits. A bulk load
// records its agendas' first revisions itself (RecordPublishedAgendas), so
// the triggers are off for its transaction.
var agendaRevisionTriggers = [][2]string{{"agenda_items", "agenda_items_revise"}, {"papers", "papers_revise"}}

// setAgendaRevisions turns the agendas' revision triggers off or on within
// tx, when the migration that made them is present.
func setAgendaRevisions(ctx context.Context, tx pgx.Tx, on bool) error {
	verb := "DISABLE"
	if on {
		verb = "ENABLE"
	}
	for _, t := range agendaRevisionTriggers {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = $1 AND tgrelid = to_regclass($2))`, t[1], t[0]).Scan(&exists); err != nil {
			return fmt.Errorf("postgres: find trigger %s: %w", t[1], err)
		}
		if !exists {
			continue
		}
		if _, err := tx.Exec(ctx, `ALTER TABLE `+pgx.Identifier{t[0]}.Sanitize()+` `+verb+` TRIGGER `+pgx.Identifier{t[1]}.Sanitize()); err != nil {
			return fmt.Errorf("postgres: %s trigger %s: %w", verb, t[1], err)
		}
	}
	return nil
}

// RecordPublishedAgendas writes the first revision of every published
// agenda loaded, holding the agenda as it stands (agenda_snapshot), and
// returns how many.
func (b *Bulk) RecordPublishedAgendas(ctx context.Context) (int64, error) {
	tag, err := b.tx.Exec(ctx, `INSERT INTO agenda_revisions (meeting_id, revision, at, changes, snapshot)
		SELECT meeting_id, 1, published_at, '{}', agenda_snapshot(meeting_id) FROM agendas WHERE status = 'published'`)
	if err != nil {
		return 0, fmt.Errorf("postgres: record published agendas: %w", err)
	}
	return tag.RowsAffected(), nil
}
