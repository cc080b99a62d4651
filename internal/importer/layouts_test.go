package importer_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// actionRefs lists the references of the actions an import raises, item by item.
func actionRefs(imp *mb.MinutesImport) []string {
	var out []string
	var walk func(items []mb.ImportedItem)
	walk = func(items []mb.ImportedItem) {
		for _, it := range items {
			for _, a := range it.Actions {
				out = append(out, a.Reference(imp.CommitteeCode))
			}
			walk(it.Children)
		}
	}
	walk(imp.Items)
	return out
}

// The other bodies' layouts (issue 15) convert into imports, with what the
// command line's --number and --kind say for a document that does not.
func TestConvertLayouts(t *testing.T) {
	for _, tc := range []struct {
		file      string
		opt       importer.Options
		attendees int
		refs      string
	}{
		{"panel-header-table.txt", importer.Options{}, 18, "RCP 87/01 RCP 87/02 RCP 87/03 RCP 87/04 RCP 87/05"},
		{"workgroup-action-log.txt", importer.Options{Committee: "GW417", Number: 4}, 15, "GW417 4/01 GW417 4/02 GW417 4/03"},
		{"pdf-two-column-noise.txt", importer.Options{}, 14, "SDAC 23/01 SDAC 23/02 SDAC 23/03 SDAC 23/04"},
		{"subcommittee-initials.txt", importer.Options{}, 12, "MSSC 61/01 MSSC 61/02 MSSC 61/03 MSSC 61/04 MSSC 61/05"},
		// Actions with no reference are numbered for the meeting.
		{"board-narrative.txt", importer.Options{}, 14, "FCSL 47/01 FCSL 47/02 FCSL 47/03 FCSL 47/04"},
		{"board-narrative-like.docx", importer.Options{}, 15, "ITF 14/01 ITF 14/02 ITF 14/03 ITF 14/04"},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			imp, err := importer.Convert(parse(t, fixture.Layout(tc.file)), tc.opt)
			if err != nil {
				t.Fatalf("%v: %v", err, mb.ErrorFields(err))
			}
			if len(imp.Attendees) != tc.attendees {
				t.Errorf("%d attendees and apologies, want %d", len(imp.Attendees), tc.attendees)
			}
			if got := strings.Join(actionRefs(imp), " "); got != tc.refs {
				t.Errorf("actions %q, want %q", got, tc.refs)
			}
			if imp.RefsDiffer {
				t.Error("the references are the meeting's own")
			}
		})
	}
	t.Run("WorkgroupNeedsItsNumber", func(t *testing.T) {
		_, err := importer.Convert(parse(t, fixture.Layout("workgroup-action-log.txt")), importer.Options{Committee: "GW417"})
		if mb.ErrorFields(err)[importer.FieldNumber] == "" {
			t.Errorf("got %v, want the meeting number asked for", err)
		}
	})
	t.Run("KindAsAsked", func(t *testing.T) {
		imp, err := importer.Convert(parse(t, fixture.Layout("subcommittee-initials.txt")), importer.Options{Kind: "reporting"})
		if err != nil || imp.Kind != mb.ReportingMeeting {
			t.Errorf("kind %v, %v", imp.Kind, err)
		}
		if _, err := importer.Convert(parse(t, fixture.Layout("subcommittee-initials.txt")), importer.Options{Kind: "annual"}); mb.ErrorFields(err)[importer.FieldKind] == "" {
			t.Errorf("an unknown kind: %v", err)
		}
	})
	t.Run("FactsCarriedOver", func(t *testing.T) {
		imp, err := importer.Convert(parse(t, fixture.Layout("subcommittee-initials.txt")), importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := itemNumbered(imp, "3").Actions[0]
		if a.Owner != "ML" || a.OwnerPerson != "Moira Lachlan" || a.Target == nil || a.Target.Format("2006-01-02") != "2026-09-30" {
			t.Errorf("action %+v", a)
		}
		if r := itemNumbered(imp, "4").Risks[0]; r.Likelihood != 4 || r.Impact != 4 || r.Severity != 16 {
			t.Errorf("risk %+v", r)
		}
		if n := imp.NextMeetings[1]; n.Number != 62 || n.Start.String() != "10:30" || n.Venue != "Harbour Exchange, Bristol" {
			t.Errorf("next meeting %+v", n)
		}
		var jk mb.ImportedAttendee
		for _, x := range imp.Attendees {
			if x.Name == "Jana Kovář" {
				jk = x
			}
		}
		if jk.Initials != "JK" || jk.Role != "Chair" {
			t.Errorf("attendee %+v", jk)
		}
		if d := itemNumbered(imp, "3").Decisions; d[1].Text != "that Code of Practice 4 should require Class 1 accuracy for new whole-current meters from 1 April 2027" {
			t.Errorf("the lettered decision keeps its list's joint: %q", d[1].Text)
		}
		rcp, _ := importer.Convert(parse(t, fixture.Layout("panel-header-table.txt")), importer.Options{})
		if it := itemNumbered(rcp, "9"); it.Classification != mb.Amber {
			t.Errorf("item 9 classified %q, want AMBER (Part B)", it.Classification)
		}
		a = itemNumbered(rcp, "10").Actions[0]
		if a.Owner != "Chair" || a.OwnerPerson != "Harriet Okonjo" {
			t.Errorf("action %+v", a)
		}
		wg, _ := importer.Convert(parse(t, fixture.Layout("workgroup-action-log.txt")), importer.Options{Committee: "GW417", Number: 4})
		if a := itemNumbered(wg, "2.1").Actions[0]; a.OwnerOrganisation != "Northfell Gas Networks" || a.OwnerPerson != "Daksha Mistry" || a.Written != "0401" {
			t.Errorf("action %+v", a)
		}
		var refs []string
		for _, o := range wg.Outstanding {
			refs = append(refs, o.Reference())
		}
		if want := []string{"GW417 2/03", "GW417 3/01", "GW417 3/02", "GW417 3/03"}; !reflect.DeepEqual(refs, want) {
			t.Errorf("outstanding %q, want %q", refs, want)
		}
	})
}

