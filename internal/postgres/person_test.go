package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// importText imports minutes written as text into the store.
func importText(t *testing.T, s *postgres.Store, text string) *mb.ImportReport {
	t.Helper()
	in, err := importer.Convert(minutesimport.ParseText(text, minutesimport.Options{}), importer.Options{})
	if err != nil {
		t.Fatalf("%v %v", err, mb.ErrorFields(err))
	}
	rep, err := s.ImportMinutes(context.Background(), in, postgres.ImportOptions{})
	if err != nil {
		t.Fatalf("%v %v", err, mb.ErrorFields(err))
	}
	return rep
}

const kbMeeting1 = `Data Group (DG) Meeting 1
3 March 2026
Classification: GREEN

Attendees
Karen Booth (KB)        Chair        Albion Energy
Tom Reyes (TR)          Member       Brindle Power

1. Actions

ACTION 1/01: KB to write the terms of reference, by 30/04/2026.
`

const kbMeeting2 = `Data Group (DG) Meeting 2
7 April 2026
Classification: GREEN

Attendees
K. Booth                Chair        Albion Energy
Karen Booth (KB)        Chair        Albion Energy
Tom Reyes (TR)          Member       Brindle Power

1. Actions

ACTION 2/01: K. Booth to circulate the draft, by 30/05/2026.
`

// The committee's people can be put right afterwards: edited, and two
// records of one person merged, everything recorded of the one moving to
// the other, audited (issue 15, point 6).
func TestPeopleEditAndMerge(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	dg := layoutCommittee(t, s, "", "DG", "Data Group", "Chair", "Member")
	other := layoutCommittee(t, s, "", "OTHER", "Another Group")
	importText(t, s, kbMeeting1)
	importText(t, s, kbMeeting2)

	people, err := s.CommitteePeople(ctx, dg.ID)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*mb.Person{}
	for _, p := range people {
		byName[p.Name] = p
	}
	karen, k, tom := byName["Karen Booth"], byName["K. Booth"], byName["Tom Reyes"]
	if karen == nil || k == nil || tom == nil || karen.Initials != "KB" {
		t.Fatalf("people %+v", people)
	}
	if _, err := s.CommitteePerson(ctx, other.ID, karen.ID); mb.ErrorCode(err) != mb.ENOTFOUND {
		t.Errorf("another committee's secretariat reaches Karen Booth: %v", err)
	}

	t.Run("Edit", func(t *testing.T) {
		tom.Name, tom.Initials = "Tomás Reyes", "TMR"
		if err := s.UpdatePerson(ctx, tom, "Brindle Power Ltd", dg.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Person(ctx, tom.ID)
		if got.Name != "Tomás Reyes" || got.Initials != "TMR" || got.OrganisationName != "Brindle Power Ltd" {
			t.Errorf("edited %+v", got)
		}
		bad := *tom
		bad.Initials = "t"
		if err := s.UpdatePerson(ctx, &bad, "", dg.ID); mb.ErrorFields(err)["initials"] == "" {
			t.Errorf("initials t: %v", err)
		}
	})
	t.Run("Merge", func(t *testing.T) {
		if _, err := s.MergePeople(ctx, dg.ID, karen.ID, karen.ID); mb.ErrorCode(err) != mb.EINVALID {
			t.Errorf("merged with herself: %v", err)
		}
		res, err := s.MergePeople(ctx, dg.ID, karen.ID, k.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res.Attendances != 0 || res.Duplicates != 1 || res.Actions != 1 {
			t.Errorf("merge %+v", res)
		}
		if _, err := s.Person(ctx, k.ID); mb.ErrorCode(err) != mb.ENOTFOUND {
			t.Errorf("K. Booth still there: %v", err)
		}
		m2, _ := s.MeetingByNumber(ctx, "DG", 2)
		list, _ := s.Attendance(ctx, m2.ID)
		if len(list) != 2 || list[0].PersonName != "Karen Booth" && list[1].PersonName != "Karen Booth" {
			t.Errorf("attendance of meeting 2: %+v", list)
		}
		a, _ := s.ActionByReference(ctx, "DG", 2, 1)
		if a.OwnerPersonName != "Karen Booth" {
			t.Errorf("2/01 owned by %q", a.OwnerPersonName)
		}
		entries, _ := s.Pool().Query(ctx, `SELECT summary FROM audit_log WHERE entity = 'person' AND entity_id = $1 AND action = 'merge'`, karen.ID)
		var summaries []string
		for entries.Next() {
			var x string
			entries.Scan(&x)
			summaries = append(summaries, x)
		}
		entries.Close()
		if len(summaries) != 1 || !strings.Contains(summaries[0], "Merged K. Booth") {
			t.Errorf("audit %q", summaries)
		}
		// Her initials read the next minutes.
		importText(t, s, "Data Group (DG) Meeting 3\n5 May 2026\nClassification: GREEN\n\n1. Actions\n\nACTION 3/01: KB to check the figures.\n")
		if a, _ := s.ActionByReference(ctx, "DG", 3, 1); a.OwnerPersonName != "Karen Booth" || a.OwnerName != "Albion Energy" {
			t.Errorf("3/01 owned by %q of %s", a.OwnerPersonName, a.OwnerName)
		}
	})
}
