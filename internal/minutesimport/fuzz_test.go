package minutesimport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"
)

func FuzzParseText(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixture.Dir(), "*.txt"))
	more, _ := filepath.Glob(filepath.Join(fixture.Dir(), "layouts", "*.txt"))
	variants, _ := filepath.Glob(filepath.Join(fixture.Dir(), "layouts", "variants", "*.txt"))
	paths = append(append(paths, more...), variants...)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	if text, err := DocxText(buildDocx(f)); err == nil {
		f.Add(text)
	}
	for _, name := range []string{"board-narrative-like.docx", "variants/forum.docx"} {
		if b, err := os.ReadFile(fixture.Layout(name)); err == nil {
			if text, err := DocxText(b); err == nil {
				f.Add(text)
			}
		}
	}
	f.Add("1. A\n1.1 B\n2. C\n\tx\ty\nThe OPSG:\n- **NOTED**\nACTION 1/1:")
	f.Fuzz(func(t *testing.T, text string) {
		doc := ParseText(text, Options{})
		checkDocument(t, doc, text)
	})
}

// FuzzParseDocx fuzzes the XML of word/document.xml, which is where the
// walker's work is, wrapped in a valid archive; the raw bytes are also
// tried as an archive, for the zip reader's errors.
func FuzzParseDocx(f *testing.F) {
	doc, err := os.ReadFile("testdata/docx/document.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(doc)
	f.Add([]byte("<w:document><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>"))
	f.Add([]byte("PK\x03\x04"))
	numbering, err := os.ReadFile("testdata/docx/numbering.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, xml []byte) {
		_, _ = ParseDocx(xml, Options{})
		data := zipParts(t, map[string]string{"word/document.xml": string(xml), "word/numbering.xml": string(numbering)})
		doc, err := ParseDocx(data, Options{})
		if err != nil {
			return
		}
		text, err := DocxText(data)
		if err != nil {
			t.Fatalf("ParseDocx read what DocxText could not: %v", err)
		}
		checkDocument(t, doc, text)
	})
}

// checkDocument holds what must be true of any parse: every line accounted
// for, line numbers within the text, and JSON that encodes.
func checkDocument(t *testing.T, doc *Document, text string) {
	t.Helper()
	for _, p := range unaccounted(doc, text) {
		t.Error(p)
	}
	n := len(doc.roles) - 1
	check := func(what string, line int) {
		if line < 0 || line > n || (line == 0 && what != "warning") {
			t.Errorf("%s at line %d of %d", what, line, n)
		}
	}
	for _, a := range doc.Attendees {
		check("attendee", a.Line)
	}
	for _, it := range doc.Items {
		check("item", it.Line)
		for _, d := range it.Decisions {
			check("decision", d.Line)
		}
		for _, a := range it.Actions {
			check("action", a.Line)
		}
	}
	for _, u := range doc.Unrecognised {
		check("unrecognised", u.Line)
	}
	for _, w := range doc.Warnings {
		check("warning", w.Line)
	}
	if _, err := json.Marshal(doc); err != nil {
		t.Error(err)
	}
}
