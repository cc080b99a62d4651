package web

import (
	"bytes"
	"context"
	"io"

	"github.com/a-h/templ"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// minuteMarkdown renders the small text format of minutes: paragraphs,
// lists, emphasis, links and tables. Raw HTML is not rendered.
var minuteMarkdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Linkify))

// minutePolicy keeps only what the format produces, so that nothing typed
// into a minute can run script or restyle the page.
var minutePolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6",
		"table", "thead", "tbody", "tr", "th", "td", "hr", "del")
	p.AllowAttrs("href").OnElements("a")
	p.AllowStandardURLs()
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireNoFollowOnLinks(true)
	p.AllowAttrs("scope").OnElements("th")
	p.AllowAttrs("start").OnElements("ol")
	return p
}()

// RenderMinute turns a minute's text into safe HTML.
func RenderMinute(text string) string {
	var buf bytes.Buffer
	if err := minuteMarkdown.Convert([]byte(text), &buf); err != nil {
		return minutePolicy.Sanitize(templ.EscapeString(text))
	}
	return minutePolicy.Sanitize(buf.String())
}

// minuteHTML is a component that writes a minute's sanitised HTML.
func minuteHTML(text string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, RenderMinute(text))
		return err
	})
}

// MinuteFragment is a minute rendered alone, as the saved minutes render
// it: the live preview beside the text box.
func MinuteFragment(text string) templ.Component { return minuteHTML(text) }
