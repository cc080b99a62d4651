package web

import (
	"strings"
	"testing"
)

// TestStylesheetBlocksClose guards against an unclosed block, which once
// turned every rule after "@media print {" into a print-only rule.
func TestStylesheetBlocksClose(t *testing.T) {
	css, err := Static.ReadFile("static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	depth := 0
	for i, line := range strings.Split(string(css), "\n") {
		depth += strings.Count(line, "{") - strings.Count(line, "}")
		if depth < 0 {
			t.Fatalf("line %d closes a block that was never opened", i+1)
		}
	}
	if depth != 0 {
		t.Fatalf("%d block(s) left open at the end of style.css", depth)
	}
}
