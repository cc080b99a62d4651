package minutesimport

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrUnreadable is wrapped by the errors of Parse and ParseDocx when the input
// cannot be read as a document at all (a damaged .docx, a PDF), as opposed to
// a document whose content is odd, which is reported in Warnings.
var ErrUnreadable = errors.New("unreadable minutes document")

// maxInput bounds what Parse reads, so that a mistaken upload (a video, a
// disk image) fails fast instead of filling memory.
const maxInput = 32 << 20

// Parse reads a minutes document: a Word .docx (recognised by its zip
// signature, whatever its name) or plain text, such as text copied out of a
// PDF. filename is used only in error messages and to expect a .docx. It
// returns an error only when the input cannot be read at all; everything the
// parser could not place is reported in the Document instead. opt is what
// the caller knows of the document: the committee's decision words above all.
func Parse(r io.Reader, filename string, opt Options) (*Document, error) {
	doc, _, err := ParseSource(r, filename, opt)
	return doc, err
}

// ParseSource is Parse that also returns the text the Document's line
// numbers count (the decoded text of a text file, or what DocxText extracts
// from a .docx), so that a person can check what was read against it.
func ParseSource(r io.Reader, filename string, opt Options) (*Document, string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, "", fmt.Errorf("minutesimport: read %s: %w", filename, err)
	}
	if len(data) > maxInput {
		return nil, "", fmt.Errorf("minutesimport: %s is larger than %d MiB: %w", filename, maxInput>>20, ErrUnreadable)
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		text, err := DocxText(data)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", filename, err)
		}
		return ParseText(text, opt), text, nil
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return nil, "", fmt.Errorf("minutesimport: %s is a PDF; copy its text into a .txt file, or import the .docx it was made from: %w", filename, ErrUnreadable)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return nil, "", fmt.Errorf("minutesimport: %s is a Word 97–2003 document; save it as .docx first: %w", filename, ErrUnreadable)
	case strings.EqualFold(filepath.Ext(filename), ".docx"):
		return nil, "", fmt.Errorf("minutesimport: the file %s is named .docx but is not a zip archive, so not a Word document: %w", filename, ErrUnreadable)
	}
	text, note := decodeText(data)
	doc := ParseText(text, opt)
	if note != "" {
		doc.Warnings = append([]Warning{{Line: 0, Text: note}}, doc.Warnings...)
	}
	return doc, text, nil
}

// decodeText turns the bytes of a text file into a string. Windows tools
// save "Unicode text" as UTF-16 and older ones as Windows-1252; both are
// read rather than refused, and the guess is reported.
func decodeText(data []byte) (text, note string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		big := data[0] == 0xfe
		data = data[2:]
		u := make([]uint16, len(data)/2)
		for i := range u {
			if big {
				u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
			} else {
				u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
			}
		}
		return string(utf16.Decode(u)), ""
	}
	if utf8.Valid(data) {
		return string(data), ""
	}
	var b strings.Builder
	for _, c := range data {
		if c >= 0x80 && c < 0xa0 {
			b.WriteRune(cp1252[c-0x80])
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.String(), "the file is not UTF-8; it was read as Windows-1252"
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252, where it differs from
// Latin-1 (curly quotes, dashes, the euro sign).
var cp1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}
