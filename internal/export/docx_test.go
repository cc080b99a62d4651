package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
)

func TestDOCX(t *testing.T) {
	docx := renderDOCX(t, sample(mb.Published))
	body := part(t, docx, "word/document.xml")

	t.Run("WellFormed", func(t *testing.T) {
		zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"} {
			found := false
			for _, f := range zr.File {
				found = found || f.Name == name
			}
			if !found {
				t.Errorf("no %s", name)
				continue
			}
			d := xml.NewDecoder(strings.NewReader(part(t, docx, name)))
			for {
				_, err := d.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Errorf("%s: %v", name, err)
					break
				}
			}
		}
	})
	t.Run("HeadingStyles", func(t *testing.T) {
		for _, h := range []struct{ style, text string }{
			{"Heading1", "1. Previous Meeting Minutes"}, {"Heading1", "2. Actions Outstanding"},
			{"Heading1", "4. Risk Register – Progress Report"}, {"Heading2", "4.1. Sub-item’s title"},
			{"Title", "Operations Group Meeting 105"}, {"DocumentReference", "OPSG_105_2310 – Final Minutes"},
		} {
			want := `<w:pStyle w:val="` + h.style + `"/></w:pPr><w:r><w:t xml:space="preserve">` + h.text + `</w:t></w:r></w:p>`
			if !strings.Contains(body, want) {
				t.Errorf("no %s paragraph %q", h.style, h.text)
			}
		}
		styles := part(t, docx, "word/styles.xml")
		for _, s := range []string{`w:styleId="Heading1"><w:name w:val="heading 1"/>`, `w:styleId="Heading2"><w:name w:val="heading 2"/>`, `<w:outlineLvl w:val="0"/>`} {
			if !strings.Contains(styles, s) {
				t.Errorf("styles.xml lacks %s", s)
			}
		}
	})
	t.Run("Tables", func(t *testing.T) {
		tables := regexp.MustCompile(`(?s)<w:tbl>.*?</w:tbl>`).FindAllString(body, -1)
		if len(tables) != 4 {
			t.Fatalf("%d tables, want members, others, apologies and actions outstanding", len(tables))
		}
		for i, first := range []string{"Category", "Representing", "Representing", "Action Ref."} {
			tb := tables[i]
			if !strings.HasPrefix(tb[strings.Index(tb, "<w:tr>"):], `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`) {
				t.Errorf("table %d: the heading row does not repeat on each page", i+1)
			}
			if !strings.Contains(tb, `<w:b/></w:rPr><w:t xml:space="preserve">`+first+`</w:t>`) {
				t.Errorf("table %d does not start with the heading %q", i+1, first)
			}
			if rows, kept := strings.Count(tb, "<w:tr>"), strings.Count(tb, "<w:cantSplit/>"); rows != kept {
				t.Errorf("table %d: %d of %d rows may split across pages", i+1, rows-kept, rows)
			}
		}
		// An attendee group is one row: its people are paragraphs of one cell.
		if !strings.Contains(tables[0], `Renée Lefèvre</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t xml:space="preserve">Kevin Donnelly`) {
			t.Error("the Large Suppliers are not one group of one row")
		}
		if !strings.Contains(tables[3], ">OPSG 102/01<") || !strings.Contains(tables[3], ">12/09/2023<") || !strings.Contains(tables[3], ">Closed<") {
			t.Errorf("the actions outstanding row:\n%s", tables[3])
		}
	})
	t.Run("DecisionWordsBold", func(t *testing.T) {
		for _, w := range []string{"APPROVED", "NOTED", "AGREED", "ACTION 105/01:", "Clear"} {
			if !strings.Contains(body, `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">`+w+`</w:t></w:r>`) {
				t.Errorf("%s is not a bold run", w)
			}
		}
		if !strings.Contains(body, `<w:r><w:t xml:space="preserve"> the update.</w:t></w:r>`) {
			t.Error("the words after the decision are not a plain run")
		}
	})
	t.Run("WithheldItemAbsent", func(t *testing.T) {
		if !strings.Contains(body, "Item 3 is classified AMBER and is not shown.") {
			t.Error("the withheld item's notice is missing")
		}
		zr, _ := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
		for _, f := range zr.File {
			if strings.Contains(part(t, docx, f.Name), withheldWords) {
				t.Errorf("%s holds the withheld item's words", f.Name)
			}
		}
	})
	t.Run("PageAndMarkings", func(t *testing.T) {
		if !strings.Contains(body, `<w:pgSz w:w="11906" w:h="16838"/>`) {
			t.Error("the page is not A4")
		}
		header, footer := part(t, docx, "word/header1.xml"), part(t, docx, "word/footer1.xml")
		if !strings.Contains(header, ">Classification: CLEAR<") || !strings.Contains(header, ">OPSG_105_2310 – Final Minutes<") {
			t.Errorf("header:\n%s", header)
		}
		if !strings.Contains(footer, `>Page </w:t>`) || !strings.Contains(footer, `w:instr=" PAGE "`) || !strings.Contains(footer, `w:instr=" NUMPAGES "`) {
			t.Errorf("footer:\n%s", footer)
		}
		if !strings.Contains(body, ">Approved as final at OPSG 106.<") {
			t.Error("approved minutes do not say so")
		}
	})
	t.Run("ImporterReadsIt", func(t *testing.T) {
		doc, err := minutesimport.ParseDocx(docx, opsgWords)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Meeting.Reference != "OPSG_105_2310" || doc.Meeting.Status != "final" || len(doc.Items) != 4 {
			t.Errorf("read back as %+v with %d items", doc.Meeting, len(doc.Items))
		}
	})
}
