package postgres_test

import (
	"context"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestAuditLog(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)

	c := &mb.Committee{Code: "OPSG", Name: "Operations Group", EscalationThreshold: 15, Categories: []string{"Chair"}}
	if err := s.CreateCommittee(ctx, c); err != nil {
		t.Fatal(err)
	}
	c.Name = "Operations Group (renamed)"
	if err := s.UpdateCommittee(ctx, c); err != nil {
		t.Fatal(err)
	}

	t.Run("ChangesAreRecordedWithSummary", func(t *testing.T) {
		entries, err := s.AuditLog(ctx, mb.AuditFilter{CommitteeID: &c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(entries), 2; got != want {
			t.Fatalf("got %d entries, want %d", got, want)
		}
		if got := entries[0].Summary; !strings.Contains(got, `name: "Operations Group" → "Operations Group (renamed)"`) {
			t.Errorf("newest summary = %q, want the name change", got)
		}
		if entries[0].ActorName != "system" {
			t.Errorf("actor = %q, want system", entries[0].ActorName)
		}
	})

	t.Run("ErrUpdateRefused", func(t *testing.T) {
		_, err := s.Pool().Exec(ctx, `UPDATE audit_log SET summary = 'rewritten'`)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("UPDATE: err = %v, want the append-only refusal", err)
		}
	})

	t.Run("ErrDeleteRefused", func(t *testing.T) {
		_, err := s.Pool().Exec(ctx, `DELETE FROM audit_log`)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("DELETE: err = %v, want the append-only refusal", err)
		}
	})

	t.Run("ErrTruncateRefused", func(t *testing.T) {
		_, err := s.Pool().Exec(ctx, `TRUNCATE audit_log`)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Fatalf("TRUNCATE: err = %v, want the append-only refusal", err)
		}
	})

	t.Run("FailedChangeLeavesNoRecord", func(t *testing.T) {
		dup := &mb.Committee{Code: "OPSG", Name: "Duplicate", EscalationThreshold: 15}
		if err := s.CreateCommittee(ctx, dup); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("err = %v, want conflict", err)
		}
		entries, err := s.AuditLog(ctx, mb.AuditFilter{Entity: "committee"})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 2 {
			t.Errorf("got %d committee entries, want 2: a refused change must not be logged", len(entries))
		}
	})
}
