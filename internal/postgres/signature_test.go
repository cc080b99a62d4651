package postgres_test

import (
	"context"
	"testing"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// TestSignatureVoidedByCorrection: the chair signs approved minutes (who,
// when, the hash of the stored version); a correction voids the signature,
// audited, until the corrected version is signed again.
func TestSignatureVoidedByCorrection(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	f := newFormalFixture(t, s)
	chair := &mb.User{PersonID: f.people["Dave Warner"], Name: "Dave Warner"}
	at := time.Date(2023, 11, 14, 16, 5, 0, 0, time.UTC)

	if _, err := s.Sign(ctx, f.m105.ID, chair, at); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("signing a draft: got %v, want a conflict", err)
	}
	if err := s.Circulate(ctx, f.m105.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Approve(ctx, postgres.Approval{MeetingID: f.m105.ID, ApprovedAt: f.m106.ID}); err != nil {
		t.Fatal(err)
	}
	sig, err := s.Sign(ctx, f.m105.ID, chair, at)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SignedVersion(ctx, sig)
	if err != nil {
		t.Fatal(err)
	}
	if sig.Version != 2 || sig.SHA256 != mb.CanonicalHash(v.Minutes) || sig.Line() != "Signed by Dave Warner on 14 November 2023." {
		t.Fatalf("signature %+v", sig)
	}
	if _, err := s.Sign(ctx, f.m105.ID, chair, at); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("signing twice: got %v, want a conflict", err)
	}
	doc, err := s.Minutes(ctx, f.m105.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Signature.Standing() || doc.Signature.ID != sig.ID {
		t.Fatalf("the minutes' signature %+v", doc.Signature)
	}
	// The stored signature cannot be rewritten.
	if _, err := s.Pool().Exec(ctx, `UPDATE minutes_signatures SET sha256 = repeat('0', 64) WHERE id = $1`, sig.ID); err == nil {
		t.Fatal("a signature's hash was rewritten")
	}

	if err := s.OpenCorrection(ctx, f.m105.ID, "Spelling of a name"); err != nil {
		t.Fatal(err)
	}
	doc, _ = s.Minutes(ctx, f.m105.ID)
	if doc.Signature == nil || doc.Signature.Standing() || doc.Signature.VoidedReason != "A correction was opened: Spelling of a name" {
		t.Fatalf("after a correction the signature should be void: %+v", doc.Signature)
	}
	entries, err := s.AuditLog(ctx, mb.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	voided := false
	for _, e := range entries {
		voided = voided || e.Action == "void-signature"
	}
	if !voided {
		t.Error("voiding the signature is not in the audit log")
	}
	if _, err := s.Sign(ctx, f.m105.ID, chair, at); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Fatalf("signing during a correction: got %v, want a conflict", err)
	}
	if err := s.FinishCorrection(ctx, f.m105.ID); err != nil {
		t.Fatal(err)
	}
	again, err := s.Sign(ctx, f.m105.ID, chair, at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if again.Version != 3 {
		t.Errorf("the corrected version is 3, signed %d", again.Version)
	}
}
