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

// TestDecisionsReadAsTheBody guards the minutes' decisions against a rule
// meant for another page: "The OPSG NOTED the update." reads in the body's
// size and colour, so no rule may style .decision but the minutes' own.
func TestDecisionsReadAsTheBody(t *testing.T) {
	css, err := Static.ReadFile("static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(css), "\n") {
		selectors, _, ok := strings.Cut(line, "{")
		if !ok {
			continue
		}
		for _, sel := range strings.Split(selectors, ",") {
			sel = strings.TrimSpace(sel)
			if strings.Contains(sel, ".decision") && !strings.HasPrefix(sel, ".minutes ") {
				t.Errorf("line %d: %q styles decisions outside the minutes", i+1, sel)
			}
		}
	}
	if !strings.Contains(string(css), ".minutes .decision, .minutes .decisions { margin: .5rem 0; font-size: 1rem; color: var(--ink); }") {
		t.Error("the minutes' decisions are not set in the body's size and colour")
	}
}
