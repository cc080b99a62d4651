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
