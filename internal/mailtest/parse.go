package mailtest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"strings"
)

// Mail is a received message as a mail program reads it.
type Mail struct {
	Header mail.Header
	// Subject is the decoded subject.
	Subject string
	// Text and HTML are the decoded bodies of the two alternatives.
	Text string
	HTML string
}

// Parse reads a message: a multipart/alternative of text/plain and
// text/html, each in its transfer encoding.
func Parse(raw []byte) (*Mail, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	m := &Mail{Header: msg.Header}
	dec := new(mime.WordDecoder)
	if m.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return nil, err
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	if mediaType != "multipart/alternative" {
		return nil, fmt.Errorf("mailtest: the message is %s, not multipart/alternative", mediaType)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		body, err := decode(p.Header.Get("Content-Transfer-Encoding"), p)
		if err != nil {
			return nil, err
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch ct {
		case "text/plain":
			m.Text = body
		case "text/html":
			m.HTML = body
		default:
			return nil, fmt.Errorf("mailtest: unexpected part %s", ct)
		}
	}
	if m.Text == "" || m.HTML == "" {
		return nil, fmt.Errorf("mailtest: the message lacks a part (text %d bytes, HTML %d bytes)", len(m.Text), len(m.HTML))
	}
	return m, nil
}

func decode(encoding string, r io.Reader) (string, error) {
	switch strings.ToLower(encoding) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	}
	b, err := io.ReadAll(r)
	// Lines travel ending in CRLF; a mail program shows them as lines.
	return strings.ReplaceAll(string(b), "\r\n", "\n"), err
}

var (
	hrefRE = regexp.MustCompile(`href="([^"]+)"`)
	urlRE  = regexp.MustCompile(`https?://[^\s<>"]+`)
)

// HTMLLinks are the addresses the HTML part links to, in order (their
// entities decoded as a browser would).
func (m *Mail) HTMLLinks() []string {
	var out []string
	for _, g := range hrefRE.FindAllStringSubmatch(m.HTML, -1) {
		out = append(out, strings.ReplaceAll(g[1], "&amp;", "&"))
	}
	return out
}

// TextLinks are the addresses the plain text carries, in order.
func (m *Mail) TextLinks() []string { return urlRE.FindAllString(m.Text, -1) }
