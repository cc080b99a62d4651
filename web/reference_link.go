package web

import (
	"context"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/a-h/templ"
)

// ReferenceLinks links the references a document names (as the store
// found them on write, Store.MeetingReferences) to their histories. The
// minutes page and the public minutes link them; the files (PDF, Word)
// and print do not.
type ReferenceLinks struct {
	re *regexp.Regexp
}

// NewReferenceLinks links refs; nil when there are none.
func NewReferenceLinks(refs []string) *ReferenceLinks {
	if len(refs) == 0 {
		return nil
	}
	// The longest first, so that "CPM 3A" wins over "CPM 3".
	refs = slices.Clone(refs)
	slices.SortFunc(refs, func(a, b string) int { return len(b) - len(a) })
	var alts []string
	for _, r := range refs {
		alts = append(alts, strings.Join(strings.Fields(regexp.QuoteMeta(r)), `\s+`))
	}
	return &ReferenceLinks{re: regexp.MustCompile(`(^|[^\w/])(` + strings.Join(alts, "|") + `)(?:\b|$)`)}
}

// target is the history a matched reference links to.
func (l *ReferenceLinks) each(text string, link func(before, ref string) string) string {
	return l.re.ReplaceAllStringFunc(text, func(m string) string {
		sub := l.re.FindStringSubmatch(m)
		return link(sub[1], sub[2])
	})
}

// Markdown links the references of a minute's text, before it is rendered.
func (l *ReferenceLinks) Markdown(text string) string {
	if l == nil {
		return text
	}
	return l.each(text, func(before, ref string) string {
		return before + "[" + ref + "](" + ReferencePath(strings.Join(strings.Fields(ref), " ")) + ")"
	})
}

// Text is plain text as HTML with its references linked.
func (l *ReferenceLinks) Text(text string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		html := templ.EscapeString(text)
		if l != nil {
			html = l.each(html, func(before, ref string) string {
				return before + `<a href="` + templ.EscapeString(ReferencePath(strings.Join(strings.Fields(ref), " "))) + `">` + ref + `</a>`
			})
		}
		_, err := io.WriteString(w, html)
		return err
	})
}

// minuteWithLinks is a minute's sanitised HTML with its references linked.
func minuteWithLinks(l *ReferenceLinks, text string) templ.Component {
	return minuteHTML(l.Markdown(text))
}
