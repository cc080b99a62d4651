package postgres

import (
	"context"
	"fmt"

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
		out.Level = mb.Classification(*a.level)
	}
	return out
}

// RefillAccess sets every record's access facts from their definition, as
// migration 0011 did: for data written with the database's triggers off
// (a restore with session_replication_role = replica), which the triggers
// could not keep. It writes only the rows that differ.
func (s *Store) RefillAccess(ctx context.Context) error {
	for _, table := range []string{"agenda_items", "decisions", "actions", "action_events", "minutes_comments"} {
		if _, err := s.pool.Exec(ctx, `SELECT access_fill($1, ARRAY(SELECT id FROM `+table+`))`, table); err != nil {
			return fmt.Errorf("postgres: refill access of %s: %w", table, err)
		}
	}
	return nil
}
