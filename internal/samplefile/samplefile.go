// Package samplefile makes small real files of the kinds a paper may be (a
// PDF, a Word .docx, a CSV, a PNG), for the demo's papers, the large data
// set's recent ones and the tests: each opens in the program it is for and
// sniffs as what its name says.
package samplefile

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// PDF is an A4 PDF with the title and paragraphs, on as many pages as they
// take. Text is Latin-1 (fpdf's core fonts): other characters print as "?".
func PDF(title string, paragraphs ...string) []byte {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle(title, true)
	pdf.SetCreator("minutebook", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.MultiCell(0, 8, tr(title), "", "L", false)
	pdf.Ln(4)
	pdf.SetFont("Helvetica", "", 11)
	for _, p := range paragraphs {
		pdf.MultiCell(0, 5.5, tr(p), "", "L", false)
		pdf.Ln(3)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		panic("samplefile: " + err.Error()) // fpdf fails only on a programming error here
	}
	return buf.Bytes()
}

// DOCX is a Word document with the title as Heading 1 and the paragraphs.
func DOCX(title string, paragraphs ...string) []byte {
	var body strings.Builder
	para := func(style, text string) {
		body.WriteString(`<w:p>`)
		if style != "" {
			body.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
		}
		body.WriteString(`<w:r><w:t xml:space="preserve">`)
		_ = xml.EscapeText(&body, []byte(text))
		body.WriteString(`</w:t></w:r></w:p>`)
	}
	para("Heading1", title)
	for _, p := range paragraphs {
		para("", p)
	}
	parts := []struct{ name, text string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"word/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			panic("samplefile: " + err.Error())
		}
		_, _ = w.Write([]byte(p.text))
	}
	if err := zw.Close(); err != nil {
		panic("samplefile: " + err.Error())
	}
	return buf.Bytes()
}

// CSV is the rows as CSV (UTF-8, CRLF line ends, as spreadsheets write it).
func CSV(rows ...[]string) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.WriteAll(rows)
	return buf.Bytes()
}

// PNG is a small image of horizontal bands, one per value (0–100), as a
// chart in a paper would be.
func PNG(values ...int) []byte {
	const width, band = 200, 12
	img := image.NewRGBA(image.Rect(0, 0, width, band*max(len(values), 1)))
	for i, v := range values {
		for y := i * band; y < (i+1)*band-2; y++ {
			for x := 0; x < width*min(max(v, 0), 100)/100; x++ {
				img.Set(x, y, color.RGBA{0x1d, 0x70, 0xb8, 0xff})
			}
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}
