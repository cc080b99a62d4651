package export

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// The page in twentieths of a point: A4 with 2 cm side margins.
const (
	twipsWidth  = 11906
	twipsHeight = 16838
	twipsSide   = 1134
	twipsBody   = twipsWidth - 2*twipsSide
)

// DOCX writes the document as a Word .docx: the items under heading styles
// (Heading 1, sub-items Heading 2) with their numbers written as text,
// Word tables for the attendance, apologies and actions outstanding (the
// heading row repeated on every page, a row never split, so a group of
// attendees stays together), decision words bold, A4, and the
// classification marking, reference and "Page X of Y" in the page header
// and footer. The parts are few and written here with archive/zip and
// encoding/xml; no well-kept Go library writes .docx (see the README).
func DOCX(w io.Writer, d *Document) error {
	made := d.Made.UTC().Truncate(time.Second)
	if d.Made.IsZero() {
		made = time.Now().UTC().Truncate(time.Second)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(d, made)},
		{"docProps/app.xml", appProps},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", documentXML(d)},
		{"word/styles.xml", stylesXML},
		{"word/numbering.xml", numberingXML},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", headerXML(d)},
		{"word/footer1.xml", footerXML(d)},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: made})
		if err != nil {
			return fmt.Errorf("export: write %s of the .docx: %w", p.name, err)
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return fmt.Errorf("export: write %s of the .docx: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("export: finish the .docx of %s: %w", d.Meeting.ShortName(), err)
	}
	return nil
}

// wml builds WordprocessingML.
type wml struct{ strings.Builder }

func (x *wml) esc(s string) {
	_ = xml.EscapeText(x, []byte(s))
}

// para writes a paragraph in a style, with its runs.
func (x *wml) para(style string, rs []run, allBold bool) {
	x.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	for _, r := range rs {
		x.run(r.text, r.bold || allBold, r.italic)
	}
	x.WriteString(`</w:p>`)
}

// run writes text in one style; a line break inside it becomes Word's.
func (x *wml) run(text string, bold, italic bool) {
	x.WriteString(`<w:r>`)
	if bold || italic {
		x.WriteString(`<w:rPr>`)
		if bold {
			x.WriteString(`<w:b/>`)
		}
		if italic {
			x.WriteString(`<w:i/>`)
		}
		x.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			x.WriteString(`<w:br/>`)
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				x.WriteString(`<w:tab/>`)
			}
			if piece != "" {
				x.WriteString(`<w:t xml:space="preserve">`)
				x.esc(piece)
				x.WriteString(`</w:t>`)
			}
		}
	}
	x.WriteString(`</w:r>`)
}

