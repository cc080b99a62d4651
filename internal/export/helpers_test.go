package export_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/export"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// whole is the document as a reader who may read everything sees it; the
// server builds it for each reader from the minutes page's own view.
func whole(doc *mb.Minutes, reviews map[int64][]mb.RiskReview) *export.Document {
	d := &export.Document{Meeting: doc.Meeting, Outstanding: doc.Outstanding, Next: doc.NextMeetings, ApprovedBy: doc.ApprovedBy}
	d.Members, d.Others, d.Apologies = mb.GroupAttendance(doc.Attendance, doc.Categories)
	var wrap func(it *mb.Item) *export.Item
	wrap = func(it *mb.Item) *export.Item {
		e := &export.Item{Item: it, Reviews: reviews[it.ID]}
		if !d.OutstandingInItem && it.HoldsOutstanding() {
			e.Outstanding, d.OutstandingInItem = true, true
		}
		for _, c := range it.Children {
			e.Children = append(e.Children, wrap(c))
		}
		return e
	}
	for _, it := range doc.Items {
		d.Items = append(d.Items, wrap(it))
	}
	return d
}

// demo105 loads the demo and returns OPSG 105, published, as a document.
func demo105(tb testing.TB) *export.Document {
	tb.Helper()
	ctx := context.Background()
	s, err := postgres.Open(ctx, dbtest.URL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	if _, err := demo.Load(ctx, s, demo.Options{PasswordParams: password.Cheap}); err != nil {
		tb.Fatal(err)
	}
	m, err := s.MeetingByNumber(ctx, "OPSG", 105)
	if err != nil {
		tb.Fatal(err)
	}
	return load(tb, s, m)
}

func load(tb testing.TB, s *postgres.Store, m *mb.Meeting) *export.Document {
	tb.Helper()
	ctx := context.Background()
	doc, err := s.MinutesOf(ctx, m)
	if err != nil {
		tb.Fatal(err)
	}
	reviews, err := s.RiskReviewsByItem(ctx, m.ID)
	if err != nil {
		tb.Fatal(err)
	}
	return whole(doc, reviews)
}

// poppler runs one of poppler-utils' tools on a PDF and returns what it
// prints (pdftotext to standard output). Without poppler-utils the test is skipped, or fails when
// MINUTEBOOK_E2E=1 (as in CI, which installs it).
func poppler(tb testing.TB, pdf []byte, tool string, args ...string) string {
	tb.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("MINUTEBOOK_E2E") == "1" {
			tb.Fatalf("%s is not installed (apt-get install poppler-utils)", tool)
		}
		tb.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	file := filepath.Join(tb.TempDir(), "minutes.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		tb.Fatal(err)
	}
	var out, stderr bytes.Buffer
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%s: %v\n%s", tool, err, stderr.String())
	}
	return out.String()
}

func renderPDF(tb testing.TB, d *export.Document) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.PDF(&buf, d); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func renderDOCX(tb testing.TB, d *export.Document) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.DOCX(&buf, d); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// part returns one part of a .docx package.
func part(tb testing.TB, docx []byte, name string) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		tb.Fatal(err)
	}
	f, err := zr.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		tb.Fatalf("the .docx has no %s", name)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// words joins text on single spaces, so that a check does not depend on
// where a line wrapped.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }
