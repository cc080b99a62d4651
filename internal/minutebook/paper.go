package minutebook

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// MaxPaperBytes is the largest file a paper may be: 25 MB (MiB), the
// size committee systems accept for one paper and e-mail relays pass.
const MaxPaperBytes = 25 << 20

// ETOOLARGE is the code of an upload larger than it may be (HTTP 413).
const ETOOLARGE = "too_large"

// PaperTooLarge is the refusal of a file above MaxPaperBytes.
func PaperTooLarge(name string) *Error {
	return Errorf(ETOOLARGE, "%s is larger than 25 MB, the most a paper may be: nothing was saved. Reduce it (save the PDF for the web, compress its images) or split it into two papers.", name)
}

// FileKind is a kind of file a paper may be, by the file name's extension.
type FileKind struct {
	Ext         string // ".pdf"
	Label       string // "PDF"
	ContentType string // what it is served as
}

// PaperKinds lists the kinds of file a paper may be: PDF, Word, Excel,
// PowerPoint, text and images. Anything else is refused at upload.
var PaperKinds = []FileKind{
	{".pdf", "PDF", "application/pdf"},
	{".docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{".doc", "Word 97–2003", "application/msword"},
	{".xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{".xls", "Excel 97–2003", "application/vnd.ms-excel"},
	{".pptx", "PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
	{".ppt", "PowerPoint 97–2003", "application/vnd.ms-powerpoint"},
	{".odt", "OpenDocument text", "application/vnd.oasis.opendocument.text"},
	{".ods", "OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"},
	{".txt", "Text", "text/plain; charset=utf-8"},
	{".csv", "CSV", "text/csv; charset=utf-8"},
	{".png", "PNG image", "image/png"},
	{".jpg", "JPEG image", "image/jpeg"},
	{".jpeg", "JPEG image", "image/jpeg"},
	{".gif", "GIF image", "image/gif"},
}

// PaperKind returns the kind the file name says, or false when a paper may
// not be that kind of file.
func PaperKind(filename string) (FileKind, bool) {
	ext := strings.ToLower(filepath.Ext(filename))
	for _, k := range PaperKinds {
		if k.Ext == ext {
			return k, true
		}
	}
	return FileKind{}, false
}

// PaperKindsLabel lists the kinds for a form's hint: "PDF, Word, …".
func PaperKindsLabel() string {
	return "PDF, Word (.docx, .doc), Excel (.xlsx, .xls), PowerPoint (.pptx, .ppt), OpenDocument (.odt, .ods), text (.txt, .csv) and images (.png, .jpg, .gif)"
}

// SafeFileName keeps of name only ASCII letters and digits, spaces, "_",
// "-" and "." (anything else becomes "_"), with no dot or space to start
// with and at most 200 characters (the extension kept), so that the name is
// safe in a header and on any file system: "OPSG/105/2310 Final
// Minutes.pdf" becomes "OPSG_105_2310 Final Minutes.pdf". Every download
// is named through it, and every uploaded paper's name is kept as it gives.
func SafeFileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'), r == ' ', r == '_', r == '-', r == '.':
			b.WriteRune(r)
		default:
			b.WriteRune('_')
		}
	}
	safe := strings.TrimLeft(strings.TrimSpace(b.String()), ". ")
	if len(safe) > 200 {
		ext := filepath.Ext(safe)
		if len(ext) > 20 {
			ext = ""
		}
		safe = safe[:200-len(ext)] + ext
	}
	if safe == "" {
		return "download"
	}
	return safe
}

