package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// snapshot stores an immutable version of the minutes in tx. The document is
// read while the meeting's row is locked, so no edit can slip in between.
func (s *Store) snapshot(ctx context.Context, tx pgx.Tx, m *mb.Meeting, kind mb.VersionKind, status mb.MinutesStatus, reason string) error {
	doc, err := s.Minutes(ctx, m.ID)
	if err != nil {
		return err
	}
	doc.Meeting.Status, doc.Meeting.CorrectionReason = status, ""
	body, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	var actorID *int64
	actorName := "system"
	if u := mb.ActorFromContext(ctx); u != nil {
		actorID, actorName = &u.ID, u.Name
	}
	_, err = tx.Exec(ctx, `
		INSERT INTO minutes_versions (meeting_id, number, kind, status, reason, snapshot, actor_id, actor_name)
		VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM minutes_versions WHERE meeting_id = $1), $2, $3, $4, $5, $6, $7)`,
		m.ID, string(kind), string(status), reason, body, actorID, actorName)
	return err
}

// transition moves the minutes from one status to the next, storing a snapshot.
func (s *Store) transition(ctx context.Context, tx pgx.Tx, m *mb.Meeting, from, to mb.MinutesStatus, kind mb.VersionKind) error {
	if m.Status != from {
		return mb.Errorf(mb.ECONFLICT, "The minutes of %s are %s, so they cannot be %s now.", m.ShortName(), strings.ToLower(m.Status.Label()), kind)
	}
	if m.CorrectionReason != "" {
		return mb.Errorf(mb.ECONFLICT, "Finish the open correction of %s first.", m.ShortName())
	}
	if err := s.snapshot(ctx, tx, m, kind, to, ""); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE meetings SET minutes_status = $2, version = version + 1, updated_at = now() WHERE id = $1`, m.ID, string(to)); err != nil {
		return err
	}
	return nil
}

// Circulate sends a draft to the committee's members for comment.
func (s *Store) Circulate(ctx context.Context, meetingID int64) error {
	return s.CirculateUntil(ctx, meetingID, nil)
}

// CirculateUntil sends a draft to the committee's members for comment by
// the day commentsDue (nil: no deadline), and tells them.
func (s *Store) CirculateUntil(ctx context.Context, meetingID int64, commentsDue *time.Time) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if commentsDue != nil && commentsDue.Before(m.Date) {
			return fieldError("comments_due", mb.EINVALID, "The comment deadline cannot be before the meeting, "+m.DateLabel()+".")
		}
		if err := s.transition(ctx, tx, m, mb.Draft, mb.Circulated, mb.VersionCirculated); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE meetings SET comments_due = $2 WHERE id = $1`, m.ID, commentsDue); err != nil {
			return err
		}
		summary := "Circulated the draft minutes of " + m.ShortName()
		if commentsDue != nil {
			summary += ", for comment by " + commentsDue.Format("2 January 2006")
		}
		if err := audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "circulate", summary); err != nil {
			return err
		}
		return s.recordNotice(ctx, tx, mb.NoticeEvent{Kind: mb.EventCirculated, CommitteeID: m.CommitteeID, MeetingID: &m.ID})
	})
	return storeError(err, nil, "circulate minutes")
}

// Approval says which later meeting approved the minutes, and in which of
// its items the decision goes (nil: a new first item, "Previous Meeting Minutes").
type Approval struct {
	MeetingID  int64
	ApprovedAt int64
	ItemID     *int64
}

