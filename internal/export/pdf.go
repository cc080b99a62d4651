package export

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The page: A4 in millimetres, with room above and below the body for the
// running header (classification marking, document reference and status)
// and footer (marking, "Page X of Y").
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginSide   = 20.0
	marginTop    = 24.0
	marginBottom = 22.0
	bodyWidth    = pageWidth - 2*marginSide

	bodySize  = 10.0 // points
	tableSize = 8.0
	lineMM    = 5.0 // the body's line height
	tableLine = 3.9
	cellPad   = 1.4
	indentMM  = 6.0

	// totalPages is replaced by the number of pages as the file closes.
	totalPages = "{nb}"
)

// family is the embedded typeface's name inside the PDF.
const family = "DejaVuSans"

// PDF writes the document as an A4 PDF/A-2b file.
func PDF(w io.Writer, d *Document) error {
	return writePDF(w, d.Meeting, d.Meeting.DocumentTitle(), d.Made, flow(d))
}

// writePDF lays out the blocks as an A4 PDF/A-2b file of the meeting,
// heading naming the document in its running header and metadata
// ("OPSG_105_2310 – Final Minutes", "OPSG_107_2311 – Agenda").
func writePDF(w io.Writer, m *mb.Meeting, heading string, made time.Time, blocks []block) error {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: pageWidth, Ht: pageHeight}})
	f.SetMargins(marginSide, marginTop, marginSide)
	f.SetAutoPageBreak(true, marginBottom)
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.AddUTF8FontFromBytes(family, "I", fontItalic)
	f.AliasNbPages(totalPages)
	archival(f, m, heading, made)
	p := &pdfWriter{f: f, m: m, heading: heading}
	f.SetHeaderFunc(p.header)
	f.SetFooterFunc(p.footer)
	f.AddPage()
	for _, b := range blocks {
		p.block(b)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return fmt.Errorf("export: write the PDF of %s: %w", m.ShortName(), err)
	}
	out, err := finish(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

type pdfWriter struct {
	f       *fpdf.Fpdf
	m       *mb.Meeting
	heading string
	// last is the kind of the block written before, for the spacing of lists.
	last blockKind
}

// style sets the typeface's style and size: bold wins over italic, since
// the embedded family has no bold italic.
func (p *pdfWriter) style(bold, italic bool, size float64) {
	s := ""
	switch {
	case bold:
		s = "B"
	case italic:
		s = "I"
	}
	p.f.SetFont(family, s, size)
}

// header runs at the top of every page.
func (p *pdfWriter) header() {
	m := p.m
	p.f.SetY(10)
	p.style(true, false, 8)
	p.f.CellFormat(bodyWidth/2, 4, marking(m), "", 0, "L", false, 0, "")
	p.style(false, false, 8)
	p.f.CellFormat(bodyWidth/2, 4, p.heading, "", 0, "R", false, 0, "")
	p.f.SetLineWidth(0.2)
	p.f.Line(marginSide, 15.5, pageWidth-marginSide, 15.5)
	p.f.SetXY(marginSide, marginTop)
}

// footer runs at the foot of every page.
func (p *pdfWriter) footer() {
	m := p.m
	p.f.SetY(pageHeight - 14)
	p.f.Line(marginSide, pageHeight-14.5, pageWidth-marginSide, pageHeight-14.5)
	p.style(true, false, 8)
	p.f.CellFormat(bodyWidth/3, 4, marking(m), "", 0, "L", false, 0, "")
	p.style(false, false, 8)
	p.f.CellFormat(bodyWidth/3, 4, m.Reference, "", 0, "C", false, 0, "")
	p.f.CellFormat(bodyWidth/3, 4, fmt.Sprintf("Page %d of %s", p.f.PageNo(), totalPages), "", 0, "R", false, 0, "")
}

// room starts a new page unless h millimetres fit above the footer.
func (p *pdfWriter) room(h float64) {
	if p.f.GetY()+h > pageHeight-marginBottom {
		p.f.AddPage()
	}
}

func (p *pdfWriter) space(mm float64) {
	if p.f.GetY() > marginTop+0.1 { // no gap at the top of a page
		p.f.Ln(mm)
	}
}

func (p *pdfWriter) block(b block) {
	defer func() { p.last = b.kind }()
	switch b.kind {
	case title:
		p.space(4)
		p.runs(b.runs, 16, 7, 0, true)
	case docTitle:
		p.space(2)
		p.runs(b.runs, 11, 6, 0, true)
	case section:
		p.space(4)
		p.room(3 * lineMM)
		p.runs(b.runs, 11, 6, 0, true)
		p.f.Ln(1)
	case itemHeading:
		p.space(5 - float64(b.level))
		// A heading is never left alone at the foot of a page.
		p.room(4 * lineMM)
		size := 12.0
		if b.level > 0 {
			size = 11
		}
		p.runs(b.runs, size, 6, 0, true)
		p.f.Ln(1)
	case subheading:
		p.space(2)
		p.room(3 * lineMM)
		p.runs(b.runs, bodySize, lineMM, 0, true)
	case bullet, numbered:
		if p.last != bullet && p.last != numbered && p.last != quote {
			p.space(1.5)
		}
		p.entry(b)
	case quote:
		p.space(1)
		p.runs(b.runs, bodySize, lineMM, float64(b.level)*indentMM, false)
	case table:
		p.space(2)
		p.table(b)
	case notice:
		p.space(3)
		p.runs(b.runs, bodySize, lineMM, 0, false)
	case continued:
		// A rule across the page, then the label, at the item's own
		// margin: nobody reads what follows as the last sub-item's.
		p.space(4)
		p.room(4 * lineMM)
		y := p.f.GetY()
		p.f.Line(marginSide, y, pageWidth-marginSide, y)
		p.f.Ln(1.5)
		p.runs(b.runs, bodySize, lineMM, 0, true)
	default:
		p.space(2.5)
		p.runs(b.runs, bodySize, lineMM, float64(b.level)*indentMM, false)
	}
}

// entry is a list entry: its mark hanging in the indent, its text beside.
func (p *pdfWriter) entry(b block) {
	p.room(lineMM)
	mark := "•"
	if b.kind == numbered {
		mark = b.label
	}
	// The mark is written in the same flow as the text, so that a reader
	// copying the text (or pdftotext) keeps it with its entry; the lines
	// after the first hang under the text, not the mark.
	p.style(false, false, bodySize)
	at := float64(b.level) * indentMM
	p.f.SetX(marginSide + at)
	p.f.Write(lineMM, mark+" ")
	p.runs(b.runs, bodySize, lineMM, at+p.f.GetStringWidth(mark+" "), false)
}

// runs writes styled text that wraps at the right margin, its lines
// starting indent millimetres in. allBold sets every run bold (headings).
func (p *pdfWriter) runs(rs []run, size, line, indent float64, allBold bool) {
	f := p.f
	left := marginSide + indent
	f.SetLeftMargin(left)
	defer f.SetLeftMargin(marginSide)
	if f.GetX() < left {
		f.SetX(left)
	}
	for _, r := range rs {
		p.style(r.bold || allBold, r.italic, size)
		f.Write(line, r.text)
	}
	f.Ln(line)
}
