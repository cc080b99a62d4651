package export_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/export"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/scaledemo"
)

// BenchmarkOPSG105 renders the model document's meeting in both formats.
func BenchmarkOPSG105(b *testing.B) {
	benchFormats(b, demo105(b))
}

// BenchmarkLargestScaleMinutes renders the largest minutes of the
// generated data set (the meeting with the most agenda items, then the
// longest minutes): the small set by default, the large one with
// MINUTEBOOK_BENCH_SCALE=large (its load takes a minute or more).
func BenchmarkLargestScaleMinutes(b *testing.B) {
	size := scaledemo.Small
	if os.Getenv("MINUTEBOOK_BENCH_SCALE") == "large" {
		size = scaledemo.Large
	}
	ctx := context.Background()
	url := dbtest.URL(b)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	hash, err := password.Hash("bench password", password.Cheap)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := scaledemo.Load(ctx, s, scaledemo.Options{Size: size, Seed: 1, PasswordHash: hash}); err != nil {
		b.Fatal(err)
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	var id int64
	var items int
	if err := pool.QueryRow(ctx, `SELECT meeting_id, count(*) FROM agenda_items GROUP BY meeting_id
		ORDER BY count(*) DESC, sum(length(minute)) DESC LIMIT 1`).Scan(&id, &items); err != nil {
		b.Fatal(err)
	}
	m, err := s.Meeting(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	d := load(b, s, m)
	b.Logf("%s data set: %s with %d items, %d actions outstanding", size.Name, m.ShortName(), items, len(d.Outstanding))
	benchFormats(b, d)
}

func benchFormats(b *testing.B, d *export.Document) {
	for _, f := range []struct {
		name   string
		render func(io.Writer, *export.Document) error
	}{{"PDF", export.PDF}, {"DOCX", export.DOCX}} {
		b.Run(f.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := f.render(&buf, d); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}
