package web

import (
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ImportUploadPage asks for a minutes document to import.
type ImportUploadPage struct {
	Chrome
	Committee *mb.Committee
	// Error is the problem with the file sent, shown beside the file input.
	Error string
	// Pending are the reader's uploads for the committee not yet saved.
	Pending []ImportPendingLink
	MaxMB   int
}

// ImportPendingLink is an upload awaiting its check.
type ImportPendingLink struct {
	Filename string
	Href     string
	Uploaded time.Time
}
