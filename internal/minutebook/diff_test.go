package minutebook

import (
	"strings"
	"testing"
)

func TestDiffLines(t *testing.T) {
	got := DiffLines("a\nb\nc\n", "a\nc\nd\n")
	var b strings.Builder
	for _, l := range got {
		b.WriteString([]string{" ", "-", "+"}[l.Op] + l.Text + "|")
	}
	if want := " a|-b| c|+d|"; b.String() != want {
		t.Errorf("diff = %q, want %q", b.String(), want)
	}
	if len(DiffLines("", "")) != 0 {
		t.Error("two empty texts differ")
	}
}

// What two versions share at either end is the same; only the middle is
// compared line by line, with the same answer as comparing the whole.
func TestDiffLinesSharedEnds(t *testing.T) {
	for _, tt := range []struct{ older, newer, want string }{
		{"a\nb\nc\nd\n", "a\nx\nc\nd\n", " a|-b|+x| c| d|"},
		{"a\nb\n", "a\nb\n", " a| b|"},
		{"a\nb\n", "a\nb\nc\n", " a| b|+c|"},
		{"x\na\nb\n", "a\nb\n", "-x| a| b|"},
		{"a\na\n", "a\n", " a|-a|"},
	} {
		var b strings.Builder
		for _, l := range DiffLines(tt.older, tt.newer) {
			b.WriteString([]string{" ", "-", "+"}[l.Op] + l.Text + "|")
		}
		if b.String() != tt.want {
			t.Errorf("DiffLines(%q, %q) = %q, want %q", tt.older, tt.newer, b.String(), tt.want)
		}
	}
}
