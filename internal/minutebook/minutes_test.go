package minutebook

import (
	"strings"
	"testing"
)

func TestMinutesTextWithholds(t *testing.T) {
	m := &Minutes{Meeting: &Meeting{CommitteeCode: "OPSG", CommitteeName: "Operations Group", Number: 105, Reference: "OPSG_105_2310", Status: Published, Classification: Clear},
		Items: []*Item{{Title: "Open"}, {Title: "Secret", Minute: "hidden words", Classification: Amber}}}
	NumberItems(m.Items)
	text := m.Text(func(it *Item) bool { return it.Classification == Amber })
	if strings.Contains(text, "hidden words") || !strings.Contains(text, "Item 2 is classified AMBER and is not shown.") {
		t.Errorf("text = %q", text)
	}
	if !strings.Contains(text, "OPSG_105_2310 – Final Minutes") || !strings.Contains(text, "1. Open") {
		t.Errorf("text = %q", text)
	}
}