// Approve records that a later meeting of the same committee approved the
// circulated minutes, recording there the decision "The OPSG APPROVED the
// minutes from OPSG 103 as final", and locks them.
func (s *Store) Approve(ctx context.Context, a Approval) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		// Lock in id order so two approvals cannot deadlock.
		first, second := a.MeetingID, a.ApprovedAt
		if second < first {
			first, second = second, first
		}
		locked := map[int64]*mb.Meeting{}
		for _, id := range []int64{first, second} {
			m, err := lockMeeting(ctx, tx, id)
			if err != nil {
				return err
			}
			locked[id] = m
		}
		m, at := locked[a.MeetingID], locked[a.ApprovedAt]
		if at.CommitteeID != m.CommitteeID || at.ID == m.ID || at.Date.Before(m.Date) || (at.Date.Equal(m.Date) && at.Number < m.Number) {
			return &mb.Error{Code: mb.EINVALID, Message: "Choose a later meeting of the same committee.",
				Fields: map[string]string{"approved_at": "Choose a later meeting of " + m.CommitteeCode + "."}}
		}
		if at.Locked() {
			return &mb.Error{Code: mb.EINVALID, Message: "The minutes of " + at.ShortName() + " are already approved, so the decision cannot be recorded there.",
				Fields: map[string]string{"approved_at": "Choose a meeting whose minutes are still a draft."}}
		}
		itemID, err := approvalItem(ctx, tx, at, a.ItemID)
		if err != nil {
			return err
		}
		d := &mb.Decision{ItemID: itemID, Kind: "APPROVED", Text: "the minutes from " + m.ShortName() + " as final"}
		if err := insertDecisionUnchecked(ctx, tx, at, d); err != nil {
			return err
		}
		if err := s.transition(ctx, tx, m, mb.Circulated, mb.Approved, mb.VersionApproved); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE meetings SET approved_meeting_id = $2, approval_decision_id = $3 WHERE id = $1`, m.ID, at.ID, d.ID); err != nil {
			return err
		}
		return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "approve", "Approved the minutes of "+m.ShortName()+" at "+at.ShortName())
	})
	return storeError(err, nil, "approve minutes")
}

// approvalItem returns the item of the approving meeting that receives the
// decision: the one chosen, or a new first item "Previous Meeting Minutes".
func approvalItem(ctx context.Context, tx pgx.Tx, at *mb.Meeting, chosen *int64) (int64, error) {
	if chosen != nil {
		var id int64
		err := tx.QueryRow(ctx, `SELECT id FROM agenda_items WHERE id = $1 AND meeting_id = $2`, *chosen, at.ID).Scan(&id)
		if err != nil {
			return 0, &mb.Error{Code: mb.EINVALID, Message: "Choose an item of " + at.ShortName() + ".",
				Fields: map[string]string{"item": "Choose an item of " + at.ShortName() + "."}}
		}
		return id, nil
	}
	top, err := siblingIDs(ctx, tx, at.ID, nil)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO agenda_items (meeting_id, position, title, minute) VALUES ($1, $2, 'Previous Meeting Minutes', '') RETURNING id`,
		at.ID, len(top)+1).Scan(&id); err != nil {
		return 0, err
	}
	if err := setPositions(ctx, tx, append([]int64{id}, top...), nil); err != nil {
		return 0, err
	}
	return id, audit(ctx, tx, "item", id, &at.CommitteeID, "create", "Added item “Previous Meeting Minutes” to "+at.ShortName())
}

// Publish makes approved minutes public to everyone their classification admits.
func (s *Store) Publish(ctx context.Context, meetingID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if err := s.transition(ctx, tx, m, mb.Approved, mb.Published, mb.VersionPublished); err != nil {
			return err
		}
		if err := audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "publish", "Published the minutes of "+m.ShortName()); err != nil {
			return err
		}
		return s.recordNotice(ctx, tx, mb.NoticeEvent{Kind: mb.EventPublished, CommitteeID: m.CommitteeID, MeetingID: &m.ID})
	})
	return storeError(err, nil, "publish minutes")
}