// documentXML is the body: the flow's blocks in Word's terms.
func documentXML(d *Document) string {
	var x wml
	x.WriteString(xmlHead + `<w:document ` + wNS + `><w:body>`)
	for _, b := range flow(d) {
		x.block(b)
	}
	x.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>`)
	fmt.Fprintf(&x, `<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="1361" w:right="%d" w:bottom="1247" w:left="%d" w:header="567" w:footer="567" w:gutter="0"/>`, twipsWidth, twipsHeight, twipsSide, twipsSide)
	x.WriteString(`</w:sectPr></w:body></w:document>`)
	return x.String()
}

func (x *wml) block(b block) {
	switch b.kind {
	case title:
		x.para("Title", b.runs, false)
	case docTitle:
		x.para("DocumentReference", b.runs, false)
	case section:
		x.para("SectionHeading", b.runs, false)
	case itemHeading:
		x.para(fmt.Sprintf("Heading%d", min(b.level+1, 2)), b.runs, false)
	case subheading:
		x.para("Subheading", b.runs, true)
	case bullet:
		fmt.Fprintf(x, `<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>`, min(b.level, 2))
		for _, r := range b.runs {
			x.run(r.text, r.bold, r.italic)
		}
		x.WriteString(`</w:p>`)
	case numbered:
		// The number is written as text, as the items' numbers are, so
		// that it reads the same wherever the file is opened.
		fmt.Fprintf(x, `<w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:ind w:left="%d" w:hanging="360"/></w:pPr>`, 360*(b.level+1))
		x.run(b.label+" ", false, false)
		for _, r := range b.runs {
			x.run(r.text, r.bold, r.italic)
		}
		x.WriteString(`</w:p>`)
	case quote:
		fmt.Fprintf(x, `<w:p><w:pPr><w:pStyle w:val="Quote"/><w:ind w:left="%d"/></w:pPr>`, 360*max(b.level, 1))
		for _, r := range b.runs {
			x.run(r.text, r.bold, r.italic)
		}
		x.WriteString(`</w:p>`)
	case notice:
		x.para("Withheld", b.runs, false)
	case continued:
		x.para("Continued", b.runs, false)
	case table:
		x.table(b)
	default:
		x.para("Normal", b.runs, false)
	}
}

// table writes a Word table: the heading row marked to repeat on every
// page, every row marked not to split, each cell's paragraphs as Word
// paragraphs (an attendee group's people one to a paragraph, as the
// importer reads them back).
func (x *wml) table(b block) {
	mm := columns(b)
	widths := make([]int, len(mm))
	for i, w := range mm {
		widths[i] = int(w / bodyWidth * twipsBody)
	}
	x.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="MinutesTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(x, `<w:gridCol w:w="%d"/>`, w)
	}
	x.WriteString(`</w:tblGrid>`)
	if len(b.head) > 0 {
		x.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for i, w := range widths {
			h := ""
			if i < len(b.head) {
				h = b.head[i]
			}
			fmt.Fprintf(x, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/></w:tcPr>`, w)
			x.para("TableText", []run{{text: h, bold: true}}, false)
			x.WriteString(`</w:tc>`)
		}
		x.WriteString(`</w:tr>`)
	}
	for _, row := range b.rows {
		x.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i, w := range widths {
			fmt.Fprintf(x, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, w)
			var paras []string
			if i < len(row) {
				paras = row[i]
			}
			if len(paras) == 0 {
				paras = []string{""}
			}
			for _, p := range paras {
				x.para("TableText", []run{{text: p}}, false)
			}
			x.WriteString(`</w:tc>`)
		}
		x.WriteString(`</w:tr>`)
	}
	x.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables, or it joins them.
	x.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>`)
}

// headerXML is every page's header: the classification marking, and the
// reference and status line at the right.
func headerXML(d *Document) string {
	var x wml
	x.WriteString(xmlHead + `<w:hdr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	x.run(marking(d.Meeting), true, false)
	x.run("\t"+d.Meeting.DocumentTitle(), false, false)
	x.WriteString(`</w:p></w:hdr>`)
	return x.String()
}

// footerXML is every page's footer: the marking, the reference and "Page X
// of Y" from Word's own page fields.
func footerXML(d *Document) string {
	var x wml
	x.WriteString(xmlHead + `<w:ftr ` + wNS + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	x.run(marking(d.Meeting), true, false)
	x.run("\t"+d.Meeting.Reference+"\tPage ", false, false)
	x.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	x.run(" of ", false, false)
	x.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`)
	return x.String()
}

// coreProps is the package's own description: title, author, dates.
func coreProps(d *Document, made time.Time) string {
	var x wml
	x.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	x.esc(d.Meeting.DocumentTitle())
	x.WriteString(`</dc:title><dc:subject>`)
	x.esc(d.Meeting.Title())
	x.WriteString(`</dc:subject><dc:creator>`)
	x.esc(d.Meeting.CommitteeName)
	at := made.Format("2006-01-02T15:04:05Z")
	x.WriteString(`</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">` + at + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + at + `</dcterms:modified></cp:coreProperties>`)
	return x.String()
}
