package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// paperSelect reads papers with their current version and the reading
// rule's facts (migration 0031's paper_facts: the item's, or the meeting's,
// within the paper's own level, at the agenda's stage).
const paperSelect = `SELECT x.id, x.meeting_id, x.item_id, x.position, x.title, x.reference, x.classification,
	x.current_version, x.version, x.created_at, x.updated_at,
	coalesce(CASE WHEN i.parent_id IS NULL THEN i.position::text ELSE p.position || '.' || i.position END, ''),
	v.number, v.filename, v.content_type, v.size, v.sha256, f.storage, v.file_key, coalesce(up.name, ''), v.uploaded_at,
	pf.access_committee, pf.access_meeting, pf.access_stage, pf.access_level
	FROM papers x
	JOIN paper_facts pf ON pf.id = x.id
	LEFT JOIN agenda_items i ON i.id = x.item_id
	LEFT JOIN agenda_items p ON p.id = i.parent_id
	JOIN paper_versions v ON v.paper_id = x.id AND v.number = x.current_version
	JOIN paper_files f ON f.key = v.file_key
	LEFT JOIN users u ON u.id = v.uploaded_by
	LEFT JOIN people up ON up.id = u.person_id`

func scanPaper(row pgx.Row) (*mb.Paper, error) {
	var p mb.Paper
	var own string
	var facts accessScan
	v := &p.Current
	err := row.Scan(append([]any{&p.ID, &p.MeetingID, &p.ItemID, &p.Position, &p.Title, &p.Reference, &own,
		&p.CurrentVersion, &p.Version, &p.CreatedAt, &p.UpdatedAt, &p.ItemNumber,
		&v.Number, &v.Filename, &v.ContentType, &v.Size, &v.SHA256, &v.Storage, &v.FileKey, &v.UploadedBy, &v.UploadedAt},
		facts.dest()...)...)
	if err != nil {
		return nil, err
	}
	if p.Classification, err = mb.ParseClassification(own); err != nil {
		return nil, err
	}
	p.Access = facts.access()
	p.Level = p.Access.Level
	return &p, nil
}

// strictest is the most protective of the levels given ("" is none).
func strictest(levels ...string) (mb.Classification, error) {
	var out mb.Classification
	for _, s := range levels {
		if s == "" {
			continue
		}
		c, err := mb.ParseClassification(s)
		if err != nil {
			return 0, err
		}
		out = max(out, c)
	}
	return out, nil
}