// OpenCorrection unlocks approved minutes for a correction with its reason.
func (s *Store) OpenCorrection(ctx context.Context, meetingID int64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return &mb.Error{Code: mb.EINVALID, Message: "Say why the approved minutes need a correction.",
			Fields: map[string]string{"reason": "Say why the approved minutes need a correction."}}
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if m.Status != mb.Approved && m.Status != mb.Published {
			return mb.Errorf(mb.ECONFLICT, "Only approved minutes need a correction; these are still %s and can be edited.", strings.ToLower(m.Status.Label()))
		}
		if m.CorrectionReason != "" {
			return mb.Errorf(mb.ECONFLICT, "A correction of %s is already open.", m.ShortName())
		}
		if _, err := tx.Exec(ctx, `UPDATE meetings SET correction_reason = $2 WHERE id = $1`, m.ID, reason); err != nil {
			return err
		}
		// The corrected minutes are not what was signed: the chair signs
		// the corrected version once the correction is finished.
		if err := voidSignature(ctx, tx, m, "A correction was opened: "+reason); err != nil {
			return err
		}
		return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "correction", "Opened a correction of "+m.ShortName()+": "+reason)
	})
	return storeError(err, nil, "open correction")
}

// FinishCorrection stores the corrected minutes as a new version with the
// correction's reason and locks them again.
func (s *Store) FinishCorrection(ctx context.Context, meetingID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockMeeting(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if m.CorrectionReason == "" {
			return mb.Errorf(mb.ECONFLICT, "No correction of %s is open.", m.ShortName())
		}
		if err := s.snapshot(ctx, tx, m, mb.VersionCorrection, m.Status, m.CorrectionReason); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE meetings SET correction_reason = NULL, version = version + 1, updated_at = now() WHERE id = $1`, m.ID); err != nil {
			return err
		}
		return audit(ctx, tx, "meeting", m.ID, &m.CommitteeID, "correct", "Finished the correction of "+m.ShortName()+": "+m.CorrectionReason)
	})
	return storeError(err, nil, "finish correction")
}

// MinutesVersions returns the meeting's stored versions, oldest first.
func (s *Store) MinutesVersions(ctx context.Context, meetingID int64) ([]*mb.MinutesVersion, error) {
	list, err := s.versions(ctx, `WHERE v.meeting_id = $1 ORDER BY v.number`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: versions of %d: %w", meetingID, err)
	}
	return list, nil
}

// MinutesVersionList returns the meeting's stored versions, oldest first,
// without their snapshots (Minutes is nil): what a list of them shows,
// each kept with the version when it was stored. A page that compares two
// reads only those two with MinutesVersionsNumbered, so that its cost does
// not grow with the number of versions.
func (s *Store) MinutesVersionList(ctx context.Context, meetingID int64) ([]*mb.MinutesVersion, error) {
	rows, err := s.pool.Query(ctx, `SELECT v.id, v.meeting_id, v.number, v.kind, v.status, v.reason, v.actor_name, v.at
		FROM minutes_versions v WHERE v.meeting_id = $1 ORDER BY v.number`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: versions of %d: %w", meetingID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.MinutesVersion, error) {
		var v mb.MinutesVersion
		var kind, status string
		err := r.Scan(&v.ID, &v.MeetingID, &v.Number, &kind, &status, &v.Reason, &v.ActorName, &v.At)
		v.Kind, v.Status = mb.VersionKind(kind), mb.MinutesStatus(status)
		return &v, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: versions of %d: %w", meetingID, err)
	}
	return list, nil
}

// MinutesVersionsNumbered returns the meeting's stored versions with the
// numbers, snapshots decoded as versions says, oldest first.
func (s *Store) MinutesVersionsNumbered(ctx context.Context, meetingID int64, numbers []int) ([]*mb.MinutesVersion, error) {
	list, err := s.versions(ctx, `WHERE v.meeting_id = $1 AND v.number = ANY($2) ORDER BY v.number`, meetingID, numbers)
	if err != nil {
		return nil, fmt.Errorf("postgres: versions %v of %d: %w", numbers, meetingID, err)
	}
	return list, nil
}

// MinutesVersion returns one stored version of the meeting's minutes, by
// its number (1 for the first stored).
func (s *Store) MinutesVersion(ctx context.Context, meetingID int64, number int) (*mb.MinutesVersion, error) {
	list, err := s.versions(ctx, `WHERE v.meeting_id = $1 AND v.number = $2`, meetingID, number)
	if err != nil {
		return nil, fmt.Errorf("postgres: version %d of %d: %w", number, meetingID, err)
	}
	if len(list) == 0 {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no version %d of these minutes.", number)
	}
	return list[0], nil
}

// versions reads stored versions, the snapshot decoded; where is the
// statement's WHERE and ORDER BY. Each item of a version carries access
// for the reading rule: the minutes as they stand (their committee and
// stage, and level), within the version's own levels then, and the item's
// as it stands, so that a level raised later also hides what the item
// said before.
func (s *Store) versions(ctx context.Context, where string, args ...any) ([]*mb.MinutesVersion, error) {
	return versionsIn(ctx, s.pool, where, args...)
}

// versionsIn is versions through q, a pool or a transaction.
func versionsIn(ctx context.Context, q querier, where string, args ...any) ([]*mb.MinutesVersion, error) {
	rows, err := q.Query(ctx, `SELECT v.id, v.meeting_id, v.number, v.kind, v.status, v.reason, v.snapshot, v.actor_name, v.at,
			m.committee_id, m.minutes_status, m.classification, coalesce(now.ids, '{}'), coalesce(now.levels, '{}')
		FROM minutes_versions v
		JOIN meetings m ON m.id = v.meeting_id
		LEFT JOIN LATERAL (SELECT array_agg(i.id) AS ids, array_agg(i.access_level) AS levels
			FROM agenda_items i WHERE i.meeting_id = v.meeting_id) now ON true `+where, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.MinutesVersion, error) {
		var v mb.MinutesVersion
		var kind, status, stage, class string
		var body []byte
		var doc mb.Meeting
		var ids []int64
		var levels []int16
		if err := r.Scan(&v.ID, &v.MeetingID, &v.Number, &kind, &status, &v.Reason, &body, &v.ActorName, &v.At,
			&doc.CommitteeID, &stage, &class, &ids, &levels); err != nil {
			return nil, err
		}
		v.Kind, v.Status = mb.VersionKind(kind), mb.MinutesStatus(status)
		v.Minutes = &mb.Minutes{}
		// A snapshot is the whole document: the history page reads two of
		// them a view, and go-json decodes them in a third of the time.
		if err := gojson.Unmarshal(body, v.Minutes); err != nil {
			return nil, err
		}
		v.Minutes.PlaceAsStored()
		doc.ID, doc.Status = v.MeetingID, mb.MinutesStatus(stage)
		doc.Classification, _ = mb.ParseClassification(class)
		access := doc.Access()
		if then := v.Minutes.Meeting; then != nil {
			access = access.Within(then.Classification)
		}
		v.Minutes.SetAccess(access)
		now := make(map[int64]mb.Access, len(ids))
		for i, id := range ids {
			ac := accessScan{level: &levels[i]}
			now[id] = ac.access()
		}
		v.Minutes.Walk(func(it *mb.Item) {
			if a, ok := now[it.ID]; ok {
				it.Access = it.Access.Within(a.Level)
				it.Access.Members = it.Access.Members || a.Members
			}
		})
		return &v, nil
	})
}

// PublishedAt returns when each of the meetings' minutes were last
// published or corrected after publication, by meeting id, for feeds.
func (s *Store) PublishedAt(ctx context.Context, meetingIDs []int64) (map[int64]time.Time, error) {
	rows, err := s.pool.Query(ctx, `SELECT meeting_id, max(at) FROM minutes_versions
		WHERE meeting_id = ANY($1) AND status = 'published' GROUP BY meeting_id`, meetingIDs)
	if err != nil {
		return nil, fmt.Errorf("postgres: published at: %w", err)
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var id int64
		var at time.Time
		if err := rows.Scan(&id, &at); err != nil {
			return nil, fmt.Errorf("postgres: published at: %w", err)
		}
		out[id] = at
	}
	return out, rows.Err()
}
