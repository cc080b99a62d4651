package postgres_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// An import never adds to the committee's decision words (issue 15): the
// committee's vocabulary, which an administrator keeps, decides. Minutes
// read in other words are refused, saying how to add them; read in the
// committee's, their other words are text.
func TestImportKeepsTheCommitteesDecisionWords(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const panel = "layouts/panel-header-table.txt"
	rcp := layoutCommittee(t, s, "", "RCP", "Retail Code Panel", "Independent Chair", "Large Supplier", "Small Supplier", "Distribution", "Metering", "Consumer", "Supplier Agent")
	vocabulary := func() []string {
		c, err := s.CommitteeByCode(ctx, "RCP")
		if err != nil {
			t.Fatal(err)
		}
		return c.DecisionVocabulary
	}
	convert := func(words []string) *mb.MinutesImport {
		b, err := fixture.Read(panel)
		if err != nil {
			t.Fatal(err)
		}
		in, err := importer.Convert(minutesimport.ParseText(string(b), minutesimport.Options{Committee: "RCP", DecisionWords: words}), importer.Options{Committee: "RCP"})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	// saved imports the minutes, and returns them as stored.
	saved := func(in *mb.MinutesImport) *mb.Minutes {
		rep, err := s.ImportMinutes(ctx, in, postgres.ImportOptions{})
		if err != nil {
			t.Fatalf("%v: %v", err, mb.ErrorFields(err))
		}
		minutes, err := s.Minutes(ctx, rep.Meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		return minutes
	}

	t.Run("ErrWordsOutside", func(t *testing.T) {
		_, err := s.ImportMinutes(ctx, convert(fixture.DecisionWords(fixture.Path(panel))), postgres.ImportOptions{})
		msg := mb.ErrorMessage(err)
		if mb.ErrorCode(err) != mb.EINVALID || !strings.Contains(msg, "“RESOLVED” is not one of RCP's decision words (NOTED, AGREED, APPROVED)") ||
			!strings.Contains(msg, "administrator add it") {
			t.Fatalf("got %v (%s)", err, msg)
		}
		// The message stands beside the decision's word in the preview.
		if f := mb.ErrorFields(err); len(f) != 1 || !strings.HasSuffix(slices.Collect(maps.Keys(f))[0], "-kind") {
			t.Errorf("fields %v", f)
		}
		if got := vocabulary(); !slices.Equal(got, mb.DefaultDecisionVocabulary) {
			t.Errorf("the committee's words became %v", got)
		}
	})
	t.Run("OKOthersAsText", func(t *testing.T) {
		minutes := saved(convert(vocabulary()))
		if it := minutes.Items[4]; len(it.Decisions) != 0 || !strings.Contains(it.Minute, "The Panel RESOLVED to recommend") {
			t.Errorf("item 5: decisions %+v, minute %q", it.Decisions, it.Minute)
		}
		if got := vocabulary(); !slices.Equal(got, mb.DefaultDecisionVocabulary) {
			t.Errorf("the committee's words became %v", got)
		}
		if n := count(t, s, "audit_log WHERE summary LIKE '%decision words%'"); n != 0 {
			t.Errorf("%d audit entries about decision words", n)
		}
	})
	t.Run("OKOnceAnAdministratorAddsThem", func(t *testing.T) {
		rcp.DecisionVocabulary = fixture.DecisionWords(fixture.Path(panel))
		if err := s.UpdateCommittee(ctx, rcp); err != nil {
			t.Fatal(err)
		}
		minutes := saved(convert(vocabulary()))
		if it := minutes.Items[4]; len(it.Decisions) != 1 || it.Decisions[0].Kind != "RESOLVED" || strings.Contains(it.Minute, "RESOLVED") {
			t.Errorf("item 5: decisions %+v, minute %q", it.Decisions, it.Minute)
		}
	})
}
