package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// layoutCommittee adds a committee for one of the other bodies' layouts,
// deciding in the words its document (a fixture path, or "") uses.
func layoutCommittee(t *testing.T, s *postgres.Store, doc, code, name string, categories ...string) *mb.Committee {
	t.Helper()
	ctx := context.Background()
	sec, err := s.EnsureOrganisation(ctx, code+" Secretariat")
	if err != nil {
		t.Fatal(err)
	}
	c := &mb.Committee{Code: code, Name: name, SecretariatID: &sec.ID, EscalationThreshold: 15, Categories: categories,
		DecisionVocabulary: fixture.DecisionWords(fixture.Path(doc))}
	if err := s.CreateCommittee(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

// actionsOf returns the meeting's actions by short reference.
func actionsOf(t *testing.T, s *postgres.Store, meetingID int64) map[string]mb.Action {
	t.Helper()
	minutes, err := s.Minutes(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]mb.Action{}
	var walk func([]*mb.Item)
	walk = func(items []*mb.Item) {
		for _, it := range items {
			for _, a := range it.Actions {
				out[a.ShortReference()] = a
			}
			walk(it.Children)
		}
	}
	walk(minutes.Items)
	return out
}

// The other bodies' layouts (issue 15) save as draft meetings: their people
// with their initials and organisations, the owners the minutes name by
// initials, roles or names, target dates, the items' own classifications and
// the next meetings with their numbers, times and venues.
func TestImportLayouts(t *testing.T) {
	ctx := context.Background()
	t.Run("SubCommitteeByInitials", func(t *testing.T) {
		s := mustOpen(t)
		layoutCommittee(t, s, "layouts/subcommittee-initials.txt", "MSSC", "Metering Standards Sub-Committee", "Chair", "Member")
		rep, err := s.ImportMinutes(ctx, read(t, "layouts/subcommittee-initials.txt"), postgres.ImportOptions{})
		if err != nil {
			t.Fatalf("%v: %v", err, mb.ErrorFields(err))
		}
		if rep.Attendees != 10 || rep.Apologies != 2 || len(rep.ActionsRaised) != 5 {
			t.Errorf("report %+v", rep)
		}
		actions := actionsOf(t, s, rep.Meeting.ID)
		a := actions["61/01"]
		if a.OwnerPersonName != "Moira Lachlan" || a.OwnerName != "Kestrel Meter Operations" || a.TargetDate == nil || a.TargetDate.Format("2006-01-02") != "2026-09-30" {
			t.Errorf("61/01 owned by %s of %s, target %v", a.OwnerPersonName, a.OwnerName, a.TargetDate)
		}
		// The Chair has no organisation: the secretariat owns the action, with her.
		if a := actions["61/03"]; a.OwnerPersonName != "Jana Kovář" || a.OwnerName != "MSSC Secretariat" || !hasNote(rep, "who has no organisation") {
			t.Errorf("61/03 owned by %s of %s", a.OwnerPersonName, a.OwnerName)
		}
		next, err := s.MeetingByNumber(ctx, "MSSC", 62)
		if err != nil || next.Start.String() != "10:30" || next.Venue != "Harbour Exchange, Bristol" || next.Date.Format("2006-01-02") != "2026-10-21" {
			t.Fatalf("meeting 62: %+v, %v", next, err)
		}
		people, _ := s.People(ctx)
		initials := map[string]string{}
		for _, p := range people {
			initials[p.Name] = p.Initials
		}
		if initials["Jana Kovář"] != "JK" || initials["Wen Li"] != "WL" || initials["Ellen Marsh"] != "EM" {
			t.Errorf("initials %v", initials)
		}

		// Later minutes name people by initials only: minutebook reads
		// them by the initials it kept.
		later := minutesimport.ParseText("Metering Standards Sub-Committee (MSSC) Meeting 62\n21 October 2026\nClassification: GREEN\n\n"+
			"1. Actions\n\nACTION 62/01: JK to write to the Panel, by 30/11/2026.\n\nACTION 62/02: XY to check the figures.\n", minutesimport.Options{})
		in, err := importer.Convert(later, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err = s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		actions = actionsOf(t, s, rep.Meeting.ID)
		if a := actions["62/01"]; a.OwnerPersonName != "Jana Kovář" {
			t.Errorf("62/01 owned by %q of %s, want Jana Kovář by her initials", a.OwnerPersonName, a.OwnerName)
		}
		if a := actions["62/02"]; a.OwnerPersonName != "" || a.OwnerName != "XY" {
			t.Errorf("62/02 owned by %q of %s: unknown initials are an organisation as written", a.OwnerPersonName, a.OwnerName)
		}
	})
	t.Run("PanelHeaderTable", func(t *testing.T) {
		s := mustOpen(t)
		layoutCommittee(t, s, "layouts/panel-header-table.txt", "RCP", "Retail Code Panel", "Independent Chair", "Large Supplier", "Small Supplier", "Distribution", "Metering", "Consumer", "Supplier Agent")
		rep, err := s.ImportMinutes(ctx, read(t, "layouts/panel-header-table.txt"), postgres.ImportOptions{})
		if err != nil {
			t.Fatalf("%v: %v", err, mb.ErrorFields(err))
		}
		minutes, err := s.Minutes(ctx, rep.Meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		cats := map[string]string{}
		for _, a := range minutes.Attendance {
			cats[a.PersonName] = a.Group()
		}
		// "Panel Member (Large Supplier)" sits in Large Supplier; the
		// Observer represents the Authority.
		if cats["Priya Venkataraman"] != "Large Supplier" || cats["Harriet Okonjo"] != "Independent Chair" || cats["Kwame Boateng"] != "Energy Retail Authority" {
			t.Errorf("groups %v", cats)
		}
		if it := minutes.Items[8]; it.Classification != mb.Amber {
			t.Errorf("item 9 classified %v, want AMBER", it.Classification)
		}
		actions := actionsOf(t, s, rep.Meeting.ID)
		if a := actions["87/05"]; a.OwnerPersonName != "Harriet Okonjo" || a.TargetDate.Format("02/01/2006") != "21/05/2026" {
			t.Errorf("87/05: %+v", a)
		}
		if a := actions["87/01"]; a.OwnerPersonName != "Dominic Faraday" || a.OwnerName != "Retail Code Company" || a.Text != "Send the CP-219 Final Change Report to the Authority" {
			t.Errorf("87/01: %+v", a)
		}
	})
	t.Run("BoardNumbersItsActions", func(t *testing.T) {
		s := mustOpen(t)
		layoutCommittee(t, s, "layouts/board-narrative.txt", "FCSL", "Board of Directors", "Chair", "Chief Executive", "Finance Director", "Independent Non-Executive Director",
			"Consumer Director", "Company Secretary", "Head of Code Operations")
		doc := readDoc(t, "layouts/board-narrative.txt")
		doc.Attendees[11].Representing = "Fenmarsh Code Services Limited" // "Olga Petrenko (minutes)", corrected
		in, err := importer.Convert(doc, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if err != nil {
			t.Fatalf("%v: %v", err, mb.ErrorFields(err))
		}
		actions := actionsOf(t, s, rep.Meeting.ID)
		if len(actions) != 4 || actions["47/02"].OwnerPersonName != "Alisha Tandon" || actions["47/03"].TargetDate != nil {
			t.Errorf("actions %+v", actions)
		}
		if m, err := s.MeetingByNumber(ctx, "FCSL", 48); err != nil || m.Start.String() != "09:30" || m.Venue != "video conference" {
			t.Errorf("next meeting %+v, %v", m, err)
		}
	})
	t.Run("WorkgroupAsMeetingFour", func(t *testing.T) {
		s := mustOpen(t)
		layoutCommittee(t, s, "layouts/workgroup-action-log.txt", "GW417", "Workgroup 0417")
		in, err := importer.Convert(readDoc(t, "layouts/workgroup-action-log.txt"), importer.Options{Committee: "GW417", Number: 4})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if err != nil {
			t.Fatalf("%v: %v", err, mb.ErrorFields(err))
		}
		actions := actionsOf(t, s, rep.Meeting.ID)
		if a := actions["4/01"]; a.OwnerPersonName != "Daksha Mistry" || a.OwnerName != "Northfell Gas Networks" {
			t.Errorf("4/01: %+v", a)
		}
		closed, err := s.ActionByReference(ctx, "GW417", 2, 3)
		if err != nil || closed.Status != mb.ActionClosed || closed.OwnerPersonName != "Euan Gillanders" {
			t.Errorf("0203 as GW417 2/03: %+v, %v", closed, err)
		}
	})
}

// Saving the model document under another number keeps its ACTIONs: as
// written when no other meeting holds those references, renumbered to the
// meeting when asked (issue 15, point 4).
func TestImportRenumbering(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	f.importDoc(t, read(t, fixture.OPSG105))

	kept, err := importer.Convert(readDoc(t, fixture.OPSG105), importer.Options{Number: 107})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.s.ImportMinutes(ctx, kept, postgres.ImportOptions{DryRun: true})
	if mb.ErrorCode(err) != mb.ECONFLICT || mb.ErrorFields(err)["renumber"] == "" || !strings.Contains(mb.ErrorMessage(err), "renumber") {
		t.Fatalf("got %v, want the references refused as another meeting's, asking to renumber", err)
	}
	renumbered, err := importer.Convert(readDoc(t, fixture.OPSG105), importer.Options{Number: 107, Renumber: true})
	if err != nil {
		t.Fatal(err)
	}
	rep := f.importDoc(t, renumbered)
	if got := strings.Join(rep.ActionsRaised, " "); got != "OPSG 107/01 OPSG 107/02 OPSG 107/03 OPSG 107/04 OPSG 107/05" {
		t.Errorf("actions raised %q", got)
	}
	minutes, err := f.s.Minutes(ctx, rep.Meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	if it := minutes.Items[3]; len(it.Actions) != 1 || strings.Contains(it.Minute, "ACTION") {
		t.Errorf("item 4 keeps %d actions, minute %q", len(it.Actions), it.Minute)
	}
	// The reviews it records against the register are said, each.
	var reviews []string
	for _, e := range rep.Effects {
		if e.Kind == mb.EffectReview {
			reviews = append(reviews, e.Key)
		}
	}
	if got := strings.Join(reviews, " "); got != "OPSG-006 OPSG-019 OPSG-002 OPSG-017" {
		t.Errorf("reviews listed %q", got)
	}

	// A document numbered for a meeting no one else holds keeps its
	// references as written.
	g := newImportFixture(t)
	rep = g.importDoc(t, kept)
	if rep.Meeting.Number != 107 || strings.Join(rep.ActionsRaised, " ") != "OPSG 105/01 OPSG 105/02 OPSG 105/03 OPSG 105/04 OPSG 105/05" {
		t.Errorf("meeting %d, actions %v", rep.Meeting.Number, rep.ActionsRaised)
	}
}

// The side effects of an import are each said with a key, and each can be
// left out (issue 15, point 5).
func TestImportLeavesOutSideEffects(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	in := read(t, fixture.OPSG105)
	trial, err := f.s.ImportMinutes(ctx, in, postgres.ImportOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[mb.ImportEffect]int{}
	for _, e := range trial.Effects {
		kinds[e.Kind]++
	}
	if kinds[mb.EffectPerson] < 20 || kinds[mb.EffectOrganisation] != 1 || kinds[mb.EffectMeeting] != 2 || kinds[mb.EffectReview] != 4 || kinds[mb.EffectEscalation] != 4 {
		t.Errorf("side effects %v", kinds)
	}
	in.Skip.Add(mb.EffectPerson, "Sarah Roebel")
	in.Skip.Add(mb.EffectOrganisation, "DCC")
	in.Skip.Add(mb.EffectMeeting, "2023-11-27")
	in.Skip.Add(mb.EffectReview, "OPSG-019")
	in.Skip.Add(mb.EffectEscalation, "OPSG-006")
	rep := f.importDoc(t, in)
	if len(rep.Skipped) != 5 {
		t.Errorf("skipped %+v", rep.Skipped)
	}
	minutes, err := f.s.Minutes(ctx, rep.Meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range minutes.Attendance {
		if a.PersonName == "Sarah Roebel" || a.RepresentingName == "DCC" {
			t.Errorf("%s (%s) recorded", a.PersonName, a.RepresentingName)
		}
	}
	if _, err := f.s.MeetingByNumber(ctx, "OPSG", 107); mb.ErrorCode(err) != mb.ENOTFOUND {
		t.Errorf("the reporting meeting left out was scheduled: %v", err)
	}
	if !strings.Contains(minutes.Items[5].Minute, "OPSG-019") || strings.Contains(strings.Join(rep.RisksReviewed, " "), "OPSG-019") {
		t.Errorf("OPSG-019's review left out, its paragraph kept: %q; reviewed %v", minutes.Items[5].Minute, rep.RisksReviewed)
	}
	if strings.Contains(strings.Join(rep.Escalated, " "), "OPSG-006") {
		t.Errorf("escalated %v", rep.Escalated)
	}
	// The DCC's actions, its organisation left out, go to the secretariat.
	if a := actionsOf(t, f.s, rep.Meeting.ID)["105/01"]; a.OwnerName != "SECAS" {
		t.Errorf("105/01 owned by %s", a.OwnerName)
	}
}
