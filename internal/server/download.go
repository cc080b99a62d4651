package server

import (
	"mime"
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// attachment sets the headers every download carries (the register as CSV,
// the calendar feeds, the minutes as PDF and Word): its type, and
// Content-Disposition attachment, so that a browser saves it rather than
// opening it as a page of this site; a safe file name (safeFileName); and
// nosniff, so that the type is taken as sent; and how long it may be kept.
func attachment(w http.ResponseWriter, contentType, name, cacheControl string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": safeFileName(name)}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", cacheControl)
}

// safeFileName is mb.SafeFileName, which uploaded papers' names go
// through too. It keeps of name only ASCII letters and digits, spaces, "_",
// "-" and "." (anything else becomes "_"), with no dot or space to start
// with, so that the name is safe in a header and on any file system:
// "OPSG/105/2310 Final Minutes.pdf" is saved as "OPSG_105_2310 Final Minutes.pdf".
func safeFileName(name string) string { return mb.SafeFileName(name) }
