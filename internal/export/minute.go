package export

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A minute is written in the small text format the minutes page renders
// through goldmark (web/markup.go): paragraphs, lists, emphasis, links and
// tables, raw HTML dropped. Both formats read it the same way, into blocks
// of styled runs, from the same parser and extensions as the page.
var minuteMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Linkify))

// run is a piece of text in one style.
type run struct {
	text         string
	bold, italic bool
}

// blockKind says how a block is laid out. Both formats lay out the same
// sequence of blocks (see flow), so what the document says, and what it
// withholds, is decided once.
type blockKind int

const (
	paragraph   blockKind = iota
	subheading            // a minute's own heading, or bold line
	bullet                // a list entry, marked
	numbered              // a numbered list entry: label holds "3."
	quote                 // indented: a list entry's later paragraphs, a blockquote
	table                 // head and rows
	title                 // the document's title: "Operations Group Meeting 105"
	docTitle              // the reference and status line
	section               // "Attendees:", "Apologies:", "Actions outstanding"
	itemHeading           // an item's heading; level 0 for 5, 1 for 5.1
	notice                // a withheld item's notice, or a table's withheld rows
	continued             // "Item 5 (continued)": what an item records after its sub-items
)

// tableKind says which table a table block is, for its column widths.
type tableKind int

const (
	minuteTable tableKind = iota
	attendeeTable
	outstandingTable
)

// block is a paragraph-like piece of the document.
type block struct {
	kind  blockKind
	runs  []run
	level int    // nesting of a list entry or item, from 0
	label string // a numbered entry's number: "3."
	// A table's heading row and rows: each row's cells, each cell its
	// paragraphs. The rows of an attendee table are its groups, which a
	// page break never splits.
	head  []string
	rows  [][][]string
	which tableKind
}

// minuteBlocks reads a minute into blocks.
func minuteBlocks(minute string) []block {
	src := []byte(minute)
	doc := minuteMarkdown.Parser().Parse(text.NewReader(src))
	r := &blockReader{src: src}
	r.blocks(doc, 0, paragraph)
	return r.out
}

type blockReader struct {
	src []byte
	out []block
}

// blocks walks the block-level children of parent; kind is how their
// paragraphs are laid out (quote inside a blockquote or a list entry's
// later paragraphs) and level their indentation.
func (r *blockReader) blocks(parent ast.Node, level int, kind blockKind) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		r.block(n, level, kind)
	}
}

func (r *blockReader) block(n ast.Node, level int, kind blockKind) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		r.out = append(r.out, block{kind: kind, runs: r.inline(n, false, false), level: level})
	case *ast.Heading:
		r.out = append(r.out, block{kind: subheading, runs: r.inline(n, true, false)})
	case *ast.List:
		r.list(n, level)
	case *ast.Blockquote:
		r.blocks(n, level+1, quote)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(r.src))
		}
		r.out = append(r.out, block{kind: kind, runs: []run{{text: strings.TrimRight(b.String(), "\n")}}, level: level})
	case *east.Table:
		r.table(n)
	case *ast.HTMLBlock, *ast.ThematicBreak:
		// Raw HTML is not part of the format; a rule carries no words.
	default:
		r.blocks(n, level, kind)
	}
}

// list writes each entry's first paragraph marked (a bullet, or its number)
// and its further paragraphs and nested lists indented beneath it.
func (r *blockReader) list(l *ast.List, level int) {
	number := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		kind, label := bullet, ""
		if l.IsOrdered() {
			kind, label = numbered, strconv.Itoa(number)+string(l.Marker)
			number++
		}
		first := true
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				b := block{kind: quote, runs: r.inline(c, false, false), level: level + 1}
				if first {
					b.kind, b.label, b.level = kind, label, level
				}
				r.out = append(r.out, b)
			default:
				r.block(c, level+1, quote)
			}
			first = false
		}
	}
}

func (r *blockReader) table(t *east.Table) {
	b := block{kind: table, which: minuteTable}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, []string{plain(r.inline(c, false, false))})
		}
		if _, ok := row.(*east.TableHeader); ok {
			for _, c := range cells {
				b.head = append(b.head, c[0])
			}
		} else {
			b.rows = append(b.rows, cells)
		}
	}
	r.out = append(r.out, b)
}

// inline reads the styled runs of a paragraph-like node.
func (r *blockReader) inline(n ast.Node, bold, italic bool) []run {
	var out []run
	add := func(s string, b, i bool) {
		if s == "" {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].bold == b && out[k].italic == i {
			out[k].text += s
			return
		}
		out = append(out, run{text: s, bold: b, italic: i})
	}
	var walk func(n ast.Node, bold, italic bool)
	walk = func(n ast.Node, bold, italic bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				add(r.textOf(c.Segment.Value(r.src)), bold, italic)
				if c.HardLineBreak() {
					add("\n", bold, italic)
				} else if c.SoftLineBreak() {
					add(" ", bold, italic)
				}
			case *ast.String:
				add(r.textOf(c.Value), bold, italic)
			case *ast.CodeSpan:
				var b strings.Builder
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if s, ok := t.(*ast.Text); ok {
						b.Write(s.Segment.Value(r.src))
					}
				}
				add(b.String(), bold, italic)
			case *ast.Emphasis:
				walk(c, bold || c.Level >= 2, italic || c.Level == 1)
			case *ast.AutoLink:
				add(string(c.Label(r.src)), bold, italic)
			case *ast.RawHTML:
				// dropped, as the page drops it
			default:
				walk(c, bold, italic)
			}
		}
	}
	walk(n, bold, italic)
	return out
}

// textOf resolves what the HTML renderer resolves: backslash escapes and
// character references.
func (r *blockReader) textOf(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

// plain is the text of runs without their styles.
func plain(runs []run) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.text)
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
