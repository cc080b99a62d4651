package postgres_test

import (
	"context"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Imported minutes keep their votes and declarations: the Retail Code
// Panel's two votes on the decisions they were on, and Marcus Oyelaran's
// interest in item 9, where he did not vote; importing again replaces them
// rather than doubling them.
func TestImportVotesAndDeclarations(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	layoutCommittee(t, s, "layouts/panel-header-table.txt", "RCP", "Retail Code Panel", "Independent Chair", "Large Supplier", "Small Supplier", "Distribution", "Metering", "Consumer", "Supplier Agent")
	for range 2 {
		rep, err := s.ImportMinutes(ctx, read(t, "layouts/panel-header-table.txt"), postgres.ImportOptions{})
		if err != nil {
			t.Fatalf("%v: %v", err, mb.ErrorFields(err))
		}
		if rep.Votes != 2 || rep.Declarations != 1 {
			t.Fatalf("report: %d votes, %d declarations; notes %v", rep.Votes, rep.Declarations, rep.Notes)
		}
		doc, err := s.Minutes(ctx, rep.Meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		d := doc.Items[4].Decisions[0]
		if got := mb.DecisionSentence("RCP", d); !strings.HasPrefix(got, "The RCP voted 7 for, 2 against, with 1 abstention, and RESOLVED to recommend") {
			t.Errorf("item 5: %q", got)
		}
		if strings.Contains(doc.Items[4].Minute, "voted 7 for") {
			t.Errorf("item 5's minute keeps the vote: %q", doc.Items[4].Minute)
		}
		decl := doc.Items[8].Declarations
		if len(decl) != 1 || decl[0].PersonName != "Marcus Oyelaran" || decl[0].Effect != mb.DidNotVote || !strings.Contains(decl[0].Nature, "Tallis Metering Services") {
			t.Errorf("item 9's declarations %+v", decl)
		}
		if v := doc.Items[8].Decisions[0].Vote; v == nil || v.For != 8 || v.Abstain != 1 {
			t.Errorf("item 9's vote %+v", v)
		}
	}
}
