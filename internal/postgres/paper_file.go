package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// chunkSize is the most of a file one row of paper_chunks holds: what an
// upload or a download holds in memory at once, and the bytes one short
// statement moves.
const chunkSize = 1 << 20

// chunkFiles keeps papers' files in PostgreSQL as rows of paper_chunks
// (migration 0030), so that the one-command start needs no other storage.
// Every chunk is its own statement on a connection taken from the pool
// for it alone: a slow upload or download holds no connection between
// chunks, and never more than a chunk of the file.
type chunkFiles struct{ pool *pgxpool.Pool }

// Storage is "postgres".
func (chunkFiles) Storage() string { return "postgres" }

// Put writes r's bytes as chunks in order.
func (c chunkFiles) Put(ctx context.Context, key string, r io.Reader) (int64, error) {
	buf := make([]byte, chunkSize)
	var total int64
	for seq := 0; ; seq++ {
		n, err := fill(r, buf)
		if n > 0 {
			if _, err := c.pool.Exec(ctx, `INSERT INTO paper_chunks (file_key, seq, data) VALUES ($1, $2, $3)`, key, seq, buf[:n]); err != nil {
				return total, fmt.Errorf("postgres: write a chunk of %s: %w", key, err)
			}
			total += int64(n)
		}
		switch {
		case err == io.EOF:
			return total, nil
		case err != nil:
			return total, err
		}
	}
}

// fill reads into buf until it is full or r ends. Unlike io.ReadFull, its
// io.EOF is only r's own clean end: a body cut short (multipart's
// io.ErrUnexpectedEOF) is an error, never the end of a whole file.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Open reads the chunks one statement at a time.
func (c chunkFiles) Open(ctx context.Context, key string) (io.ReadCloser, error) {
	return &chunkReader{ctx: ctx, pool: c.pool, key: key}, nil
}

// Delete removes the chunks.
func (c chunkFiles) Delete(ctx context.Context, key string) error {
	if _, err := c.pool.Exec(ctx, `DELETE FROM paper_chunks WHERE file_key = $1`, key); err != nil {
		return fmt.Errorf("postgres: delete the chunks of %s: %w", key, err)
	}
	return nil
}

// chunkReader reads a file chunk by chunk: a file is never rewritten once
// its version names it, so the chunks read apart are one file.
type chunkReader struct {
	ctx  context.Context
	pool *pgxpool.Pool
	key  string
	seq  int
	buf  []byte
	done bool
}

