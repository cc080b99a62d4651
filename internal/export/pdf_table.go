package export

import "math"

// columns gives a table's column widths in millimetres.
func columns(b block) []float64 {
	switch b.which {
	case attendeeTable:
		return []float64{62, bodyWidth - 62}
	case outstandingTable:
		// Action Ref., Action, Date Raised, Last Target, Revised Target, Owner, Status
		return []float64{22, 50, 20, 20, 20, 20, 18}
	}
	n := len(b.head)
	for _, r := range b.rows {
		n = max(n, len(r))
	}
	w := make([]float64, max(n, 1))
	for i := range w {
		w[i] = bodyWidth / float64(len(w))
	}
	return w
}

// table draws a table. Its heading row is repeated at the top of every page
// it continues on, and a row is never split across pages unless it is
// taller than a whole page: an attendee group stays together.
func (p *pdfWriter) table(b block) {
	widths := columns(b)
	head := make([][]string, len(b.head))
	for i, h := range b.head {
		head[i] = []string{h}
	}
	headLines := p.wrap(head, widths, true)
	headHeight := rowHeight(headLines)
	p.room(headHeight + tableLine + 2*cellPad)
	p.drawRow(headLines, widths, 0, len2(headLines), true)
	newPage := func() {
		p.f.AddPage()
		p.drawRow(headLines, widths, 0, len2(headLines), true)
	}
	// The lines a fresh page holds under the repeated heading row.
	pageLines := int(math.Floor((pageHeight - marginTop - marginBottom - headHeight - 2*cellPad) / tableLine))
	for _, row := range b.rows {
		lines := p.wrap(row, widths, false)
		need := len2(lines)
		for start := 0; start < need; {
			fit := int(math.Floor((pageHeight-marginBottom-p.f.GetY()-2*cellPad)/tableLine + 1e-6))
			rest := need - start
			// A row that a page can hold whole moves to the next page
			// rather than split; only a taller one is split.
			if fit < 1 || (start == 0 && fit < rest && rest <= pageLines) {
				newPage()
				continue
			}
			n := min(rest, fit)
			p.drawRow(lines, widths, start, start+n, false)
			if start += n; start < need {
				newPage()
			}
		}
	}
	p.style(false, false, bodySize)
}

// wrap breaks each cell's paragraphs into the lines its column holds.
func (p *pdfWriter) wrap(cells [][]string, widths []float64, head bool) [][]string {
	out := make([][]string, len(widths))
	for i := range widths {
		if i >= len(cells) {
			continue
		}
		p.style(head || (i == 0 && !head), false, tableSize)
		for _, para := range cells[i] {
			if para == "" {
				out[i] = append(out[i], "")
				continue
			}
			out[i] = append(out[i], p.f.SplitText(para, widths[i]-2*cellPad+2*p.f.GetCellMargin())...)
		}
	}
	return out
}

// len2 is the number of lines of the tallest cell.
func len2(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

func rowHeight(cells [][]string) float64 { return float64(len2(cells))*tableLine + 2*cellPad }

// drawRow draws lines [from, to) of a row's cells with their borders; the
// heading row is shaded. The first column is bold: it names the group or
// the action.
func (p *pdfWriter) drawRow(cells [][]string, widths []float64, from, to int, head bool) {
	f := p.f
	y := f.GetY()
	h := float64(to-from)*tableLine + 2*cellPad
	x := marginSide
	f.SetDrawColor(120, 120, 120)
	f.SetLineWidth(0.2)
	for i, w := range widths {
		if head {
			f.SetFillColor(230, 230, 230)
			f.Rect(x, y, w, h, "FD")
		} else {
			f.Rect(x, y, w, h, "D")
		}
		p.style(head || i == 0, false, tableSize)
		for k := from; k < to && i < len(cells) && k < len(cells[i]); k++ {
			f.SetXY(x+cellPad-f.GetCellMargin(), y+cellPad+float64(k-from)*tableLine)
			f.CellFormat(w-2*cellPad+2*f.GetCellMargin(), tableLine, cells[i][k], "", 0, "L", false, 0, "")
		}
		x += w
	}
	f.SetDrawColor(0, 0, 0)
	f.SetXY(marginSide, y+h)
}
