package minutesimport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxXML bounds each part read from a .docx, so that a zip bomb fails
// instead of filling memory. Real minutes are well under a megabyte.
const maxXML = 64 << 20

// ParseDocx reads minutes saved by Word as .docx. Paragraphs become lines,
// with a blank line between paragraphs as in the plain-text tradition; each
// table row becomes a line of tab-separated cells (a cell holding several
// paragraphs gives one line per paragraph, the other cells empty); bold runs
// are written "**bold**"; Word's automatic numbering of headings and lists
// is written out ("5.1.", "- "). Line numbers in the Document count the
// lines of that text, which DocxText returns.
func ParseDocx(data []byte, opt Options) (*Document, error) {
	text, err := DocxText(data)
	if err != nil {
		return nil, err
	}
	return ParseText(text, opt), nil
}

// DocxText returns the text ParseDocx reads from a .docx, so that the line
// numbers in its Document can be shown against it.
func DocxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("minutesimport: not a readable .docx (%v): %w", err, ErrUnreadable)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	main := parts["word/document.xml"]
	if main == nil {
		return "", fmt.Errorf("minutesimport: not a Word document: the archive has no word/document.xml: %w", ErrUnreadable)
	}
	body, err := readPart(main)
	if err != nil {
		return "", err
	}
	num := newNumbering()
	// Numbering and styles only add list numbers; a damaged one costs the
	// numbers of headings, which the text parser then reports, so it is
	// not worth refusing the document for.
	if f := parts["word/numbering.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			_ = num.readNumbering(b)
		}
	}
	if f := parts["word/styles.xml"]; f != nil {
		if b, err := readPart(f); err == nil {
			_ = num.readStyles(b)
		}
	}
	w := &docxWriter{num: num}
	if err := w.walk(body); err != nil {
		return "", fmt.Errorf("minutesimport: word/document.xml is damaged (%v): %w", err, ErrUnreadable)
	}
	return w.out.String(), nil
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("minutesimport: open %s in the .docx (%v): %w", f.Name, err, ErrUnreadable)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxXML+1))
	if err != nil {
		return nil, fmt.Errorf("minutesimport: read %s in the .docx (%v): %w", f.Name, err, ErrUnreadable)
	}
	if len(b) > maxXML {
		return nil, fmt.Errorf("minutesimport: %s in the .docx is larger than %d MiB: %w", f.Name, maxXML>>20, ErrUnreadable)
	}
	return b, nil
}

// seg is a piece of a paragraph's text, bold or not.
type seg struct {
	s    string
	bold bool
}

type para struct {
	segs         []seg
	style, numID string
	ilvl         int
	runBold      bool
	inRun, inRPr bool
	inT          bool
}

// cell is a table cell: its paragraphs, in order.
type cell []string

type table struct {
	row  []cell
	cell *cell
}

type docxWriter struct {
	out      strings.Builder
	paras    []*para  // open paragraphs; a text box nests one inside another
	tables   []*table // open tables; tables nest inside cells
	num      *numbering
	lastList bool // the last line written was a list entry
	started  bool // something has been written
}

func (w *docxWriter) walk(body []byte) error {
	return eachToken(body, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			return w.startElement(d, t)
		case xml.EndElement:
			w.endElement(t.Name.Local)
		case xml.CharData:
			if p := w.para(); p != nil && p.inT {
				p.segs = append(p.segs, seg{string(t), p.runBold})
			}
		}
		return nil
	})
}

func (w *docxWriter) para() *para {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

func val(t xml.StartElement) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == "val" {
			return a.Value, true
		}
	}
	return "", false
}

func (w *docxWriter) startElement(d *xml.Decoder, t xml.StartElement) error {
	p := w.para()
	switch t.Name.Local {
	case "Fallback", "del", "moveFrom", "delText", "instrText":
		// Alternate renderings and deleted text would repeat or
		// resurrect words that are not in the document as it reads.
		return d.Skip()
	case "p":
		w.paras = append(w.paras, &para{})
	case "pStyle":
		if p != nil {
			p.style, _ = val(t)
		}
	case "numId":
		if p != nil {
			p.numID, _ = val(t)
		}
	case "ilvl":
		if p != nil {
			v, _ := val(t)
			p.ilvl, _ = strconv.Atoi(v)
		}
	case "r":
		if p != nil {
			p.inRun, p.runBold = true, false
		}
	case "rPr":
		if p != nil && p.inRun {
			p.inRPr = true
		}
	case "b":
		if p != nil && p.inRPr {
			v, ok := val(t)
			p.runBold = !ok || (v != "0" && v != "false" && v != "off")
		}
	case "t":
		if p != nil {
			p.inT = true
		}
	case "tab":
		if p != nil && p.inRun { // w:tab also defines tab stops in paragraph properties
			p.segs = append(p.segs, seg{"\t", false})
		}
	case "br", "cr":
		if p != nil && p.inRun {
			p.segs = append(p.segs, seg{"\n", false})
		}
	case "noBreakHyphen":
		if p != nil && p.inRun {
			p.segs = append(p.segs, seg{"-", p.runBold})
		}
	case "tbl":
		w.tables = append(w.tables, &table{})
		if len(w.tables) == 1 {
			w.blank()
		}
	case "tr":
		if len(w.tables) > 0 {
			w.tables[len(w.tables)-1].row = nil
		}
	case "tc":
		if len(w.tables) > 0 {
			tb := w.tables[len(w.tables)-1]
			tb.row = append(tb.row, cell{})
			tb.cell = &tb.row[len(tb.row)-1]
		}
	}
	return nil
}

