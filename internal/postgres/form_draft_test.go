package postgres_test

import (
	"context"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestFormDrafts(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, postgres.NewUser{Email: "sarah@example.org", Name: "Sarah Roebel", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	const path = "/committees/OPSG/meetings/105/items/7/edit"
	t.Run("KeptAndReplaced", func(t *testing.T) {
		for _, minute := range []string{"SECAS presented", "SECAS presented the RDP report."} {
			if err := s.SaveFormDraft(ctx, u.ID, path, map[string][]string{"minute": {minute}, "version": {"3"}}); err != nil {
				t.Fatal(err)
			}
		}
		d, err := s.FormDraft(ctx, u.ID, path)
		if err != nil {
			t.Fatal(err)
		}
		if d.Fields["minute"][0] != "SECAS presented the RDP report." || d.Fields["version"][0] != "3" || d.SavedAt.IsZero() {
			t.Errorf("draft %+v", d)
		}
	})
	t.Run("AnotherReadersDraftIsNotTheirs", func(t *testing.T) {
		other, _ := s.CreateUser(ctx, postgres.NewUser{Email: "eugene@example.org", Name: "Eugene Asante", PasswordHash: "x"})
		if _, err := s.FormDraft(ctx, other.ID, path); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("another reader's draft: %v", err)
		}
	})
	t.Run("ErrTooLarge", func(t *testing.T) {
		big := make([]byte, mb.DraftLimit)
		if err := s.SaveFormDraft(ctx, u.ID, path, map[string][]string{"minute": {string(big)}}); mb.ErrorCode(err) != mb.EINVALID {
			t.Errorf("a draft over the limit: %v", err)
		}
	})
	t.Run("Discarded", func(t *testing.T) {
		if err := s.DiscardFormDraft(ctx, u.ID, path); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FormDraft(ctx, u.ID, path); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("after discarding: %v", err)
		}
	})
}

func TestKeptSubmissions(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	now := time.Now()
	fields := map[string][]string{"title": {"Risk Register – Progress Report"}}
	if err := s.KeepSubmission(ctx, "kept_one", "/committees/OPSG/meetings/105/items/new", fields, now.Add(30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrWrongSecret", func(t *testing.T) {
		if _, err := s.TakeKeptSubmission(ctx, "kept_other", now); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("another secret: %v", err)
		}
	})
	t.Run("TakenOnce", func(t *testing.T) {
		k, err := s.TakeKeptSubmission(ctx, "kept_one", now)
		if err != nil || k.Path != "/committees/OPSG/meetings/105/items/new" || k.Fields["title"][0] != "Risk Register – Progress Report" {
			t.Fatalf("kept %+v %v", k, err)
		}
		if _, err := s.TakeKeptSubmission(ctx, "kept_one", now); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("taken twice: %v", err)
		}
	})
	t.Run("ErrExpired", func(t *testing.T) {
		if err := s.KeepSubmission(ctx, "kept_two", "/committees/OPSG/meetings/105/items/new", fields, now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TakeKeptSubmission(ctx, "kept_two", now.Add(2*time.Minute)); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("taken after its time: %v", err)
		}
	})
}
