package demo_test

import (
	"context"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// TestLoadRisks checks the demo's register against item 6 of the model
// document: four risks at 20, 16, 15 and 15, reviewed and escalated at 105.
func TestLoadRisks(t *testing.T) {
	ctx := context.Background()
	store := loadedDemo(t)
	opsg, err := store.CommitteeByCode(ctx, "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	risks, err := store.Risks(ctx, mb.RiskFilter{CommitteeID: &opsg.ID})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		ref      string
		severity int
		band     string
	}{{"OPSG-006", 20, "Critical"}, {"OPSG-019", 16, "High"}, {"OPSG-002", 15, "High"}, {"OPSG-017", 15, "High"}}
	if len(risks) != len(want) {
		t.Fatalf("%d OPSG risks, want %d", len(risks), len(want))
	}
	for i, w := range want {
		r := risks[i]
		if r.Reference != w.ref || r.Severity() != w.severity || r.Band != w.band {
			t.Errorf("risk %d = %s %d %s, want %s %d %s", i, r.Reference, r.Severity(), r.Band, w.ref, w.severity, w.band)
		}
		if len(r.Reviews) < 3 || r.Reviews[len(r.Reviews)-1].MeetingNumber != 105 {
			t.Errorf("%s has %d reviews, want a history ending at 105", r.Reference, len(r.Reviews))
		}
		if e := r.OpenEscalation(); e == nil || e.Meeting.Number != 105 || e.ToCommitteeCode != "PANEL" {
			t.Errorf("%s is not escalated to the Panel at 105", r.Reference)
		}
		if r.Reviews[len(r.Reviews)-1].ActorName != "Sarah Roebel" {
			t.Errorf("%s's review recorded by %q", r.Reference, r.Reviews[len(r.Reviews)-1].ActorName)
		}
	}
	if got, want := risks[0].OpenEscalation().DecisionText, "all four risks above be escalated to the SEC Panel"; got != want {
		t.Errorf("decision %q", got)
	}
	m105, err := store.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		t.Fatal(err)
	}
	byItem, err := store.RiskReviewsByItem(ctx, m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	items, err := store.ItemChoices(ctx, m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range items {
		if len(byItem[it.ID]) == 4 && it.Title == "Risk Register – Progress Report" {
			found = true
		}
	}
	if !found {
		t.Errorf("meeting 105 has no risk item holding the four reviews: %+v", items)
	}
	tabasc, err := store.CommitteeByCode(ctx, "TABASC")
	if err != nil {
		t.Fatal(err)
	}
	open, err := store.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: []int64{tabasc.ID}, OpenOnly: true, WithRisks: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].Risk.Reference != "TABASC-005" {
		t.Errorf("TABASC escalations %+v, want TABASC-005 alone", open)
	}
}
