package postgres_test

import (
	"context"
	"slices"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

func mustUser(t *testing.T, s *postgres.Store, email, name string) *mb.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), postgres.NewUser{Email: email, Name: name, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Issue 13: what ends every session of a user moves their session epoch on,
// in the change's own transaction; reactivating does not move it back.
func TestSessionEpoch(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	u := mustUser(t, s, "ann@example.org", "Ann Archer")
	if u.SessionEpoch != 0 {
		t.Fatalf("a new user's epoch is %d, want 0", u.SessionEpoch)
	}
	epoch, err := s.SetPassword(ctx, u.ID, "y", "Changed own password")
	if err != nil || epoch != 1 {
		t.Fatalf("SetPassword = %d, %v; want epoch 1", epoch, err)
	}
	if err := s.SetUserActive(ctx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetUserActive(ctx, u.ID, true); err != nil {
		t.Fatal(err)
	}
	got, err := s.User(ctx, u.ID)
	if err != nil || got.SessionEpoch != 2 {
		t.Fatalf("after a deactivation and a reactivation: epoch %d (%v), want 2", got.SessionEpoch, err)
	}
	if _, err := s.SetPassword(ctx, 999999, "z", "reset"); mb.ErrorCode(err) != mb.ENOTFOUND {
		t.Errorf("SetPassword of no user: %v, want not found", err)
	}
}

// Issue 13: lifting a lockout forgets the account's failures, not an
// address's, and is audited.
func TestLiftLockout(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	u := mustUser(t, s, "bob@example.org", "Bob Baker")
	for range 5 {
		if err := s.RecordSignInFailure(ctx, u.Email, "192.0.2.1"); err != nil {
			t.Fatal(err)
		}
	}
	since := time.Now().Add(-time.Hour)
	if n, err := s.AccountSignInFailures(ctx, u.Email, since); err != nil || n != 5 {
		t.Fatalf("failures = %d, %v; want 5", n, err)
	}
	if err := s.LiftLockout(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	byEmail, byAddress, err := s.SignInFailures(ctx, u.Email, "192.0.2.1", since)
	if err != nil || byEmail != 0 || byAddress != 0 {
		t.Errorf("after the lift: %d by email, %d by address (%v); want 0, 0", byEmail, byAddress, err)
	}
	entries, err := s.AuditLog(ctx, mb.AuditFilter{Entity: "user"})
	if err != nil || len(entries) == 0 || entries[0].Summary != "Lifted the sign-in lockout of bob@example.org" {
		t.Errorf("audit %v (%v), want the lift", entries, err)
	}
}

// Issue 13: the people an audit filter offers are those who appear in the
// records, by committee, kept as the records are written.
func TestAuditActors(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	ann, bob := mustUser(t, s, "ann@example.org", "Ann Archer"), mustUser(t, s, "bob@example.org", "Bob Baker")
	mustUser(t, s, "cat@example.org", "Cat Cooper")
	opsg := &mb.Committee{Code: "OPSG", Name: "Operations Group", EscalationThreshold: 15, Categories: []string{"Chair"}}
	if err := s.CreateCommittee(mb.NewContextWithActor(ctx, ann), opsg); err != nil {
		t.Fatal(err)
	}
	opsg.Name = "Operations Group (renamed)"
	if err := s.UpdateCommittee(mb.NewContextWithActor(ctx, ann), opsg); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateAPIToken(mb.NewContextWithActor(ctx, bob), bob.ID, "sheet", "mbk_secret"); err != nil {
		t.Fatal(err)
	}
	names := func(committees []int64) []string {
		t.Helper()
		users, err := s.AuditActors(ctx, committees)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, u := range users {
			out = append(out, u.Name)
		}
		return out
	}
	if got := names([]int64{opsg.ID}); !slices.Equal(got, []string{"Ann Archer"}) {
		t.Errorf("OPSG's actors = %q, want Ann Archer once", got)
	}
	if got := names(nil); !slices.Equal(got, []string{"Ann Archer", "Bob Baker"}) {
		t.Errorf("every actor = %q, want Ann Archer and Bob Baker", got)
	}
	if got := names([]int64{}); len(got) != 0 {
		t.Errorf("actors of no committee = %q, want none", got)
	}
}

// Issue 13: revoking every token revokes those in force, once.
func TestRevokeAPITokens(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	u := mustUser(t, s, "ann@example.org", "Ann Archer")
	for _, secret := range []string{"mbk_one", "mbk_two"} {
		if _, err := s.CreateAPIToken(ctx, u.ID, secret, secret); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.RevokeAPITokens(ctx, u.ID); err != nil || n != 2 {
		t.Fatalf("RevokeAPITokens = %d, %v; want 2", n, err)
	}
	if n, err := s.RevokeAPITokens(ctx, u.ID); err != nil || n != 0 {
		t.Errorf("again = %d, %v; want 0", n, err)
	}
	if _, err := s.UserByAPIToken(ctx, "mbk_one"); mb.ErrorCode(err) != mb.EUNAUTHORIZED {
		t.Errorf("a revoked token: %v, want unauthorized", err)
	}
}
