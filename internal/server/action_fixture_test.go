package server_test

import (
	"context"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/web"
)

// The fixture meeting's actions outstanding table, derived from the demo's
// register, reads as the model document's: OPSG 102/01 and 102/05, raised
// 12/09/2023, both closed at meeting 105, and nothing else.
func TestFixtureActionsOutstanding(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	m, err := a.store.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := a.store.ActionsOutstanding(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := web.ActionsOutstandingTable(rows).Render(ctx, &b); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join([]string{r.Action.Reference(), r.Action.RaisedOn.Format("02/01/2006"),
			r.LastTarget.Format("02/01/2006"), r.Action.OwnerName, r.StatusAfter.Label()}, " | "))
	}
	want := []string{
		"OPSG 102/01 | 12/09/2023 | 28/02/2024 | DCC | Closed",
		"OPSG 102/05 | 12/09/2023 | 31/12/2023 | DCC | Closed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("OPSG 105's actions outstanding:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{"OPSG 102/01", "The DCC to provide TABASC with the formal report relating to Incident 1076111", "28/02/2024", "Closed"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("the rendered table lacks %q", s)
		}
	}
}
