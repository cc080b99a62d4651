// Package upload checks files on their way in, before any byte is stored:
// that a paper is a kind of file a paper may be, that its content is what
// its name says (the type is sniffed from its first bytes with
// gabriel-vasile/mimetype, never taken from the browser), and that it is no
// larger than mb.MaxPaperBytes. The file streams through: only its first
// 64 KiB are held, to sniff.
package upload

import (
	"bufio"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/gabriel-vasile/mimetype"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// sniffBytes is how much of a file is read to tell its type. mimetype
// reads 4 KiB by default; an Office file's parts are found by walking its
// zip entries, which a document with a large first part (an embedded
// thumbnail, custom XML) pushes past that.
const sniffBytes = 64 << 10

func init() { mimetype.SetLimit(sniffBytes) }

// sniffed lists, for each extension, the types whose content it may have.
// Word, Excel and PowerPoint 97–2003 files are OLE compound files, which
// mimetype names exactly only when it finds the part that says which.
var sniffed = map[string][]string{
	".pdf":  {"application/pdf"},
	".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	".pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
	".doc":  {"application/msword", "application/x-ole-storage"},
	".xls":  {"application/vnd.ms-excel", "application/x-ole-storage"},
	".ppt":  {"application/vnd.ms-powerpoint", "application/x-ole-storage"},
	".odt":  {"application/vnd.oasis.opendocument.text"},
	".ods":  {"application/vnd.oasis.opendocument.spreadsheet"},
	".txt":  {"text/plain"},
	".csv":  {"text/plain"},
	".png":  {"image/png"},
	".jpg":  {"image/jpeg"},
	".jpeg": {"image/jpeg"},
	".gif":  {"image/gif"},
}

// Text that a browser would run if it ever rendered it is not text here.
var notText = []string{"text/html", "image/svg+xml", "application/xhtml+xml"}

// Paper checks a paper's file: its name (made safe) must be a kind a
// paper may be and its first bytes that kind. The upload it returns
// streams the whole file and fails with mb.ETOOLARGE past MaxPaperBytes.
func Paper(filename string, r io.Reader) (*mb.PaperUpload, error) {
	// A browser may send the whole path it read the file from.
	name := mb.SafeFileName(filepath.Base(strings.ReplaceAll(filename, "\\", "/")))
	if strings.TrimSpace(filename) == "" {
		return nil, mb.Errorf(mb.EINVALID, "Choose the paper's file.")
	}
	kind, ok := mb.PaperKind(name)
	if !ok {
		return nil, mb.Errorf(mb.EINVALID, "%s is not a kind of file a paper may be. Papers may be %s.", name, mb.PaperKindsLabel())
	}
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	if len(head) == 0 {
		return nil, mb.Errorf(mb.EINVALID, "%s is empty.", name)
	}
	if got := mimetype.Detect(head); !matches(got, kind.Ext) {
		return nil, mb.Errorf(mb.EINVALID, "%s is named as %s, but its content is %s: it was refused. Upload the file itself, or give it the name of what it is.",
			name, article(kind.Label)+" file", describe(got))
	}
	return &mb.PaperUpload{Filename: name, ContentType: kind.ContentType, Body: &limited{r: br, name: name}}, nil
}

func matches(got *mimetype.MIME, ext string) bool {
	text := ext == ".txt" || ext == ".csv"
	for m := got; m != nil; m = m.Parent() {
		if text {
			for _, bad := range notText {
				if m.Is(bad) {
					return false
				}
			}
		}
		for _, want := range sniffed[ext] {
			if m.Is(want) {
				return true
			}
		}
	}
	return false
}

// describe names a detected type for the refusal: "a Word document
// (.docx)", or the type itself.
func describe(got *mimetype.MIME) string {
	for _, k := range mb.PaperKinds {
		if matches(got, k.Ext) && k.Ext != ".txt" && k.Ext != ".csv" {
			return article(k.Label) + " file (" + k.Ext + ")"
		}
	}
	switch {
	case got.Is("text/html"):
		return "a web page (HTML)"
	case got.Is("application/zip"):
		return "a zip archive"
	case matches(got, ".txt"):
		return "plain text"
	case got.Is("application/octet-stream"):
		return "not a kind of file minutebook recognises"
	}
	return "of type " + got.String()
}

func article(label string) string {
	if strings.ContainsRune("AEIOU", rune(label[0])) {
		return "an " + label
	}
	return "a " + label
}

// limited passes a file through and fails once it passes MaxPaperBytes.
type limited struct {
	r    io.Reader
	n    int64
	name string
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > mb.MaxPaperBytes {
		return 0, mb.PaperTooLarge(l.name)
	}
	return n, err
}
