package server_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestPagesAreWellFormedAndLabelled fetches every page in the authorization
// matrix as the secretariat and as an administrator and checks what a
// validator and a screen reader would, and that pasting into a password
// field is never stopped: one h1, a main landmark, a language,
// unique ids, no repeated attributes, headings that do not skip levels, a
// label for every form control and alternative text for every image.
func TestPagesAreWellFormedAndLabelled(t *testing.T) {
	a := newApp(t)
	m := matrix(matrixFixtures(t, a))
	checked := 0
	for _, who := range []string{"secretariat", "admin"} {
		c := a.as(who)
		for key, r := range m {
			if !strings.HasPrefix(key, "GET ") || strings.Contains(key, "/api/") || strings.HasSuffix(r.path, ".ics") ||
				strings.HasSuffix(r.path, ".csv") || strings.HasSuffix(r.path, ".atom") || strings.HasPrefix(r.path, "/static/") ||
				r.path == "/healthz" || r.path == "/readyz" {
				continue
			}
			res := c.get(r.path)
			if res.status >= 300 && res.status < 400 || !strings.HasPrefix(res.header.Get("Content-Type"), "text/html") {
				continue
			}
			checked++
			for _, problem := range htmlProblems(res.body) {
				t.Errorf("%s as %s: %s", r.path, who, problem)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d pages checked: the matrix should offer far more", checked)
	}
}

// htmlProblems lists what is wrong with a page.
func htmlProblems(page string) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	z := html.NewTokenizer(strings.NewReader(page))
	ids := map[string]bool{}
	labelled := map[string]bool{}
	type control struct{ id, tag, name string }
	var controls []control
	h1s, lastHeading, mains, inLabel := 0, 0, 0, 0
	hasLang := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				add("does not parse: %v", z.Err())
			}
			break
		}
		tok := z.Token()
		if tt == html.EndTagToken && tok.Data == "label" {
			inLabel--
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		attrs := map[string]string{}
		for _, at := range tok.Attr {
			if strings.HasPrefix(at.Key, "hx-") {
				add("<%s> has the attribute %s, not valid HTML: write htmx's attributes data-hx-…", tok.Data, at.Key)
			}
			if _, dup := attrs[at.Key]; dup {
				add("<%s> repeats the attribute %s", tok.Data, at.Key)
			}
			attrs[at.Key] = at.Val
		}
		// Pasting and password managers must work in a password field
		// (WCAG 3.3.8): nothing may stop a paste, and the field says what
		// it holds.
		for _, handler := range []string{"onpaste", "oncopy", "oncut"} {
			if _, ok := attrs[handler]; ok {
				add("<%s> has %s, which can stop pasting", tok.Data, handler)
			}
		}
		if tok.Data == "input" && attrs["type"] == "password" && attrs["autocomplete"] == "" {
			add("password field %q has no autocomplete, so a password manager cannot fill it", attrs["name"])
		}
		if id, ok := attrs["id"]; ok {
			if ids[id] {
				add("the id %q is used twice", id)
			}
			ids[id] = true
		}
		switch tok.Data {
		case "html":
			hasLang = attrs["lang"] != ""
		case "main":
			mains++
		case "h1", "h2", "h3", "h4", "h5", "h6":
			level := int(tok.Data[1] - '0')
			if level == 1 {
				h1s++
			}
			if lastHeading > 0 && level > lastHeading+1 {
				add("heading <%s> follows <h%d>, skipping a level", tok.Data, lastHeading)
			}
			lastHeading = level
		case "label":
			if tt == html.StartTagToken {
				inLabel++
			}
			if f := attrs["for"]; f != "" {
				labelled[f] = true
			}
		case "img":
			if _, ok := attrs["alt"]; !ok {
				add("an <img> has no alt text")
			}
		case "input", "select", "textarea":
			switch attrs["type"] {
			case "hidden", "submit", "button", "reset":
				continue
			}
			if inLabel > 0 || attrs["aria-label"] != "" || attrs["aria-labelledby"] != "" || attrs["title"] != "" {
				continue
			}
			controls = append(controls, control{attrs["id"], tok.Data, attrs["name"]})
		}
	}
	for _, c := range controls {
		if c.id == "" || !labelled[c.id] {
			add("the <%s name=%q> has no label", c.tag, c.name)
		}
	}
	if h1s != 1 {
		add("%d h1 headings, want 1", h1s)
	}
	if mains != 1 {
		add("%d main landmarks, want 1", mains)
	}
	if !hasLang {
		add("the html element has no lang")
	}
	return problems
}