func (w *docxWriter) endElement(local string) {
	p := w.para()
	switch local {
	case "t":
		if p != nil {
			p.inT = false
		}
	case "rPr":
		if p != nil {
			p.inRPr = false
		}
	case "r":
		if p != nil {
			p.inRun, p.runBold = false, false
		}
	case "p":
		if p == nil {
			return
		}
		w.paras = w.paras[:len(w.paras)-1]
		w.endPara(p)
	case "tc":
		if len(w.tables) > 0 {
			w.tables[len(w.tables)-1].cell = nil
		}
	case "tr":
		if len(w.tables) > 0 {
			w.endRow(w.tables[len(w.tables)-1])
		}
	case "tbl":
		if len(w.tables) > 0 {
			w.tables = w.tables[:len(w.tables)-1]
			if len(w.tables) == 0 {
				w.blank()
			}
		}
	}
}

// endPara writes a finished paragraph: into the open table cell, or as
// lines of its own.
func (w *docxWriter) endPara(p *para) {
	text := render(p.segs)
	label, list := w.num.label(p)
	if strings.TrimSpace(text) == "" {
		label = "" // Word does not number an empty paragraph either
	} else if label != "" {
		text = label + " " + strings.TrimLeft(text, " \t")
	}
	if len(w.tables) > 0 && len(w.paras) == 0 {
		if tb := w.tables[len(w.tables)-1]; tb.cell != nil {
			for l := range strings.SplitSeq(text, "\n") {
				// A tab inside a cell would shift the columns.
				*tb.cell = append(*tb.cell, strings.ReplaceAll(l, "\t", " "))
			}
			return
		}
	}
	if strings.TrimSpace(text) == "" {
		return // spacing, which the blank lines between paragraphs already give
	}
	// Paragraphs are separated by a blank line, as in the plain-text
	// tradition, except entries of one list, which run on.
	if !(list && w.lastList) {
		w.blank()
	}
	w.out.WriteString(text)
	w.out.WriteByte('\n')
	w.lastList, w.started = list, true
}

// endRow writes a table row as tab-separated cells. A cell holding several
// paragraphs (several names under one category) gives several lines, the
// other cells left empty, which is how the text tradition writes it.
func (w *docxWriter) endRow(tb *table) {
	rows := 0
	for _, c := range tb.row {
		rows = max(rows, len(c))
	}
	lines := make([]string, 0, rows)
	for k := range rows {
		cells := make([]string, len(tb.row))
		for j, c := range tb.row {
			if k < len(c) {
				cells[j] = c[k]
			}
		}
		lines = append(lines, strings.Join(cells, "\t"))
	}
	tb.row = nil
	if len(w.tables) > 1 {
		// A table inside a cell: its rows become paragraphs of that cell.
		if outer := w.tables[len(w.tables)-2]; outer.cell != nil {
			for _, l := range lines {
				*outer.cell = append(*outer.cell, strings.ReplaceAll(l, "\t", " "))
			}
		}
		return
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		w.out.WriteString(l)
		w.out.WriteByte('\n')
		w.started = true
	}
	w.lastList = false
}

func (w *docxWriter) blank() {
	if w.started && !strings.HasSuffix(w.out.String(), "\n\n") {
		w.out.WriteByte('\n')
	}
	w.lastList = false
}

// render writes a paragraph's pieces, marking bold ones "**…**". Adjacent
// bold runs are merged, and spaces are kept outside the markers, so that
// Word's habit of splitting "NOTED" over several runs still gives
// "**NOTED**".
func render(segs []seg) string {
	var b strings.Builder
	for k := 0; k < len(segs); {
		bold := segs[k].bold
		var s strings.Builder
		for ; k < len(segs) && segs[k].bold == bold; k++ {
			s.WriteString(segs[k].s)
		}
		text := s.String()
		core := strings.TrimSpace(text)
		if !bold || core == "" {
			b.WriteString(text)
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		b.WriteString(lead + "**" + core + "**" + trail)
	}
	return b.String()
}
