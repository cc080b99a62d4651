package postgres_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"runtime/metrics"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/samplefile"
	"github.com/minutebook/minutebook/internal/upload"
)

// putPaper checks and stores a file as the upload form does.
func putPaper(t *testing.T, s *postgres.Store, name string, r io.Reader) (mb.PaperVersion, error) {
	t.Helper()
	up, err := upload.Paper(name, r)
	if err != nil {
		return mb.PaperVersion{}, err
	}
	return s.PutPaperFile(context.Background(), up)
}

func readPaper(t *testing.T, s *postgres.Store, v mb.PaperVersion) []byte {
	t.Helper()
	rc, err := s.OpenPaperFile(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPaperVersions(t *testing.T) {
	forEachPaperStorage(t, func(t *testing.T, s *postgres.Store, st paperStorage) {
		ctx := context.Background()
		f := newMinutesFixture(t, s)
		first := samplefile.PDF("Performance Measurement Report", "Version one.")
		v, err := putPaper(t, s, "OPSG_105_05 PMR.pdf", bytes.NewReader(first))
		if err != nil {
			t.Fatal(err)
		}
		p := &mb.Paper{MeetingID: f.m105.ID, ItemID: &f.item.ID, Title: "Performance Measurement Report", Reference: "OPSG_105_05", Classification: mb.Amber}
		if err := s.CreatePaper(ctx, p, v); err != nil {
			t.Fatal(err)
		}
		second := samplefile.DOCX("Performance Measurement Report", "Version two, in Word.")
		v2, err := putPaper(t, s, "OPSG_105_05 PMR v2.docx", bytes.NewReader(second))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReplacePaper(ctx, f.m105.ID, p.ID, p.Version, v2); err != nil {
			t.Fatal(err)
		}
		got, err := s.PaperIn(ctx, f.m105.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.CurrentVersion != 2 || len(got.Versions) != 2 || got.Versions[0].Number != 2 || got.Versions[1].Number != 1 {
			t.Fatalf("versions: current %d, %+v", got.CurrentVersion, got.Versions)
		}
		if got.Current.Filename != "OPSG_105_05 PMR v2.docx" || got.Versions[1].Filename != "OPSG_105_05 PMR.pdf" {
			t.Errorf("file names: %q, %q", got.Current.Filename, got.Versions[1].Filename)
		}
		if got.Versions[1].Storage != st.name || got.Level != mb.Amber || got.ItemNumber != "1" {
			t.Errorf("storage %q, level %v, item %q", got.Versions[1].Storage, got.Level, got.ItemNumber)
		}
		if b := readPaper(t, s, got.Versions[1]); !bytes.Equal(b, first) {
			t.Errorf("version 1 reads back as %d bytes (%.40q), not the %d uploaded", len(b), b, len(first))
		}
		if b := readPaper(t, s, got.Current); !bytes.Equal(b, second) {
			t.Errorf("version 2 reads back as %d bytes (%.40q), not the %d uploaded", len(b), b, len(second))
		}
		if sum := sha256.Sum256(second); !bytes.Equal(got.Current.SHA256, sum[:]) || got.Current.Size != int64(len(second)) {
			t.Error("the version's size or SHA-256 is not its file's")
		}

		// A replacement made against a paper changed since is refused, and its file deleted.
		v3, err := putPaper(t, s, "stale.pdf", bytes.NewReader(first))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ReplacePaper(ctx, f.m105.ID, p.ID, p.Version, v3); mb.ErrorCode(err) != mb.ECONFLICT {
			t.Fatalf("stale replacement: got %v, want a conflict", err)
		}
		if n := st.files(t); n != 2 {
			t.Errorf("%d files stored, want the two versions'", n)
		}

		// Deleting the paper takes its versions' files with it (the bucket's by the cleanup).
		if err := s.DeletePaper(ctx, f.m105.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteExpired(ctx); err != nil {
			t.Fatal(err)
		}
		if n, rows := st.files(t), count(t, s, "paper_files"); n != 0 || rows != 0 {
			t.Errorf("after deleting the paper: %d files stored, %d registered", n, rows)
		}
	})
}

// TestPaperStreamsA25MBFile stores and reads a paper of exactly the largest
// size allowed, and sees that neither way holds the file in memory.
func TestPaperStreamsA25MBFile(t *testing.T) {
	forEachPaperStorage(t, func(t *testing.T, s *postgres.Store, st paperStorage) {
		ctx := context.Background()
		f := newMinutesFixture(t, s)
		head := samplefile.PDF("Annual report")
		body := func() io.Reader {
			return io.MultiReader(bytes.NewReader(head), io.LimitReader(newPattern(), int64(mb.MaxPaperBytes-len(head))))
		}
		want := sha256.New()
		if _, err := io.Copy(want, body()); err != nil {
			t.Fatal(err)
		}
		var v mb.PaperVersion
		upPeak := peakHeap(func() {
			var err error
			if v, err = putPaper(t, s, "annual report.pdf", body()); err != nil {
				t.Fatal(err)
			}
		})
		if err := s.CreatePaper(ctx, &mb.Paper{MeetingID: f.m105.ID, Title: "Annual report", Reference: "OPSG_105_01", Classification: mb.Clear}, v); err != nil {
			t.Fatal(err)
		}
		if v.Size != mb.MaxPaperBytes || !bytes.Equal(v.SHA256, want.Sum(nil)) {
			t.Fatalf("stored %d bytes, hash %x", v.Size, v.SHA256)
		}
		got := sha256.New()
		downPeak := peakHeap(func() {
			rc, err := s.OpenPaperFile(ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			if n, err := io.Copy(got, rc); err != nil || n != mb.MaxPaperBytes {
				t.Fatalf("read %d bytes: %v", n, err)
			}
		})
		if !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
			t.Error("the file read back differs from the one stored")
		}
		t.Logf("%s: heap grew by at most %d KiB storing and %d KiB reading a %d MiB paper", st.name, upPeak>>10, downPeak>>10, mb.MaxPaperBytes>>20)
		// gofakes3 keeps its objects in this process's memory, so only
		// PostgreSQL's storage can be measured here.
		if st.name == "postgres" && (upPeak > 18<<20 || downPeak > 18<<20) {
			t.Errorf("the heap grew by %d MiB storing and %d MiB reading: the file was held in memory", upPeak>>20, downPeak>>20)
		}
	})
}

// TestPaperRefusalsLeaveNothing refuses a mislabelled file, one a byte over
// the limit and one whose paper cannot be saved, and finds nothing stored.
func TestPaperRefusalsLeaveNothing(t *testing.T) {
	forEachPaperStorage(t, func(t *testing.T, s *postgres.Store, st paperStorage) {
		ctx := context.Background()
		f := newMinutesFixture(t, s)
		if _, err := putPaper(t, s, "minutes.docx", bytes.NewReader(samplefile.PDF("Not Word"))); mb.ErrorCode(err) != mb.EINVALID {
			t.Errorf("a PDF named .docx: got %v, want a refusal", err)
		}
		head := samplefile.PDF("Too large")
		over := io.MultiReader(bytes.NewReader(head), io.LimitReader(newPattern(), int64(mb.MaxPaperBytes+1-len(head))))
		if _, err := putPaper(t, s, "too large.pdf", over); mb.ErrorCode(err) != mb.ETOOLARGE {
			t.Errorf("a file a byte over 25 MB: got %v, want too large", err)
		}
		// A body cut short: the bytes that came, then the multipart
		// reader's io.ErrUnexpectedEOF, are no whole file.
		cut := io.MultiReader(bytes.NewReader(head), iotest.ErrReader(io.ErrUnexpectedEOF))
		if _, err := putPaper(t, s, "cut short.pdf", cut); err == nil {
			t.Error("a file cut short was stored as whole")
		}
		v, err := putPaper(t, s, "fine.pdf", bytes.NewReader(head))
		if err != nil {
			t.Fatal(err)
		}
		bad := &mb.Paper{MeetingID: f.m105.ID, Title: "Fine", Reference: "not a reference!", Classification: mb.Clear}
		if err := s.CreatePaper(ctx, bad, v); mb.ErrorCode(err) != mb.EINVALID {
			t.Errorf("a paper with a bad reference: got %v, want a refusal", err)
		}
		if n, rows, papers := st.files(t), count(t, s, "paper_files"), count(t, s, "papers"); n+rows+papers != 0 {
			t.Errorf("left behind: %d files stored, %d registered, %d papers", n, rows, papers)
		}
	})
}

func TestPaperRulesAndLocks(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	f := newMinutesFixture(t, s)
	secret := &mb.Item{MeetingID: f.m105.ID, Title: "Commercial matters", Classification: mb.Red}
	if err := s.CreateItem(ctx, secret); err != nil {
		t.Fatal(err)
	}
	sub := &mb.Item{MeetingID: f.m105.ID, ParentID: &secret.ID, Title: "A supplier's position"}
	if err := s.CreateItem(ctx, sub); err != nil {
		t.Fatal(err)
	}
	v, err := putPaper(t, s, "position.pdf", bytes.NewReader(samplefile.PDF("Position")))
	if err != nil {
		t.Fatal(err)
	}
	p := &mb.Paper{MeetingID: f.m105.ID, ItemID: &sub.ID, Title: "Position", Reference: "OPSG_105_09", Classification: mb.Amber}
	if err := s.CreatePaper(ctx, p, v); mb.ErrorFields(err)["classification"] == "" {
		t.Fatalf("a paper below its item's level: got %v, want a refusal of its classification", err)
	}
	if v, err = putPaper(t, s, "position.pdf", bytes.NewReader(samplefile.PDF("Position"))); err != nil {
		t.Fatal(err)
	}
	p.Classification = mb.Red
	if err := s.CreatePaper(ctx, p, v); err != nil {
		t.Fatal(err)
	}
	other := &mb.Paper{MeetingID: f.m106.ID, ItemID: &sub.ID, Title: "Elsewhere", Reference: "X", Classification: mb.Red}
	if v, err = putPaper(t, s, "x.pdf", bytes.NewReader(samplefile.PDF("X"))); err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePaper(ctx, other, v); mb.ErrorCode(err) != mb.ENOTFOUND && mb.ErrorCode(err) != mb.EINVALID {
		t.Errorf("a paper of another meeting's item: got %v", err)
	}
	papers, err := s.Papers(ctx, f.m105.ID)
	if err != nil || len(papers) != 1 || papers[0].Level != mb.Red || papers[0].ItemNumber != "2.1" {
		t.Fatalf("papers: %v %+v", err, papers)
	}
	// Approved minutes hold their papers as they were.
	if _, err := s.Pool().Exec(ctx, `UPDATE meetings SET minutes_status = 'approved' WHERE id = $1`, f.m105.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePaper(ctx, f.m105.ID, p.ID); mb.ErrorCode(err) != mb.ECONFLICT {
		t.Errorf("deleting a paper of approved minutes: got %v, want a refusal", err)
	}
	if _, err := s.Pool().Exec(ctx, `DELETE FROM papers WHERE id = $1`, p.ID); err == nil {
		t.Error("the database let a paper of approved minutes be deleted")
	}
}

// pattern is an endless stream of bytes that do not compress, the same
// whatever the sizes it is read in.
type pattern struct{ at *int }

func newPattern() pattern { return pattern{new(int)} }

func (p pattern) Read(b []byte) (int, error) {
	for i := range b {
		n := *p.at + i
		b[i] = byte(n*7 + n>>8 + n>>16)
	}
	*p.at += len(b)
	return len(b), nil
}

// peakHeap runs fn and returns how far the heap's live objects grew above
// where they started, sampled every millisecond.
func peakHeap(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if v := read(); v > base {
					mu.Lock()
					peak = max(peak, v-base)
					mu.Unlock()
				}
			}
		}
	}()
	fn()
	close(done)
	<-stopped
	return peak
}

// TestUnclaimedFilesAreCleanedUp: a file stored by an upload whose paper
// was never saved (the server died in between) is deleted by the cleanup
// a day later, and not before.
func TestUnclaimedFilesAreCleanedUp(t *testing.T) {
	forEachPaperStorage(t, func(t *testing.T, s *postgres.Store, st paperStorage) {
		ctx := context.Background()
		if _, err := putPaper(t, s, "orphan.pdf", bytes.NewReader(samplefile.PDF("Orphan"))); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DeleteExpired(ctx); err != nil {
			t.Fatal(err)
		}
		if n := st.files(t); n != 1 {
			t.Fatalf("an upload in flight was deleted: %d files", n)
		}
		if _, err := s.Pool().Exec(ctx, `UPDATE paper_files SET created_at = now() - interval '25 hours'`); err != nil {
			t.Fatal(err)
		}
		e, err := s.DeleteExpired(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n, rows := st.files(t), count(t, s, "paper_files"); n != 0 || rows != 0 || e.PaperFiles != 1 {
			t.Errorf("a day later: %d files stored, %d registered, %d counted deleted", n, rows, e.PaperFiles)
		}
	})
}