// Saving the model document under another number (its own was taken)
// keeps its ACTIONs as actions: with their references as written, or
// renumbered to the meeting when asked (issue 15, point 4).
func TestConvertRenumbering(t *testing.T) {
	doc := parse(t, fixture.Path(fixture.OPSG105))
	kept, err := importer.Convert(doc, importer.Options{Number: 107})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(actionRefs(kept), " "); !kept.RefsDiffer || kept.Renumbered || got != "OPSG 105/01 OPSG 105/02 OPSG 105/03 OPSG 105/04 OPSG 105/05" {
		t.Errorf("kept as written: %q (differ %v, renumbered %v)", got, kept.RefsDiffer, kept.Renumbered)
	}
	renumbered, err := importer.Convert(parse(t, fixture.Path(fixture.OPSG105)), importer.Options{Number: 107, Renumber: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(actionRefs(renumbered), " "); !renumbered.Renumbered || got != "OPSG 107/01 OPSG 107/02 OPSG 107/03 OPSG 107/04 OPSG 107/05" {
		t.Errorf("renumbered: %q", got)
	}
	if a := itemNumbered(renumbered, "4").Actions[0]; a.Written != "105/01" {
		t.Errorf("the written reference is kept: %+v", a)
	}
	// Renumbering a document already numbered for its meeting changes nothing.
	same, _ := importer.Convert(parse(t, fixture.Path(fixture.OPSG105)), importer.Options{Renumber: true})
	if same.Renumbered || len(same.Notes) != 0 {
		t.Errorf("renumbered %v, notes %+v", same.Renumbered, same.Notes)
	}
}
