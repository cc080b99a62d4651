package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

func TestInterests(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	day := time.Date(2023, 1, 9, 0, 0, 0, 0, time.UTC)
	stranger := &mb.Person{Name: "Rachel Allen"}
	if err := s.CreatePerson(ctx, stranger); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrNotMember", func(t *testing.T) {
		err := s.CreateInterest(ctx, &mb.Interest{CommitteeID: f.committee.ID, PersonID: stranger.ID, Nature: "Adviser to DESNZ", From: day})
		if !strings.Contains(mb.ErrorFields(err)["person"], "Rachel Allen does not sit on OPSG") {
			t.Fatalf("got %v", err)
		}
	})
	i := &mb.Interest{CommitteeID: f.committee.ID, PersonID: f.people["Kevin Donnelly"], Nature: "Employed by Albion Energy", From: day}
	if err := s.CreateInterest(ctx, i); err != nil {
		t.Fatal(err)
	}
	if err := s.EndInterest(ctx, f.committee.ID, i.ID, day.AddDate(0, 6, 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.EndInterest(ctx, f.committee.ID, i.ID, day.AddDate(0, 7, 0)); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("ending twice: %v", err)
	}
	list, err := s.Interests(ctx, f.committee.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].To == nil || list[0].PersonName != "Kevin Donnelly" || list[0].Current(day.AddDate(1, 0, 0)) {
		t.Fatalf("register %+v", list)
	}
}
