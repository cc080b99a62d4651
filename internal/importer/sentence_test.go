package importer

import (
	"slices"
	"strings"
	"testing"
)

// TestSentences: a paragraph's sentences end at a stop before a space or
// the end, not inside a sub-item's number or after an initial, and join
// again into the paragraph.
func TestSentences(t *testing.T) {
	p := "J. Smith declared an interest in item 5.2, because of the contract. The Panel NOTED it! Was it version 1.3?"
	got := sentenceRE.FindAllString(p, -1)
	got = slices.DeleteFunc(got, func(s string) bool { return s == "" })
	want := []string{"J. Smith declared an interest in item 5.2, because of the contract. ", "The Panel NOTED it! ", "Was it version 1.3?"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if strings.Join(got, "") != p {
		t.Errorf("the sentences do not join into the paragraph")
	}
}