// Papers returns the meeting's papers with their current versions: the
// meeting's own first, then by item, each in its order.
func (s *Store) Papers(ctx context.Context, meetingID int64) ([]*mb.Paper, error) {
	rows, err := s.pool.Query(ctx, paperSelect+` WHERE x.meeting_id = $1 ORDER BY x.item_id NULLS FIRST, x.position`, meetingID)
	if err != nil {
		return nil, fmt.Errorf("postgres: papers of %d: %w", meetingID, err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.Paper, error) { return scanPaper(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: papers of %d: %w", meetingID, err)
	}
	return list, nil
}

// PaperIn returns the paper with the id when it is one of the meeting's,
// with every version, newest first.
func (s *Store) PaperIn(ctx context.Context, meetingID, id int64) (*mb.Paper, error) {
	p, err := scanPaper(s.pool.QueryRow(ctx, paperSelect+` WHERE x.id = $1 AND x.meeting_id = $2`, id, meetingID))
	if err != nil {
		return nil, fmt.Errorf("postgres: paper %d: %w", id, notFound(err, "There is no such paper."))
	}
	if err := s.withVersions(ctx, []*mb.Paper{p}); err != nil {
		return nil, err
	}
	return p, nil
}

// withVersions fills the papers' Versions, newest first, in one statement.
func (s *Store) withVersions(ctx context.Context, papers []*mb.Paper) error {
	byID := map[int64]*mb.Paper{}
	ids := make([]int64, 0, len(papers))
	for _, p := range papers {
		byID[p.ID] = p
		ids = append(ids, p.ID)
	}
	rows, err := s.pool.Query(ctx, `SELECT v.paper_id, v.number, v.filename, v.content_type, v.size, v.sha256, f.storage, v.file_key,
		coalesce(up.name, ''), v.uploaded_at
		FROM paper_versions v JOIN paper_files f ON f.key = v.file_key
		LEFT JOIN users u ON u.id = v.uploaded_by LEFT JOIN people up ON up.id = u.person_id
		WHERE v.paper_id = ANY($1) ORDER BY v.paper_id, v.number DESC`, ids)
	if err != nil {
		return fmt.Errorf("postgres: versions of papers: %w", err)
	}
	var id int64
	var v mb.PaperVersion
	_, err = pgx.ForEachRow(rows, []any{&id, &v.Number, &v.Filename, &v.ContentType, &v.Size, &v.SHA256, &v.Storage, &v.FileKey, &v.UploadedBy, &v.UploadedAt}, func() error {
		byID[id].Versions = append(byID[id].Versions, v)
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: versions of papers: %w", err)
	}
	return nil
}

var paperConstraints = map[string]*mb.Error{
	"papers_reference_key": {Code: mb.ECONFLICT, Message: "Another paper of this meeting has that reference.",
		Fields: map[string]string{"reference": "Another paper of this meeting has that reference: give this one its own."}},
	"papers_item_fkey": {Code: mb.EINVALID, Message: "Choose an item of this meeting.",
		Fields: map[string]string{"item": "Choose an item of this meeting."}},
}

// itemLevel is the level a paper of the item (or of the meeting, itemID
// nil) must be at least: the strictest of the document's, the item's and
// its parent's.
func itemLevel(ctx context.Context, tx pgx.Tx, m *mb.Meeting, itemID *int64) (mb.Classification, error) {
	if itemID == nil {
		return m.Classification, nil
	}
	var item, parent string
	err := tx.QueryRow(ctx, `SELECT coalesce(i.classification, ''), coalesce(p.classification, '')
		FROM agenda_items i LEFT JOIN agenda_items p ON p.id = i.parent_id WHERE i.id = $1 AND i.meeting_id = $2`,
		*itemID, m.ID).Scan(&item, &parent)
	if err != nil {
		return 0, notFound(err, "Choose an item of this meeting.")
	}
	return strictest(m.Classification.String(), item, parent)
}

// CreatePaper saves a new paper of p.MeetingID (of the item p.ItemID, or of
// the meeting) with v, stored by PutPaperFile, as its first version. When
// the paper cannot be saved, the file is deleted.
func (s *Store) CreatePaper(ctx context.Context, p *mb.Paper, v mb.PaperVersion) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		m, err := lockEditable(ctx, tx, p.MeetingID)
		if err != nil {
			return err
		}
		level, err := itemLevel(ctx, tx, m, p.ItemID)
		if err != nil {
			return err
		}
		if err := p.Validate(level); err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `INSERT INTO papers (meeting_id, item_id, position, title, reference, classification)
			VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM papers WHERE meeting_id = $1 AND item_id IS NOT DISTINCT FROM $2), $3, $4, $5)
			RETURNING id, position, current_version, version, created_at, updated_at`,
			m.ID, p.ItemID, p.Title, p.Reference, p.Classification.String(),
		).Scan(&p.ID, &p.Position, &p.CurrentVersion, &p.Version, &p.CreatedAt, &p.UpdatedAt)
		if err != nil {
			return err
		}
		v.Number = 1
		if err := insertPaperVersion(ctx, tx, p.ID, &v); err != nil {
			return err
		}
		p.Current = v
		return audit(ctx, tx, "paper", p.ID, &m.CommitteeID, "create",
			fmt.Sprintf("Added paper %s “%s” (%s, %s) to %s", p.Reference, p.Title, v.Filename, v.SizeLabel(), m.ShortName()))
	})
	if err != nil {
		s.DiscardPaperFile(ctx, v)
	}
	return storeError(err, paperConstraints, "create paper")
}

func insertPaperVersion(ctx context.Context, tx pgx.Tx, paperID int64, v *mb.PaperVersion) error {
	var uploader *int64
	if u := mb.ActorFromContext(ctx); u != nil {
		uploader, v.UploadedBy = &u.ID, u.Name
	}
	return tx.QueryRow(ctx, `INSERT INTO paper_versions (paper_id, number, filename, content_type, size, sha256, file_key, uploaded_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING uploaded_at`,
		paperID, v.Number, v.Filename, v.ContentType, v.Size, v.SHA256, v.FileKey, uploader).Scan(&v.UploadedAt)
}

