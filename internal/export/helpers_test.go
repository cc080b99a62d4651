package export_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/demo"
	"github.com/minutebook/minutebook/internal/export"
	"github.com/minutebook/minutebook/internal/export/exporttest"
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

// The readers of the files, shared with the server's tests.
var (
	poppler = exporttest.Poppler
	part    = exporttest.Part
	words   = exporttest.Words
)
