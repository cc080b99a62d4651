package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Comments returns the comments on the meeting's minutes, oldest first.
func (s *Store) Comments(ctx context.Context, meetingID int64) ([]*mb.Comment, error) {
	return s.comments(ctx, meetingID, nil)
}

// CommentsFor returns the comments on the meeting's minutes that the reader
// may read (mb.Reader.CanReadComment), oldest first.
func (s *Store) CommentsFor(ctx context.Context, rd *mb.Reader, meetingID int64) ([]*mb.Comment, error) {
	return s.comments(ctx, meetingID, rd)
}

func (s *Store) comments(ctx context.Context, meetingID int64, rd *mb.Reader) ([]*mb.Comment, error) {
	q := args{meetingID}
	where := ""
	if rd != nil {
		where = " AND " + q.readableComment(rd, "c")
	}
	rows, err := s.pool.Query(ctx, `
		SELECT c.id, c.meeting_id, c.item_id, c.author_id, ap.name, c.body, c.created_at, c.resolved_at, coalesce(rp.name, ''), c.resolution,
		       `+accessColumns("c")+`
		FROM minutes_comments c
		JOIN users au ON au.id = c.author_id JOIN people ap ON ap.id = au.person_id
		LEFT JOIN users ru ON ru.id = c.resolved_by LEFT JOIN people rp ON rp.id = ru.person_id
		WHERE c.meeting_id = $1`+where+` ORDER BY c.created_at, c.id`, q...)
	if err != nil {
		return nil, fmt.Errorf("postgres: comments on %d: %w", meetingID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Comment, error) {
		var c mb.Comment
		var ac accessScan
		err := r.Scan(append([]any{&c.ID, &c.MeetingID, &c.ItemID, &c.AuthorID, &c.AuthorName, &c.Body, &c.CreatedAt, &c.ResolvedAt,
			&c.ResolvedByName, &c.Resolution}, ac.dest()...)...)
		c.Access = ac.access()
		return &c, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: comments on %d: %w", meetingID, err)
	}
	return list, nil
}

// AddComment records the acting user's comment on an item of circulated minutes.
func (s *Store) AddComment(ctx context.Context, c *mb.Comment) error {
	c.Body = strings.TrimSpace(c.Body)
	if c.Body == "" || len(c.Body) > 5000 {
		return &mb.Error{Code: mb.EINVALID, Message: "Write a comment of up to 5,000 characters.",
			Fields: map[string]string{"body": "Write a comment of up to 5,000 characters."}}
	}
	u := mb.ActorFromContext(ctx)
	if u == nil {
		return mb.Errorf(mb.EUNAUTHORIZED, "Sign in to comment.")
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockMeeting(ctx, tx, c.MeetingID)
		if err != nil {
			return err
		}
		if m.Status != mb.Circulated {
			return mb.Errorf(mb.ECONFLICT, "Comments are taken while the draft is circulated; the minutes of %s are %s.", m.ShortName(), strings.ToLower(m.Status.Label()))
		}
		if c.ItemID != nil {
			var ok bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2)`, *c.ItemID, m.ID).Scan(&ok); err != nil {
				return err
			}
			if !ok {
				return mb.Errorf(mb.ENOTFOUND, "There is no such agenda item.")
			}
		}
		c.AuthorID, c.AuthorName = u.ID, u.Name
		if err := tx.QueryRow(ctx, `INSERT INTO minutes_comments (meeting_id, item_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
			m.ID, c.ItemID, u.ID, c.Body).Scan(&c.ID, &c.CreatedAt); err != nil {
			return err
		}
		if err := audit(ctx, tx, "comment", c.ID, &m.CommitteeID, "create", "Commented on the draft minutes of "+m.ShortName()); err != nil {
			return err
		}
		return s.recordNotice(ctx, tx, mb.NoticeEvent{Kind: mb.EventCommented, CommitteeID: m.CommitteeID, MeetingID: &m.ID, CommentID: &c.ID})
	})
	return storeError(err, nil, "add comment")
}

// Comment returns the comment with the id.
func (s *Store) Comment(ctx context.Context, id int64) (*mb.Comment, error) {
	var meetingID int64
	if err := s.pool.QueryRow(ctx, `SELECT meeting_id FROM minutes_comments WHERE id = $1`, id).Scan(&meetingID); err != nil {
		return nil, fmt.Errorf("postgres: comment %d: %w", id, notFound(err, "There is no such comment."))
	}
	list, err := s.Comments(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	for _, c := range list {
		if c.ID == id {
			return c, nil
		}
	}
	return nil, mb.Errorf(mb.ENOTFOUND, "There is no such comment.")
}

// ResolveComment marks a comment resolved by the acting user, with a note.
func (s *Store) ResolveComment(ctx context.Context, id int64, resolution string) error {
	u := mb.ActorFromContext(ctx)
	if u == nil {
		return mb.Errorf(mb.EUNAUTHORIZED, "Sign in to resolve comments.")
	}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var committeeID int64
		var resolved bool
		err := tx.QueryRow(ctx, `SELECT m.committee_id, c.resolved_at IS NOT NULL FROM minutes_comments c JOIN meetings m ON m.id = c.meeting_id
			WHERE c.id = $1 FOR UPDATE OF c`, id).Scan(&committeeID, &resolved)
		if err != nil {
			return notFound(err, "There is no such comment.")
		}
		if resolved {
			return mb.Errorf(mb.ECONFLICT, "That comment is already resolved.")
		}
		if _, err := tx.Exec(ctx, `UPDATE minutes_comments SET resolved_at = now(), resolved_by = $2, resolution = $3 WHERE id = $1`,
			id, u.ID, strings.TrimSpace(resolution)); err != nil {
			return err
		}
		return audit(ctx, tx, "comment", id, &committeeID, "resolve", "Resolved a comment: "+strings.TrimSpace(resolution))
	})
	return storeError(err, nil, "resolve comment")
}