func (r *chunkReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.done {
			return 0, io.EOF
		}
		err := r.pool.QueryRow(r.ctx, `SELECT data FROM paper_chunks WHERE file_key = $1 AND seq = $2`, r.key, r.seq).Scan(&r.buf)
		if errors.Is(err, pgx.ErrNoRows) {
			r.done = true
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("postgres: read chunk %d of %s: %w", r.seq, r.key, err)
		}
		r.seq++
		// Every chunk but the last is full: a short one ends the file
		// without asking for the next.
		r.done = len(r.buf) < chunkSize
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func (r *chunkReader) Close() error { return nil }

// UsePaperFiles makes f the storage new papers' files are written to (an
// S3-compatible bucket, internal/s3files); files already stored are read
// from the storage their version names. Without it, files are kept in
// PostgreSQL.
func (s *Store) UsePaperFiles(f mb.PaperFiles) {
	s.files = f
	if f.Storage() != "postgres" {
		s.bucket = f
	}
}

// writeFiles is where new files go.
func (s *Store) writeFiles() mb.PaperFiles {
	if s.files != nil {
		return s.files
	}
	return chunkFiles{s.pool}
}

// filesFor is the storage that holds a file stored in storage.
func (s *Store) filesFor(storage string) (mb.PaperFiles, error) {
	switch {
	case storage == "postgres":
		return chunkFiles{s.pool}, nil
	case s.bucket != nil && s.bucket.Storage() == storage:
		return s.bucket, nil
	}
	return nil, fmt.Errorf("postgres: a paper's file is kept in %s storage, which this server is not configured to read", storage)
}

// PutPaperFile streams an upload into storage under a new key, which it
// first registers in paper_files, so that nothing stored goes unnoticed by
// the cleanup, and returns the version it makes (its name, type, size and
// SHA-256). On any failure, a file too large among them, it deletes what
// it wrote: nothing is left behind. The version is saved by CreatePaper or
// ReplacePaper, which delete the file in turn if they fail.
func (s *Store) PutPaperFile(ctx context.Context, up *mb.PaperUpload) (mb.PaperVersion, error) {
	files := s.writeFiles()
	v := mb.PaperVersion{Filename: up.Filename, ContentType: up.ContentType, Storage: files.Storage(), FileKey: newFileKey()}
	if _, err := s.pool.Exec(ctx, `INSERT INTO paper_files (key, storage) VALUES ($1, $2)`, v.FileKey, v.Storage); err != nil {
		return v, fmt.Errorf("postgres: register a paper's file: %w", err)
	}
	h := sha256.New()
	n, err := files.Put(ctx, v.FileKey, io.TeeReader(up.Body, h))
	if err == nil && n == 0 {
		err = mb.Errorf(mb.EINVALID, "%s is empty.", up.Filename)
	}
	if err != nil {
		s.DiscardPaperFile(ctx, v)
		return v, err
	}
	v.Size, v.SHA256 = n, h.Sum(nil)
	return v, nil
}

// DiscardPaperFile deletes a file no version names, after a failed upload
// or save; a failure is left to the cleanup job, which finds the file
// registered and unclaimed.
func (s *Store) DiscardPaperFile(ctx context.Context, v mb.PaperVersion) {
	ctx = context.WithoutCancel(ctx) // a client that hung up still leaves nothing
	files, err := s.filesFor(v.Storage)
	if err == nil {
		err = files.Delete(ctx, v.FileKey)
	}
	if err == nil {
		_, _ = s.pool.Exec(ctx, `DELETE FROM paper_files WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM paper_versions WHERE file_key = $1)`, v.FileKey)
	}
}

// OpenPaperFile streams a version's file from the storage that holds it.
func (s *Store) OpenPaperFile(ctx context.Context, v mb.PaperVersion) (io.ReadCloser, error) {
	files, err := s.filesFor(v.Storage)
	if err != nil {
		return nil, err
	}
	return files.Open(ctx, v.FileKey)
}

// deleteLooseFiles removes files no version names: released by a deleted
// version (in the bucket; PostgreSQL's go with their version), or
// registered more than a day ago by an upload that never finished.
func (s *Store) deleteLooseFiles(ctx context.Context) (int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT key, storage FROM paper_files f
		WHERE (f.released_at IS NOT NULL OR f.created_at < now() - interval '1 day')
		  AND NOT EXISTS (SELECT 1 FROM paper_versions v WHERE v.file_key = f.key)
		ORDER BY f.created_at LIMIT 1000`)
	if err != nil {
		return 0, fmt.Errorf("postgres: loose paper files: %w", err)
	}
	loose, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (mb.PaperVersion, error) {
		var v mb.PaperVersion
		return v, r.Scan(&v.FileKey, &v.Storage)
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: loose paper files: %w", err)
	}
	var n int64
	for _, v := range loose {
		files, err := s.filesFor(v.Storage)
		if err != nil {
			continue // kept in a bucket this server does not reach: another server's cleanup deletes it
		}
		if err := files.Delete(ctx, v.FileKey); err != nil {
			return n, err
		}
		tag, err := s.pool.Exec(ctx, `DELETE FROM paper_files WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM paper_versions WHERE file_key = $1)`, v.FileKey)
		if err != nil {
			return n, fmt.Errorf("postgres: delete a loose paper file: %w", err)
		}
		n += tag.RowsAffected()
	}
	return n, nil
}

// newFileKey is a random key for a stored file: 128 bits, in hex.
func newFileKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}
