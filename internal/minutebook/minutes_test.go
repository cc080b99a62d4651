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

func TestMinutesTextPlacesOwnRecords(t *testing.T) {
	item := func(p Placement) *Item {
		return &Item{Title: "Business Processes", Placement: p, Decisions: []Decision{{Kind: "NOTED", Text: "the presentation"}},
			Children: []*Item{{Title: "3G Sunsetting Performance"}}}
	}
	for _, tc := range []struct {
		placement Placement
		want      string
	}{
		{BeforeSubItems, "1. Business Processes\nThe OPSG NOTED the presentation.\n\n1.1. 3G Sunsetting Performance\n"},
		{AfterSubItems, "1. Business Processes\n\n1.1. 3G Sunsetting Performance\n\nItem 1 (continued)\nThe OPSG NOTED the presentation.\n"},
	} {
		t.Run(string(tc.placement), func(t *testing.T) {
			m := &Minutes{Meeting: &Meeting{CommitteeCode: "OPSG", Classification: Clear}, Items: []*Item{item(tc.placement)}}
			NumberItems(m.Items)
			if text := m.Text(nil); !strings.Contains(text, tc.want) {
				t.Errorf("text = %q, want it to hold %q", text, tc.want)
			}
		})
	}
	t.Run("StoredBeforePlacements", func(t *testing.T) {
		m := &Minutes{Items: []*Item{item(""), {Title: "Other", Placement: BeforeSubItems}}}
		m.PlaceAsStored()
		if m.Items[0].Placement != AfterSubItems || m.Items[1].Placement != BeforeSubItems || m.Items[0].Children[0].Placement != AfterSubItems {
			t.Errorf("placements %q %q", m.Items[0].Placement, m.Items[1].Placement)
		}
	})
}
