package minutesimport

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word does not store the numbers of automatically numbered headings and
// lists in the text: "5.1." is computed from word/numbering.xml when the
// document is shown. Minutes rely on those numbers to mark agenda items, so
// they are computed here the same way.

type level struct {
	format, text string
	start        int
}

type styleNum struct {
	numID string
	ilvl  int
}

type numbering struct {
	abstract map[string]string        // numId → abstractNumId
	levels   map[string]map[int]level // abstractNumId → ilvl → level
	styles   map[string]styleNum      // paragraph style → its numbering
	count    map[string]*[9]int       // abstractNumId → current number at each level
	used     map[string]*[9]bool      // whether a level has started
}

func newNumbering() *numbering {
	return &numbering{
		abstract: map[string]string{},
		levels:   map[string]map[int]level{},
		styles:   map[string]styleNum{},
		count:    map[string]*[9]int{},
		used:     map[string]*[9]bool{},
	}
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func clampLevel(n int) int { return min(max(n, 0), 8) }

// eachToken hands f every token of the XML in b, with the decoder for
// reading an element's content in one go; it stops at the first error.
func eachToken(b []byte, f func(d *xml.Decoder, tok xml.Token) error) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := f(d, tok); err != nil {
			return err
		}
	}
}

func (n *numbering) readNumbering(b []byte) error {
	var abs, num string
	var lv level
	ilvl := -1
	return eachToken(b, func(_ *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			v, _ := val(t)
			switch t.Name.Local {
			case "abstractNum":
				abs = attr(t, "abstractNumId")
			case "lvl":
				ilvl = clampLevel(atoi(attr(t, "ilvl")))
				lv = level{format: "decimal", start: 1}
			case "start":
				if s := atoi(v); s >= 0 {
					lv.start = s
				}
			case "numFmt":
				lv.format = v
			case "lvlText":
				lv.text = v
			case "num":
				num = attr(t, "numId")
			case "abstractNumId":
				n.abstract[num] = v
			}
		case xml.EndElement:
			if t.Name.Local == "lvl" && ilvl >= 0 {
				if n.levels[abs] == nil {
					n.levels[abs] = map[int]level{}
				}
				n.levels[abs][ilvl] = lv
				ilvl = -1
			}
		}
		return nil
	})
}

func (n *numbering) readStyles(b []byte) error {
	var id string
	var sn styleNum
	return eachToken(b, func(_ *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			v, _ := val(t)
			switch t.Name.Local {
			case "style":
				id, sn = attr(t, "styleId"), styleNum{}
			case "numId":
				sn.numID = v
			case "ilvl":
				sn.ilvl = clampLevel(atoi(v))
			}
		case xml.EndElement:
			if t.Name.Local == "style" && sn.numID != "" {
				n.styles[id] = sn
			}
		}
		return nil
	})
}

// label returns what Word shows before a paragraph ("5.1.", or "-" for a
// bullet) and whether the paragraph is a bulleted list entry.
func (n *numbering) label(p *para) (string, bool) {
	numID, ilvl := p.numID, clampLevel(p.ilvl)
	if numID == "" {
		s, ok := n.styles[p.style]
		if !ok {
			if strings.Contains(strings.ToLower(p.style), "bullet") {
				return "-", true
			}
			return "", false
		}
		numID, ilvl = s.numID, s.ilvl
	}
	if numID == "0" {
		return "", false // numbering explicitly switched off
	}
	abs := n.abstract[numID]
	lv, ok := n.levels[abs][ilvl]
	if !ok {
		return "-", true // a list whose definition is missing: at least keep it a list
	}
	switch lv.format {
	case "bullet":
		return "-", true
	case "none":
		return "", false
	}
	if n.count[abs] == nil {
		n.count[abs], n.used[abs] = &[9]int{}, &[9]bool{}
	}
	count, used := n.count[abs], n.used[abs]
	if used[ilvl] {
		count[ilvl]++
	} else {
		count[ilvl], used[ilvl] = lv.start, true
	}
	for j := ilvl + 1; j < 9; j++ {
		used[j] = false
	}
	text := lv.text
	for j := 8; j >= 0; j-- { // %1 after %10 would never arise: there are nine levels
		mark := "%" + strconv.Itoa(j+1)
		if !strings.Contains(text, mark) {
			continue
		}
		l := n.levels[abs][j]
		v := l.start
		if used[j] {
			v = count[j]
		}
		text = strings.ReplaceAll(text, mark, formatNumber(v, l.format))
	}
	return strings.TrimSpace(text), false
}

func formatNumber(v int, format string) string {
	switch format {
	case "decimalZero":
		return fmt.Sprintf("%02d", v)
	case "lowerLetter", "upperLetter":
		if v < 1 || v > 26*20 { // beyond "tttt…" Word's letters are no help
			return strconv.Itoa(v)
		}
		s := strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	var b strings.Builder
	for _, r := range []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for v >= r.n {
			b.WriteString(r.s)
			v -= r.n
		}
	}
	return b.String()
}
