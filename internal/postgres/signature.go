package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

const signatureColumns = `id, meeting_id, version_number, signer_id, signer_name, signed_at, sha256, voided_at, coalesce(voided_reason, ''), coalesce(voided_by, '')`

func scanSignature(row pgx.Row) (*mb.Signature, error) {
	var s mb.Signature
	err := row.Scan(&s.ID, &s.MeetingID, &s.Version, &s.SignerID, &s.SignerName, &s.SignedAt, &s.SHA256, &s.VoidedAt, &s.VoidedReason, &s.VoidedBy)
	return &s, err
}

// Signature returns the meeting's standing signature, or else the last one
// voided; nil when the minutes were never signed.
func (s *Store) Signature(ctx context.Context, meetingID int64) (*mb.Signature, error) {
	sig, err := scanSignature(s.pool.QueryRow(ctx, `SELECT `+signatureColumns+` FROM minutes_signatures
		WHERE meeting_id = $1 ORDER BY voided_at IS NULL DESC, id DESC LIMIT 1`, meetingID))
	if err == pgx.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: signature of %d: %w", meetingID, err)
	}
	return sig, nil
}

// Sign records the signer's signature of the meeting's approved minutes at
// the moment at: of the latest stored version, with the SHA-256 of its
// canonical text. Minutes still in draft or circulated, under correction,
// or already signed are refused.
func (s *Store) Sign(ctx context.Context, meetingID int64, signer *mb.User, at time.Time) (*mb.Signature, error) {
	var sig *mb.Signature
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		switch {
		case m.Status != mb.Approved && m.Status != mb.Published:
			return mb.Errorf(mb.ECONFLICT, "The minutes of %s are %s: only approved minutes are signed.", m.ShortName(), m.Status)
		case m.CorrectionReason != "":
			return mb.Errorf(mb.ECONFLICT, "A correction of %s is open: finish it, then sign the corrected version.", m.ShortName())
		}
		var standing bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM minutes_signatures WHERE meeting_id = $1 AND voided_at IS NULL)`, m.ID).Scan(&standing); err != nil {
			return err
		}
		if standing {
			return mb.Errorf(mb.ECONFLICT, "The minutes of %s are already signed.", m.ShortName())
		}
		list, err := versionsIn(ctx, tx, `WHERE v.meeting_id = $1 ORDER BY v.number DESC LIMIT 1`, m.ID)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return mb.Errorf(mb.ECONFLICT, "The minutes of %s have no stored version to sign.", m.ShortName())
		}
		v := list[0]
		sig = &mb.Signature{MeetingID: m.ID, Version: v.Number, SignerID: &signer.PersonID, SignerName: signer.Name,
			SignedAt: at, SHA256: mb.CanonicalHash(v.Minutes)}
		if err := tx.QueryRow(ctx, `INSERT INTO minutes_signatures (meeting_id, version_number, signer_id, signer_name, signed_at, sha256)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, m.ID, v.Number, signer.PersonID, signer.Name, at, sig.SHA256).Scan(&sig.ID); err != nil {
			return err
		}
		return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "sign", fmt.Sprintf("%s signed version %d of the minutes of %s (SHA-256 %s)", signer.Name, v.Number, m.ShortName(), sig.SHA256))
	})
	if err != nil {
		return nil, storeError(err, nil, "sign minutes")
	}
	return sig, nil
}

// voidSignature voids the meeting's standing signature, if any, within tx:
// a correction of signed minutes needs signing again.
func voidSignature(ctx context.Context, tx pgx.Tx, m *mb.Meeting, reason string) error {
	actor := "system"
	if u := mb.ActorFromContext(ctx); u != nil {
		actor = u.Name
	}
	var signer string
	var version int
	err := tx.QueryRow(ctx, `UPDATE minutes_signatures SET voided_at = now(), voided_reason = $2, voided_by = $3
		WHERE meeting_id = $1 AND voided_at IS NULL RETURNING signer_name, version_number`, m.ID, reason, actor).Scan(&signer, &version)
	if err == pgx.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "void-signature",
		fmt.Sprintf("Voided %s's signature of version %d of the minutes of %s: %s", signer, version, m.ShortName(), reason))
}

// SignedVersion returns the stored version a signature signed.
func (s *Store) SignedVersion(ctx context.Context, sig *mb.Signature) (*mb.MinutesVersion, error) {
	return s.MinutesVersion(ctx, sig.MeetingID, sig.Version)
}
