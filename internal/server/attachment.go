package server

import (
	"mime"
	"net/http"
	"strconv"
)

// attachment sets the headers of a file sent as a download: saved, never
// shown in the page (Content-Disposition: attachment) under name, which
// the caller has made safe (export.FileName, mb.SafeFileName); the type
// minutebook decided (never the browser's guess: nosniff); its length when
// known (size < 0: streamed); and kept out of shared caches, since
// classified documents pass through them.
func attachment(w http.ResponseWriter, name, contentType string, size int64) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	if size >= 0 {
		h.Set("Content-Length", strconv.FormatInt(size, 10))
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-cache")
}
