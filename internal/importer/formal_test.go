package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// formalRecord lists an import's votes and declarations, item by item:
// "5: 7/2/1 RESOLVED", "9: Marcus Oyelaran did_not_vote".
func formalRecord(imp *mb.MinutesImport) (votes, declarations []string) {
	var walk func(items []mb.ImportedItem)
	walk = func(items []mb.ImportedItem) {
		for _, it := range items {
			for _, d := range it.Decisions {
				if d.Vote != nil {
					votes = append(votes, fmt.Sprintf("%s: %d/%d/%d %s", it.Number, d.Vote.For, d.Vote.Against, d.Vote.Abstain, d.Kind))
				}
			}
			for _, d := range it.Declarations {
				declarations = append(declarations, fmt.Sprintf("%s: %s %s", it.Number, d.Name, d.Effect))
			}
			walk(it.Children)
		}
	}
	walk(imp.Items)
	return votes, declarations
}

// The votes and declarations the layout fixtures record are read onto their
// decisions and items: the Panel's two votes on the decisions they were on,
// Marcus Oyelaran's interest on item 9 where he did not vote, and the
// board's declaration on minute 26/047.
func TestConvertVotesAndDeclarations(t *testing.T) {
	for _, tc := range []struct {
		file                string
		votes, declarations string
	}{
		{"panel-header-table.txt", "5: 7/2/1 RESOLVED; 9: 8/0/1 RESOLVED", "9: Marcus Oyelaran did_not_vote"},
		{"board-narrative.txt", "", "7: Graham Ostrowski did_not_vote"},
		{"subcommittee-initials.txt", "", ""},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".txt"), func(t *testing.T) {
			imp, err := importer.Convert(parse(t, fixture.Layout(tc.file)), importer.Options{})
			if err != nil {
				t.Fatalf("%v: %v", err, mb.ErrorFields(err))
			}
			votes, decls := formalRecord(imp)
			if got := strings.Join(votes, "; "); got != tc.votes {
				t.Errorf("votes %q, want %q", got, tc.votes)
			}
			if got := strings.Join(decls, "; "); got != tc.declarations {
				t.Errorf("declarations %q, want %q", got, tc.declarations)
			}
			for _, it := range imp.Items {
				if strings.Contains(it.Minute, "voted 7 for") {
					t.Errorf("item %s keeps the vote in its minute as well: %q", it.Number, it.Minute)
				}
			}
		})
	}
}
