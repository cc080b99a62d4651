package importer_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/fixture"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// meeting105 is the structure of OPSG 105 as minutebook holds it, in words,
// so that two databases can be compared line by line.
func meeting105(t *testing.T, s *postgres.Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	m, err := s.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := s.Minutes(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{
		"header": {fmt.Sprintf("%s %s %s %s %s %s", m.Reference, m.Kind, m.DateLabel(), m.TimeLabel(), m.Venue, m.Classification)},
	}
	for _, a := range doc.Attendance {
		out["attendance"] = append(out["attendance"], fmt.Sprintf("%s | %s | %s | %s | %s", a.PersonName, a.Status, a.Group(), a.PartItems, a.AlternateForName))
	}
	// Decisions and actions are compared by their top-level item: the
	// demo keeps item 5's with item 5, the document writes them after 5.3.
	var walk func(items []*mb.Item, top string)
	walk = func(items []*mb.Item, top string) {
		for _, it := range items {
			if top == "" || it.ParentID == nil {
				top = it.Number
			}
			out["items"] = append(out["items"], it.Number+" "+it.Title)
			out["minutes"] = append(out["minutes"], it.Number+" "+plain(it.Minute))
			for _, d := range it.Decisions {
				out["decisions"] = append(out["decisions"], top+" "+mb.DecisionSentence("OPSG", d))
			}
			for _, a := range it.Actions {
				out["actions"] = append(out["actions"], fmt.Sprintf("%s %s (%s): %s", top, a.Reference(), a.OwnerName, a.Text))
			}
			walk(it.Children, top)
		}
	}
	walk(doc.Items, "")
	for _, o := range doc.Outstanding {
		out["outstanding"] = append(out["outstanding"], fmt.Sprintf("%s %s raised %s last %s revised %s %s: %s",
			o.Action.Reference(), o.Action.OwnerName, o.Action.RaisedOn.Format(time.DateOnly), date(o.LastTarget), date(o.RevisedTarget), o.StatusAfter, o.Action.Text))
	}
	reviews, err := s.RiskReviewsAt(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	items, _ := s.ItemChoices(ctx, m.ID)
	for _, v := range reviews {
		item := ""
		for _, it := range items {
			if v.ItemID != nil && it.ID == *v.ItemID {
				item = it.Number
			}
		}
		out["risks"] = append(out["risks"], fmt.Sprintf("item %s %s %d×%d %s: %s | %s", item, v.Reference, v.Likelihood, v.Impact, v.Band, v.Statement, v.Comment))
	}
	opsg, _ := s.CommitteeByCode(ctx, "OPSG")
	escalations, err := s.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: []int64{opsg.ID}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range escalations {
		if e.Meeting != nil && e.Meeting.ID == m.ID {
			out["escalations"] = append(out["escalations"], fmt.Sprintf("%s to %s: %s", riskRef(t, s, e.RiskID), e.ToCommitteeCode, e.DecisionText))
		}
	}
	slices.Sort(out["escalations"])
	for _, n := range doc.NextMeetings {
		out["next"] = append(out["next"], fmt.Sprintf("%s %d %s", n.Kind, n.Number, n.Date.Format(time.DateOnly)))
	}
	return out
}

func riskRef(t *testing.T, s *postgres.Store, id int64) string {
	r, err := s.Risk(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r.Reference
}

func date(d *time.Time) string {
	if d == nil {
		return "-"
	}
	return d.Format(time.DateOnly)
}

// plain compares minutes without their markup (the bold of subheadings, a
// link's address), which the demo writes and the reader of a plain-text
// document takes out.
func plain(s string) string {
	s = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(s, "$1")
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "**", "")), " ")
}

// TestImportProducesTheDemoMeeting105 imports the model document into a
// database holding only the demo's bodies and people, and finds the
// meeting the demo builds by hand: the same header, roll call, items,
// minutes, decisions, actions, actions outstanding, risks reviewed,
// escalations and next meetings.
func TestImportProducesTheDemoMeeting105(t *testing.T) {
	ctx := context.Background()
	open := func() *postgres.Store {
		s, err := postgres.Open(ctx, dbtest.URL(t))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		return s
	}
	full, imported := open(), open()
	if _, err := demo.Load(ctx, full, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Foundation(ctx, imported, demo.Options{PasswordParams: password.Cheap}); err != nil {
		t.Fatal(err)
	}
	in, err := importer.Convert(parse(t, fixture.Path(fixture.OPSG105)), importer.Options{Source: "opsg-105-final-minutes.txt"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := imported.ImportMinutes(ctx, in, postgres.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v (%s)", err, mb.ErrorMessage(err))
	}
	// The demo knows every person of the model document already.
	if len(rep.NewPeople) != 0 || len(rep.NewOrganisations) != 0 {
		t.Errorf("the import created people %v and organisations %v the demo has", rep.NewPeople, rep.NewOrganisations)
	}
	want, got := meeting105(t, full), meeting105(t, imported)
	for _, part := range []string{"header", "attendance", "items", "minutes", "decisions", "actions", "outstanding", "risks", "escalations", "next"} {
		if len(want[part]) == 0 {
			t.Errorf("%s: the demo has none to compare", part)
		}
		if !slices.Equal(got[part], want[part]) {
			t.Errorf("%s differ:\n%s", part, diffLines(want[part], got[part]))
		}
	}
}

// diffLines lists the lines only one side has.
func diffLines(want, got []string) string {
	var b strings.Builder
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			fmt.Fprintf(&b, "  demo:   %q\n  import: %q\n", w, g)
		}
	}
	return b.String()
}
