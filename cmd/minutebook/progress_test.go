package main

import (
	"strings"
	"testing"
)

// Without a terminal, progress is plain lines, one a step when asked for.
func TestProgressPlain(t *testing.T) {
	var out strings.Builder
	p := newProgress(&out, &out, true)
	p.Stage("dumping", 2)
	p.Step("public.actions")
	p.Step("public.risks")
	p.Finish()
	if want := "  dumping: public.actions (1 of 2)\n  dumping: public.risks (2 of 2)\n"; out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	out.Reset()
	quiet := newProgress(&out, &out, false)
	quiet.Stage("importing", 1)
	quiet.Step("a.txt")
	if out.String() != "" {
		t.Errorf("a command that reports each step itself got %q", out.String())
	}
}

// On a terminal, a bar is drawn and cleared before the command's own lines.
func TestProgressBar(t *testing.T) {
	var lines, tty strings.Builder
	p := newProgress(&lines, nil, false)
	p.tty = &tty
	p.Stage("importing", 2)
	p.Step("a.txt")
	if _, err := p.Write([]byte("a.txt: Created the draft minutes\n")); err != nil {
		t.Fatal(err)
	}
	p.Step("b.txt")
	p.Finish()
	if !strings.Contains(tty.String(), "importing: a.txt") || !strings.Contains(tty.String(), "/2)") {
		t.Errorf("no bar drawn: %q", tty.String())
	}
	if lines.String() != "a.txt: Created the draft minutes\n" {
		t.Errorf("the command's lines: %q", lines.String())
	}
}
