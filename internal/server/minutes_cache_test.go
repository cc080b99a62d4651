package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/server"
)

// Published minutes are rendered once per kind of reader and served again:
// a second visit with the page's ETag is a 304, a correction makes a new
// page, and a second server on the same database never serves what the
// first changed.
func TestLockedMinutesServedAgain(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	b := newMinutesBuilder(t, a)
	m := b.meeting(254, day(2024, 1, 10), mb.Clear)
	it := b.item(m, nil, "Business", 0)
	b.publish(m, b.meeting(255, day(2024, 2, 10), mb.Clear))

	// A second server on the same database.
	other := httptest.NewServer(server.New(server.Config{Store: a.store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PasswordParams: password.Cheap}))
	defer other.Close()
	elsewhere := func(path string) *response {
		t.Helper()
		c := a.anonymous()
		c.base = other.URL
		return c.get(path)
	}

	for _, path := range []string{"/committees/OPSG/meetings/254", "/public/OPSG/254", "/api/v1/committees/OPSG/meetings/254"} {
		t.Run(strings.ReplaceAll(path, "/", "_"), func(t *testing.T) {
			first := a.anonymous().get(path)
			etag := first.header.Get("ETag")
			if first.status != http.StatusOK || etag == "" {
				t.Fatalf("status %d, ETag %q", first.status, etag)
			}
			req, _ := http.NewRequest(http.MethodGet, a.srv.URL+path, nil)
			req.Header.Set("If-None-Match", etag)
			if res := a.anonymous().do(req); res.status != http.StatusNotModified || res.body != "" {
				t.Errorf("second visit: status %d, want 304", res.status)
			}
			if again := a.anonymous().get(path); again.body != first.body {
				t.Error("the document served again differs from the first")
			}
			if cc := first.header.Get("Cache-Control"); !strings.Contains(cc, "private") {
				t.Errorf("Cache-Control %q: classified minutes must stay out of shared caches", cc)
			}
		})
	}
	elsewhere("/committees/OPSG/meetings/254").mustContain(t, "The minute of Business.")
	before := a.anonymous().get("/committees/OPSG/meetings/254")

	// A correction: a new version, so a new page on both servers.
	if err := a.store.OpenCorrection(b.ctx, m.ID, "A word was wrong."); err != nil {
		t.Fatal(err)
	}
	fresh, err := a.store.Item(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	fresh.Minute = "The corrected minute."
	if err := a.store.UpdateItem(b.ctx, fresh); err != nil {
		t.Fatal(err)
	}
	if err := a.store.FinishCorrection(b.ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	after := a.anonymous().get("/committees/OPSG/meetings/254")
	after.mustContain(t, "The corrected minute.")
	if after.header.Get("ETag") == before.header.Get("ETag") {
		t.Error("the corrected minutes keep the ETag of the minutes before")
	}
	elsewhere("/committees/OPSG/meetings/254").mustContain(t, "The corrected minute.")

	// The schedule moves what the page shows beside its own content: a
	// meeting added before the next one becomes the next.
	elsewhere("/committees/OPSG/meetings/254").mustContain(t, "10 February 2024")
	b.meeting(253, day(2024, 1, 20), mb.Clear)
	elsewhere("/committees/OPSG/meetings/254").mustContain(t, "20 January 2024")
	a.anonymous().get("/committees/OPSG/meetings/254").mustContain(t, "20 January 2024")
}
