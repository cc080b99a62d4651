package demo_test

import (
	"context"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func TestLoad(t *testing.T) {
	ctx := context.Background()
	store, err := postgres.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	creds, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("PeopleHaveTheirInitials", func(t *testing.T) {
		people, err := store.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, p := range people {
			got[p.Name] = p.Initials
		}
		if got["Dave Warner"] != "DW" || got["Sarah Roebel"] != "SR" {
			t.Errorf("initials %v", got)
		}
	})

	t.Run("OneAccountPerRoleWithWorkingPasswords", func(t *testing.T) {
		keys := map[string]bool{}
		for _, c := range creds {
			keys[c.Key] = true
			_, hash, err := store.UserByEmail(ctx, c.Email)
			if err != nil {
				t.Fatal(err)
			}
			if ok, err := password.Check(c.Password, hash); err != nil || !ok {
				t.Errorf("%s: the printed password does not match", c.Email)
			}
		}
		for _, k := range []string{"secretariat", "chair", "member", "panel-chair", "non-member"} {
			if !keys[k] {
				t.Errorf("no %s account", k)
			}
		}
	})

	t.Run("OPSGBeneathThePanelWithTheFixtureMembers", func(t *testing.T) {
		opsg, err := store.CommitteeByCode(ctx, "OPSG")
		if err != nil {
			t.Fatal(err)
		}
		if opsg.ParentCode != "PANEL" || opsg.EscalationThreshold != 15 || len(opsg.Categories) != 5 {
			t.Errorf("OPSG = parent %q threshold %d categories %v", opsg.ParentCode, opsg.EscalationThreshold, opsg.Categories)
		}
		members, err := store.Memberships(ctx, mb.MembershipFilter{CommitteeID: &opsg.ID})
		if err != nil {
			t.Fatal(err)
		}
		perCategory := map[string]int{}
		for _, m := range members {
			perCategory[m.Category]++
		}
		if perCategory["Operations Group Chair"] != 1 || perCategory["Network Parties"] != 1 || perCategory["Large Suppliers"] < 6 || perCategory["Other SEC Parties"] < 3 {
			t.Errorf("members per category: %v", perCategory)
		}
	})

	t.Run("Meeting105HasTheFixtureHeader", func(t *testing.T) {
		m, err := store.MeetingByNumber(ctx, "OPSG", 105)
		if err != nil {
			t.Fatal(err)
		}
		if m.Reference != "OPSG_105_2310" || m.TimeLabel() != "12:20 – 16:00" || m.Venue != "Teleconference" || m.Classification != mb.Clear || m.Status != mb.Published {
			t.Errorf("meeting 105: %+v", m)
		}
	})

	t.Run("ErrLoadedTwice", func(t *testing.T) {
		if _, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap}); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Errorf("second load: err = %v, want a conflict", err)
		}
	})
}

func TestLoadUnwritten105(t *testing.T) {
	ctx := context.Background()
	store, err := postgres.Open(ctx, dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := demo.Load(ctx, store, demo.Options{PasswordParams: password.Cheap, Unwritten105: true}); err != nil {
		t.Fatal(err)
	}
	m, err := store.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := store.Minutes(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != mb.Draft || len(doc.Items) != 0 || len(doc.Attendance) != 0 {
		t.Errorf("OPSG 105 %s with %d items and %d attendees: its minutes should be unwritten", m.Status, len(doc.Items), len(doc.Attendance))
	}
	// What 105 records is still to record: 102/01 open, 103 to approve.
	a, err := store.ActionByReference(ctx, "OPSG", 102, 1)
	if err != nil || a.Status != mb.ActionOpen {
		t.Errorf("OPSG 102/01 %+v %v: should be open until 105 closes it", a, err)
	}
	if m103, _ := store.MeetingByNumber(ctx, "OPSG", 103); m103 == nil || m103.Status != mb.Circulated {
		t.Errorf("OPSG 103 should await its approval at 105")
	}
}
