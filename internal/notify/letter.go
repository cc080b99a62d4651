package notify

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

// Letter is what a message says, shaped like the message: a subject, a few
// paragraphs, sections of lines, the link back and why the person is told.
// Every kind of message fills one, and the same two templates render it as
// plain text and as HTML, so that the two parts always say the same.
type Letter struct {
	Subject  string
	Greeting string
	Lead     []string
	Sections []Section
	// Link is the link back to minutebook: what to do next.
	Link Link
	// Why says why the person is told ("You sit on the OPSG.").
	Why string
	// Preferences and Unsubscribe are filled when the message is made.
	Preferences string
	Unsubscribe string
	// UnsubscribeWhat names what the unsubscribe link stops.
	UnsubscribeWhat string
}

// Section is a heading and its lines.
type Section struct {
	Heading string
	Lines   []Line
}

// Line is one entry of a section: a reference or title, linked when URL is
// set, with a note after it. A withheld line carries only what the reader
// may know (an item's number and level).
type Line struct {
	Text     string
	URL      string
	Note     string
	Quote    bool // the text is someone's words (a comment)
	Withheld bool
}

// Link is a labelled address.
type Link struct {
	Label string
	URL   string
}

//go:embed letter.txt.tmpl letter.html.tmpl
var templates embed.FS

var (
	textLetter = texttemplate.Must(texttemplate.New("letter.txt.tmpl").Funcs(texttemplate.FuncMap{"wrap": wrap}).ParseFS(templates, "letter.txt.tmpl"))
	htmlLetter = htmltemplate.Must(htmltemplate.New("letter.html.tmpl").ParseFS(templates, "letter.html.tmpl"))
)

// Render returns the letter as plain text and as HTML.
func (l *Letter) Render() (text, html string, err error) {
	var t, h bytes.Buffer
	if err := textLetter.Execute(&t, l); err != nil {
		return "", "", err
	}
	if err := htmlLetter.Execute(&h, l); err != nil {
		return "", "", err
	}
	return t.String(), h.String(), nil
}

// wrap breaks text into lines of at most 72 characters, each after the
// first indented by indent spaces, as plain-text mail reads best.
func wrap(indent int, text string) string {
	var out, line strings.Builder
	pad := strings.Repeat(" ", indent)
	for _, para := range strings.Split(text, "\n") {
		if out.Len() > 0 {
			out.WriteString("\n" + pad)
		}
		line.Reset()
		for _, w := range strings.Fields(para) {
			if line.Len() > 0 && line.Len()+1+len(w) > 72-indent {
				out.WriteString(line.String() + "\n" + pad)
				line.Reset()
			}
			if line.Len() > 0 {
				line.WriteByte(' ')
			}
			line.WriteString(w)
		}
		out.WriteString(line.String())
	}
	return out.String()
}
