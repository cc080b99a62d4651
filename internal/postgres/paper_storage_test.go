package postgres_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/s3files"
)

// paperStorage is where a test's papers' files go, and how many files it
// holds: the same tests run on each storage.
type paperStorage struct {
	name  string
	files func(t *testing.T) int
}

// forEachPaperStorage runs the test on a fresh store once with papers'
// files in PostgreSQL (the default) and once in an S3-compatible bucket
// (gofakes3, in this process, spoken to through s3files as a real bucket
// would be).
func forEachPaperStorage(t *testing.T, test func(t *testing.T, s *postgres.Store, st paperStorage)) {
	t.Run("postgres", func(t *testing.T) {
		s := mustOpen(t)
		test(t, s, paperStorage{name: "postgres", files: func(t *testing.T) int {
			return countOf(t, s, `SELECT count(DISTINCT file_key) FROM paper_chunks`)
		}})
	})
	t.Run("s3", func(t *testing.T) {
		s := mustOpen(t)
		backend := s3mem.New()
		if err := backend.CreateBucket("papers"); err != nil {
			t.Fatal(err)
		}
		// Over TLS, as a real bucket is spoken to: minio-go signs plain
		// HTTP uploads chunk by chunk, which gofakes3 does not decode.
		srv := httptest.NewTLSServer(gofakes3.New(backend).Server())
		t.Cleanup(srv.Close)
		cfg := s3files.Config{Endpoint: srv.URL, Bucket: "papers", Region: "us-east-1", Prefix: "minutebook",
			AccessKey: "test", SecretKey: "test-secret", PathStyle: true, Transport: srv.Client().Transport}
		files, err := s3files.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		s.UsePaperFiles(files)
		client, err := minio.New(srv.Listener.Addr().String(), &minio.Options{
			Creds: credentials.NewStaticV4("test", "test-secret", ""), Region: "us-east-1", BucketLookup: minio.BucketLookupPath,
			Secure: true, Transport: srv.Client().Transport})
		if err != nil {
			t.Fatal(err)
		}
		test(t, s, paperStorage{name: "s3", files: func(t *testing.T) int {
			n := 0
			for obj := range client.ListObjects(context.Background(), "papers", minio.ListObjectsOptions{Recursive: true}) {
				if obj.Err != nil {
					t.Fatal(obj.Err)
				}
				n++
			}
			return n
		}})
	})
}

// countOf runs a counting query.
func countOf(t *testing.T, s *postgres.Store, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := s.Pool().QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
