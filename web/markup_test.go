package web

import (
	"strings"
	"testing"
)

func TestRenderMinute(t *testing.T) {
	tests := []struct {
		name, in     string
		want, unwant []string
	}{
		{name: "ParagraphsAndEmphasis", in: "SECAS presented.\n\nThe OPSG **noted** it.",
			want: []string{"<p>SECAS presented.</p>", "<strong>noted</strong>"}},
		{name: "List", in: "- one\n- two", want: []string{"<ul>", "<li>one</li>"}},
		{name: "Link", in: "[MP242](https://example.org/mp242)",
			want: []string{`href="https://example.org/mp242"`, `rel="nofollow"`}},
		{name: "ErrScriptDropped", in: "<script>alert(1)</script>Hi", unwant: []string{"<script", "alert(1)</script>"}},
		{name: "ErrJavascriptLinkDropped", in: "[x](javascript:alert(1))", unwant: []string{"javascript:"}},
		{name: "ErrInlineStyleDropped", in: `<p style="color:red" onclick="x()">x</p>`, unwant: []string{"style=", "onclick"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := RenderMinute(tt.in)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("RenderMinute(%q) = %q, lacks %q", tt.in, got, w)
				}
			}
			for _, w := range tt.unwant {
				if strings.Contains(got, w) {
					t.Errorf("RenderMinute(%q) = %q, holds %q", tt.in, got, w)
				}
			}
		})
	}
}
