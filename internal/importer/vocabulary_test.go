package importer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

// readPanel reads the Retail Code Panel's minutes as imported into a
// committee that decides in words.
func readPanel(t *testing.T, words []string) *minutesimport.Document {
	t.Helper()
	b, err := os.ReadFile(fixture.Layout("panel-header-table.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return minutesimport.ParseText(string(b), minutesimport.Options{Committee: "RCP", DecisionWords: words})
}

func itemIndex(t *testing.T, doc *minutesimport.Document, number string) int {
	t.Helper()
	for k, it := range doc.Items {
		if it.Number == number {
			return k
		}
	}
	t.Fatalf("no item %s", number)
	return -1
}

func hasNote(imp *mb.MinutesImport, parts ...string) bool {
	for _, n := range imp.Notes {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(n.Text, p)
		}
		if all {
			return true
		}
	}
	return false
}

// A decision in a word outside the committee's vocabulary is text of its
// item, with a note saying how to record it (issue 15); the preview may
// make it a decision in one of the committee's words.
func TestConvertWordsOutsideTheVocabulary(t *testing.T) {
	const resolved = "The Panel RESOLVED to recommend that the Energy Retail Authority approve CP-219, with an implementation date of 5 November 2026."

	t.Run("KeptAsTextWithANote", func(t *testing.T) {
		doc := readPanel(t, mb.DefaultDecisionVocabulary)
		imp, err := importer.Convert(doc, importer.Options{Committee: "RCP"})
		if err != nil {
			t.Fatalf("%v %v", err, mb.ErrorFields(err))
		}
		it := imp.Items[itemIndex(t, doc, "5")]
		if len(it.Decisions) != 0 || !strings.Contains(it.Minute, resolved) {
			t.Errorf("item 5: decisions %+v, minute %q", it.Decisions, it.Minute)
		}
		if !hasNote(imp, "RESOLVED is not one of RCP's decision words (NOTED, AGREED, APPROVED)", "kept as text of item 5", "administrator add RESOLVED to the committee's decision words") {
			t.Errorf("notes %+v", imp.Notes)
		}
		if hasNote(imp, "No committee's decision words were given") {
			t.Errorf("the committee's words were given: notes %+v", imp.Notes)
		}
	})

	t.Run("InTheCommitteesWords", func(t *testing.T) {
		doc := readPanel(t, fixture.DecisionWords(fixture.Layout("panel-header-table.txt")))
		imp, err := importer.Convert(doc, importer.Options{Committee: "RCP"})
		if err != nil {
			t.Fatal(err)
		}
		it := imp.Items[itemIndex(t, doc, "5")]
		if len(it.Decisions) != 1 || it.Decisions[0].Kind != "RESOLVED" || strings.Contains(it.Minute, "RESOLVED") || hasNote(imp, "is not one of RCP's") {
			t.Errorf("item 5: decisions %+v, minute %q, notes %+v", it.Decisions, it.Minute, imp.Notes)
		}
	})

	t.Run("ChosenInThePreview", func(t *testing.T) {
		doc := readPanel(t, mb.DefaultDecisionVocabulary)
		k := itemIndex(t, doc, "5")
		v := importer.FormValues(doc)
		if v[importer.DecisionField(k, 0, "kind")] != "" || v[importer.DecisionField(k, 0, "text")] != resolved {
			t.Fatalf("shown as %q %q", v[importer.DecisionField(k, 0, "kind")], v[importer.DecisionField(k, 0, "text")])
		}
		v[importer.DecisionField(k, 0, "kind")] = "AGREED"
		apply := func(v importer.Values) {
			c, fe := importer.ReadCorrections(doc, v)
			if len(fe) > 0 {
				t.Fatal(fe)
			}
			c.Apply(doc, nil)
		}
		apply(v)
		apply(importer.FormValues(doc)) // shown again and sent back: nothing more changes
		imp, err := importer.Convert(doc, importer.Options{Committee: "RCP"})
		if err != nil {
			t.Fatal(err)
		}
		it := imp.Items[k]
		want := "to recommend that the Energy Retail Authority approve CP-219, with an implementation date of 5 November 2026"
		if len(it.Decisions) != 1 || it.Decisions[0].Kind != "AGREED" || it.Decisions[0].Text != want {
			t.Errorf("decisions %+v", it.Decisions)
		}
		if strings.Contains(it.Minute, "RESOLVED") || !strings.Contains(it.Minute, "The Chair put the proposal to the vote.") || hasNote(imp, "kept as text of item 5") {
			t.Errorf("minute %q, notes %+v", it.Minute, imp.Notes)
		}

		// Not a decision after all: its words, as written, go back into
		// the minute.
		v = importer.FormValues(doc)
		v[importer.DecisionField(k, 0, "kind")] = ""
		apply(v)
		imp, _ = importer.Convert(doc, importer.Options{Committee: "RCP"})
		if it := imp.Items[k]; len(it.Decisions) != 0 || !strings.Contains(it.Minute, resolved) {
			t.Errorf("decisions %+v, minute %q", it.Decisions, it.Minute)
		}
	})

	t.Run("RetypedAsText", func(t *testing.T) {
		doc := readPanel(t, mb.DefaultDecisionVocabulary)
		k := itemIndex(t, doc, "6")
		v := importer.FormValues(doc)
		v[importer.DecisionField(k, 0, "text")] = "The Panel ENDORSED the remediation plan for the three measures."
		c, _ := importer.ReadCorrections(doc, v)
		c.Apply(doc, nil)
		imp, _ := importer.Convert(doc, importer.Options{Committee: "RCP"})
		if m := imp.Items[k].Minute; !strings.Contains(m, "remediation plan for the three measures.") || strings.Contains(m, "proposed for the three failing") {
			t.Errorf("minute %q", m)
		}
	})

	t.Run("NoCommitteeKnown", func(t *testing.T) {
		doc := readPanel(t, nil)
		imp, err := importer.Convert(doc, importer.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !hasNote(imp, "No committee's decision words were given, so decisions were read in minutebook's default words (NOTED, AGREED, APPROVED); importing") ||
			!hasNote(imp, "RESOLVED is not one of the words decisions were read in") {
			t.Errorf("notes %+v", imp.Notes)
		}
	})
}