// Paper is a file attached to an agenda item or to the meeting, with its
// versions: a replaced paper keeps the earlier ones.
type Paper struct {
	ID        int64
	MeetingID int64
	ItemID    *int64 // nil: a paper of the meeting as a whole
	Position  int
	Title     string
	Reference string // "OPSG_107_05"
	// Classification is the paper's own, at least its item's.
	Classification Classification
	// Level is what the reading rule applies: the strictest of the paper's,
	// its item's (and parent item's) and the document's, Access.Level.
	// Read-only, filled by the store.
	Level Classification
	// Access is the paper's facts for the reading rule: its item's (or, for
	// the meeting's own papers, the meeting's) within its own
	// classification, at the agenda's stage (Access.Agenda). Read-only,
	// filled by the store (migration 0031's paper_facts).
	Access Access
	// ItemNumber is its item's number ("5.1"), read-only, "" for the
	// meeting's own papers.
	ItemNumber     string
	CurrentVersion int
	// Current is the current version; Versions every version, newest
	// first, when the store was asked for them.
	Current   PaperVersion
	Versions  []PaperVersion
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// PaperVersion is one uploaded file of a paper.
type PaperVersion struct {
	Number      int
	Filename    string
	ContentType string
	Size        int64
	SHA256      []byte
	Storage     string // "postgres" or "s3"
	FileKey     string
	UploadedBy  string // read-only: the uploader's name
	UploadedAt  time.Time
}

// Kind is the version's kind of file, by its name.
func (v PaperVersion) Kind() FileKind {
	k, _ := PaperKind(v.Filename)
	return k
}

// SizeLabel is the size as lists show it: "245 KB", "3.2 MB".
func (v PaperVersion) SizeLabel() string {
	switch {
	case v.Size >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(v.Size)/(1<<20))
	case v.Size >= 1<<10:
		return fmt.Sprintf("%d KB", v.Size>>10)
	}
	return fmt.Sprintf("%d bytes", v.Size)
}

var paperReference = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_./-]{0,59}$`)

// SuggestedPaperReference is the reference a new paper is offered:
// "OPSG_107_05" for the fifth paper of OPSG 107.
func SuggestedPaperReference(m *Meeting, n int) string {
	return fmt.Sprintf("%s_%d_%02d", m.CommitteeCode, m.Number, n)
}

// Validate checks the paper's own rules; itemLevel is the strictest of its
// item's and its document's levels, which the paper's may not be below.
func (p *Paper) Validate(itemLevel Classification) error {
	fe := FieldErrors{}
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	p.Reference = strings.TrimSpace(p.Reference)
	if p.Title == "" {
		fe.Add("title", "Enter the paper's title, such as Performance Measurement Report – October 2023.")
	} else if len(p.Title) > 300 {
		fe.Add("title", "The title is too long: 300 characters at most.")
	}
	if p.Reference == "" {
		fe.Add("reference", "Enter the paper's reference, such as OPSG_107_05.")
	} else if !paperReference.MatchString(p.Reference) {
		fe.Add("reference", "A reference is letters, digits and _ . / - (60 at most), such as OPSG_107_05.")
	}
	if !p.Classification.Valid() {
		fe.Add("classification", "Choose the paper's classification.")
	} else if p.Classification < itemLevel {
		fe.Add("classification", fmt.Sprintf("A paper is classified at least as its item (%s).", itemLevel))
	}
	return fe.Err()
}

// WithheldPaperNotice is what a reader below a paper's level sees in its
// place: "Paper OPSG_107_05 is classified AMBER and is not shown."
func WithheldPaperNotice(p *Paper) string {
	return fmt.Sprintf("Paper %s is classified %s and is not shown.", p.Reference, p.Level)
}

// PaperFiles keeps the bytes of papers' files: in PostgreSQL by default,
// or in an S3-compatible bucket. Put streams a file in under a new key
// without holding it whole; Open streams it out.
type PaperFiles interface {
	// Storage names the store, as paper_versions record it: "postgres" or "s3".
	Storage() string
	// Put writes everything r gives under key and returns its length. An
	// error from r (a file too large, a client gone) fails the Put; the
	// caller then calls Delete.
	Put(ctx context.Context, key string, r io.Reader) (int64, error)
	// Open reads the file under key.
	Open(ctx context.Context, key string) (io.ReadCloser, error)
	// Delete removes the file under key; a key with no file is not an error.
	Delete(ctx context.Context, key string) error
}

// PaperUpload is a file on its way in, already checked for size and kind
// (internal/upload): its safe name, the type it is served as, and the
// bytes, which fail with an ETOOLARGE error past MaxPaperBytes.
type PaperUpload struct {
	Filename    string
	ContentType string
	Body        io.Reader
}
