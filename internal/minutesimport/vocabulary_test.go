package minutesimport

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The committee's vocabulary decides what is a decision (issue 15): a word
// outside it is read as text of the item, listed for a person to decide.
func TestParseDecisionVocabulary(t *testing.T) {
	t.Run("WordOutsideIsText", func(t *testing.T) {
		// Read into a committee with the default words, not the Panel's.
		text, err := os.ReadFile(fixture.Layout("panel-header-table.txt"))
		if err != nil {
			t.Fatal(err)
		}
		doc := ParseText(string(text), Options{DecisionWords: mb.DefaultDecisionVocabulary})
		held := 0
		for _, it := range doc.Items {
			for _, d := range it.Decisions {
				switch {
				case d.Kind != "" && !slices.Contains(mb.DefaultDecisionVocabulary, d.Kind):
					t.Errorf("item %s: a decision in %s, outside the committee's words", it.Number, d.Kind)
				case d.Kind == "":
					held++
					if d.Word == "" || !strings.Contains(it.Text, d.Text) || !strings.Contains(d.Text, d.Word) {
						t.Errorf("item %s: %+v is not kept in the item's text %q", it.Number, d, it.Text)
					}
				}
			}
		}
		if held != 4 { // RESOLVED twice, ENDORSED, DEFERRED
			t.Errorf("%d sentences kept as text, want 4", held)
		}
		if !reflect.DeepEqual(doc.DecisionWords, mb.DefaultDecisionVocabulary) || doc.WordsAssumed {
			t.Errorf("read in %v (assumed %v)", doc.DecisionWords, doc.WordsAssumed)
		}
	})

	t.Run("CommitteeWordNotInED", func(t *testing.T) {
		doc := ParseText("1. Report\n\nThe Panel NOTE the report.\n", Options{DecisionWords: []string{"NOTE", "AGREE"}})
		if ds := doc.Items[0].Decisions; len(ds) != 1 || ds[0].Kind != "NOTE" || doc.Items[0].Text != "" {
			t.Errorf("decisions %+v, text %q", ds, doc.Items[0].Text)
		}
	})

	t.Run("ListEntryOutside", func(t *testing.T) {
		doc := ParseText("1. Plan\n\nThe Panel:\n\na) NOTED the report;\nb) SUPPORTED the plan; and\nc) AGREED the dates.\n", Options{DecisionWords: mb.DefaultDecisionVocabulary})
		it := doc.Items[0]
		var got []string
		for _, d := range it.Decisions {
			got = append(got, d.Kind+"/"+d.Word+"/"+d.Letter)
		}
		if want := []string{"NOTED//a", "/SUPPORTED/b", "AGREED//c"}; !reflect.DeepEqual(got, want) {
			t.Errorf("decisions %q, want %q", got, want)
		}
		if want := "The Panel:\n\n- b) SUPPORTED the plan; and"; it.Text != want {
			t.Errorf("text %q, want %q", it.Text, want)
		}
	})

	t.Run("NoCommitteeKnown", func(t *testing.T) {
		doc := ParseText("1. Plan\n\nThe Panel **SUPPORTED** option 2. The Panel RESOLVED to consult. The Panel NOTED the paper.\n", Options{})
		var kinds, held []string
		for _, d := range doc.Items[0].Decisions {
			kinds, held = append(kinds, d.Kind), append(held, d.Word)
		}
		if want := []string{"SUPPORTED", "", "NOTED"}; !reflect.DeepEqual(kinds, want) {
			t.Errorf("kinds %q, want %q", kinds, want)
		}
		if want := []string{"", "RESOLVED", ""}; !reflect.DeepEqual(held, want) {
			t.Errorf("held %q, want %q", held, want)
		}
		if want := []string{"NOTED", "AGREED", "APPROVED", "SUPPORTED"}; !reflect.DeepEqual(doc.DecisionWords, want) || !doc.WordsAssumed {
			t.Errorf("read in %v (assumed %v), want %v assumed", doc.DecisionWords, doc.WordsAssumed, want)
		}
		if want := "The Panel RESOLVED to consult."; doc.Items[0].Text != want {
			t.Errorf("text %q, want %q", doc.Items[0].Text, want)
		}
	})
}

// What the import is told replaces the warnings about what the document
// does not say.
func TestParseToldCommitteeAndNumber(t *testing.T) {
	text := "Workgroup 0417 Minutes\n12 May 2026\n\n1. Welcome\n\nThe Chair welcomed members.\n"
	warned := func(doc *Document, s string) bool {
		return slices.ContainsFunc(doc.Warnings, func(w Warning) bool { return strings.Contains(w.Text, s) })
	}
	if doc := ParseText(text, Options{}); !warned(doc, "no committee code found") || !warned(doc, "no meeting number found") {
		t.Errorf("untold: warnings %+v", doc.Warnings)
	}
	doc := ParseText(text, Options{Committee: "gw417", Number: 4})
	if warned(doc, "no committee code found") || warned(doc, "no meeting number found") ||
		!warned(doc, "read as the minutes of GW417") || !warned(doc, "read as meeting 4") {
		t.Errorf("told: warnings %+v", doc.Warnings)
	}
}
