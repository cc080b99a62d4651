package demo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The demo's OPSG 101 is imported, as a secretariat's history would be: a
// draft of its own, and the action its table lists in the register.
func TestDemoImportsOPSG101(t *testing.T) {
	ctx := context.Background()
	store := loadedDemo(t)
	m, err := store.MeetingByNumber(ctx, "OPSG", 101)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != mb.Draft || m.Kind != mb.ReportingMeeting || m.Reference != "OPSG_101_2308" {
		t.Errorf("OPSG 101 %+v", m)
	}
	items, err := store.Items(ctx, m.ID)
	if err != nil || len(items) != 3 || items[0].Decisions[0].Text != "the minutes from OPSG 100 as final" {
		t.Errorf("items %+v %v", items, err)
	}
	rows, err := store.ActionsOutstanding(ctx, m.ID)
	if err != nil || len(rows) != 1 || rows[0].Action.Reference() != "OPSG 100/03" || rows[0].StatusAfter != mb.ActionOpen {
		t.Fatalf("outstanding at 101: %+v %v", rows, err)
	}
	// The register then moved it on at 102 and closed it at 103.
	if a := rows[0].Action; a.Status != mb.ActionClosed || a.CurrentTarget.Format(time.DateOnly) != "2023-09-25" {
		t.Errorf("OPSG 100/03 %+v", a)
	}
	log, err := store.AuditLog(ctx, mb.AuditFilter{Entity: "meeting"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range log {
		found = found || (e.Action == "import" && e.ActorName == "Sarah Roebel" && strings.Contains(e.Summary, "opsg-101-final-minutes.txt"))
	}
	if !found {
		t.Error("no audit record of the import by the secretariat")
	}
}