// lockPaper reads the meeting's paper under lock, with the meeting locked
// and editable.
func lockPaper(ctx context.Context, tx pgx.Tx, meetingID, id int64) (*mb.Paper, *mb.Meeting, error) {
	m, err := lockEditable(ctx, tx, meetingID)
	if err != nil {
		return nil, nil, err
	}
	var p mb.Paper
	var class string
	err = tx.QueryRow(ctx, `SELECT id, meeting_id, item_id, title, reference, classification, current_version, version
		FROM papers WHERE id = $1 AND meeting_id = $2 FOR UPDATE`, id, meetingID).
		Scan(&p.ID, &p.MeetingID, &p.ItemID, &p.Title, &p.Reference, &class, &p.CurrentVersion, &p.Version)
	if err != nil {
		return nil, nil, notFound(err, "There is no such paper.")
	}
	p.Classification, err = mb.ParseClassification(class)
	return &p, m, err
}

// ReplacePaper makes v, stored by PutPaperFile, the paper's current
// version when the paper is still at version (the record's, not the
// file's); the earlier versions are kept. When it cannot be saved, the
// file is deleted.
func (s *Store) ReplacePaper(ctx context.Context, meetingID, id int64, version int, v mb.PaperVersion) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		p, m, err := lockPaper(ctx, tx, meetingID, id)
		if err != nil {
			return err
		}
		if p.Version != version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed paper %s while you were replacing it: check its versions and upload again.", p.Reference)
		}
		v.Number = p.CurrentVersion + 1
		if err := insertPaperVersion(ctx, tx, p.ID, &v); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE papers SET current_version = $2, version = version + 1, updated_at = now() WHERE id = $1`, p.ID, v.Number); err != nil {
			return err
		}
		return audit(ctx, tx, "paper", p.ID, &m.CommitteeID, "replace",
			fmt.Sprintf("Replaced paper %s of %s with version %d (%s, %s)", p.Reference, m.ShortName(), v.Number, v.Filename, v.SizeLabel()))
	})
	if err != nil {
		s.DiscardPaperFile(ctx, v)
	}
	return storeError(err, paperConstraints, "replace paper")
}

// UpdatePaper saves a paper's title, reference and classification when
// the stored version is still p.Version.
func (s *Store) UpdatePaper(ctx context.Context, p *mb.Paper) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		before, m, err := lockPaper(ctx, tx, p.MeetingID, p.ID)
		if err != nil {
			return err
		}
		if before.Version != p.Version {
			return mb.Errorf(mb.ECONFLICT, "Someone else changed this paper while you were editing it.")
		}
		level, err := itemLevel(ctx, tx, m, before.ItemID)
		if err != nil {
			return err
		}
		if err := p.Validate(level); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE papers SET title = $2, reference = $3, classification = $4, version = version + 1,
			updated_at = now() WHERE id = $1 RETURNING version`, p.ID, p.Title, p.Reference, p.Classification.String()).Scan(&p.Version); err != nil {
			return err
		}
		var c changeList
		c.add("title", before.Title, p.Title)
		c.add("reference", before.Reference, p.Reference)
		c.add("classification", before.Classification.String(), p.Classification.String())
		return audit(ctx, tx, "paper", p.ID, &m.CommitteeID, "update", "Updated paper "+p.Reference+" of "+m.ShortName()+": "+c.String())
	})
	return storeError(err, paperConstraints, "update paper")
}

// DeletePaper removes a paper with every version; their files go with
// them (migration 0030: PostgreSQL's at once, a bucket's by the cleanup).
func (s *Store) DeletePaper(ctx context.Context, meetingID, id int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		p, m, err := lockPaper(ctx, tx, meetingID, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM papers WHERE id = $1`, p.ID); err != nil {
			return err
		}
		return audit(ctx, tx, "paper", p.ID, &m.CommitteeID, "delete", "Removed paper "+p.Reference+" “"+p.Title+"” from "+m.ShortName())
	})
	return storeError(err, paperConstraints, "delete paper")
}
