package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	lru "github.com/hashicorp/golang-lru/v2"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

// Approved and published minutes do not change: each is rendered once for
// each kind of reader and served again. A document is named by its
// meeting, the meeting's version (every transition and correction bumps
// it) and its committee's epoch (every write to what the minutes show
// beside their own content: the register, the schedule, names; migration
// 0013), all read with the meeting itself, so that a server never serves a
// stale document and two servers on one database agree without telling
// each other anything. Minutes that may still change are rendered for each
// request.

// documentCache keeps rendered documents and the audiences that name them.
type documentCache struct {
	docs      *lru.Cache[string, []byte]
	audiences *lru.Cache[string, *postgres.MinutesAudience]
	// build names the templates that rendered the documents, for ETags.
	build string
}

// cachedDocuments is how many rendered documents a server keeps (some
// 50 KB each at the large scale).
const cachedDocuments = 512

func newDocumentCache() *documentCache {
	docs, _ := lru.New[string, []byte](cachedDocuments)
	audiences, _ := lru.New[string, *postgres.MinutesAudience](cachedDocuments)
	build := strconv.FormatInt(time.Now().UnixNano(), 36)
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				build = s.Value
			}
		}
	}
	return &documentCache{docs: docs, audiences: audiences, build: build}
}

// documentKey names the document of the meeting's minutes (in form: page,
// public, api) as the reader sees it, recorded saying whether they were
// recorded at the meeting; "" when the minutes may still change. The kind
// of reader is everything the reading rule asks of them about this
// document: whether they run the committee's secretariat, sit on it, have
// signed in, were recorded at the meeting and at the meetings that raised
// the RED actions its actions outstanding table may hold, and wrote any of
// its comments.
func (s *Server) documentKey(r *http.Request, m *mb.Meeting, recorded bool, form string) (string, *postgres.MinutesAudience, error) {
	if !m.Locked() {
		return "", nil, nil
	}
	ctx := r.Context()
	base := fmt.Sprintf("%d/%d/%d", m.ID, m.Version, m.Epoch)
	aud, ok := s.documents.audiences.Get(base)
	if !ok {
		var err error
		if aud, err = s.store.MinutesAudienceOf(ctx, m); err != nil {
			return "", nil, err
		}
		s.documents.audiences.Add(base, aud)
	}
	rd := reader(r)
	kind := "secretariat"
	if !rd.Secretariat(m.CommitteeID) {
		kind = fmt.Sprintf("member=%t,signed=%t,recorded=%t", rd.Member(m.CommitteeID), rd.SignedIn(), recorded)
		if rd.SignedIn() {
			red, err := s.store.RecordedAt(ctx, rd.User.PersonID, aud.REDMeetings)
			if err != nil {
				return "", nil, err
			}
			if len(red) > 0 {
				kind += ",red=" + joinIDs(red)
			}
			if slices.Contains(aud.Authors, rd.User.ID) {
				kind += ",author=" + strconv.FormatInt(rd.User.ID, 10)
			}
		}
	}
	if form == "api" {
		form += "@" + r.Host // the document names its files by address
	}
	return base + "/" + form + "/" + kind, aud, nil
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ".")
}

// document returns the rendered document named key, rendering it with
// render when it is not kept (and keeping it when key is not "").
func (s *Server) document(ctx context.Context, key string, render func() (templ.Component, error)) (templ.Component, error) {
	html, err := s.rendered(key, func() ([]byte, error) {
		c, err := render()
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		err = c.Render(ctx, &buf)
		return buf.Bytes(), err
	})
	if err != nil {
		return nil, err
	}
	return templ.Raw(string(html)), nil
}

// rendered returns the document named key as kept, or as render makes it
// (keeping it when key is not "").
func (s *Server) rendered(key string, render func() ([]byte, error)) ([]byte, error) {
	if key != "" {
		if b, ok := s.documents.docs.Get(key); ok {
			return b, nil
		}
	}
	b, err := render()
	if err != nil {
		return nil, err
	}
	if key != "" {
		s.documents.docs.Add(key, b)
	}
	return b, nil
}

// notModified answers 304 Not Modified when the browser holds the page it
// would be sent: the document named key with the same page around it for
// the same reader (their session's flash messages aside, which show once).
// Otherwise it sets the page's ETag and reports false.
func (s *Server) notModified(w http.ResponseWriter, r *http.Request, key string) bool {
	if key == "" {
		return false
	}
	rd := reader(r)
	who := "anonymous"
	if rd.SignedIn() {
		who = fmt.Sprintf("%d:%s:%t:%t:%d", rd.User.ID, rd.User.Name, rd.Admin(), rd.OverseesAny(), len(secretariatOf(rd)))
	}
	sum := sha256.Sum256([]byte(s.documents.build + "\x00" + key + "\x00" + r.URL.Path + "\x00" + who))
	etag := `W/"` + hex.EncodeToString(sum[:12]) + `"`
	h := w.Header()
	h.Set("Cache-Control", "private, no-cache")
	if s.flashPending(r) {
		return false
	}
	h.Set("ETag", etag)
	for _, tag := range strings.Split(r.Header.Get("If-None-Match"), ",") {
		if strings.TrimSpace(tag) == etag {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
	}
	return false
}

// flashPending reports whether a flash message waits to be shown.
func (s *Server) flashPending(r *http.Request) (pending bool) {
	defer func() {
		if recover() != nil {
			pending = false
		}
	}()
	return s.sessions.Exists(r.Context(), sessionFlash) || s.sessions.Exists(r.Context(), sessionFlashError)
}
