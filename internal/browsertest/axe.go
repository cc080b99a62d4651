package browsertest

import (
	_ "embed"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, vendored with its licence under testdata/axe-core
// so that the accessibility check runs offline and always with the same
// rules. To move to a newer 4.x: `npm pack axe-core@4`, copy axe.min.js and
// the licences from the package, and change AxeVersion.
//
//go:embed testdata/axe-core/axe.min.js
var axeSource string

// AxeVersion is the vendored axe-core's version; TestAxeVersion keeps it
// and the file's own banner in step.
const AxeVersion = "4.14.1"

// WCAGTags are the axe-core rule tags of WCAG 2.0, 2.1 and 2.2 at levels A
// and AA: what every page must pass.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Violation is one axe-core rule a page breaks, with the elements that
// break it.
type Violation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// String names the rule, how many elements break it and the first few of
// them with axe's own summary of what is wrong.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %d element(s)", v.ID, v.Help, len(v.Nodes))
	for i, n := range v.Nodes {
		if i == 3 {
			b.WriteString("\n\t\t…")
			break
		}
		fmt.Fprintf(&b, "\n\t\t%v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// Axe runs axe-core on the current page with the rules of the given tags
// and returns what it finds broken. The script is injected into the page
// on first use, so any page can be checked, including one the test has
// changed since it loaded.
func (b *Browser) Axe(tb testing.TB, tags ...string) []Violation {
	tb.Helper()
	var loaded bool
	b.Run(tb, chromedp.Evaluate(`typeof window.axe === "object"`, &loaded))
	if !loaded {
		b.Run(tb, chromedp.Evaluate(axeSource, nil))
	}
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
		.then(r => r.violations)`, jsStrings(tags))
	var found []Violation
	b.Run(tb, chromedp.Evaluate(run, &found, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	return found
}

// Overflow returns how many CSS pixels the current page is wider than its
// viewport: zero when nothing makes it scroll sideways.
func (b *Browser) Overflow(tb testing.TB) int {
	tb.Helper()
	var px int
	b.Run(tb, chromedp.Evaluate(
		`Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)`, &px))
	return px
}

func jsStrings(ss []string) string {
	quoted := make([]string, len(ss))
	for i, s := range ss {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
