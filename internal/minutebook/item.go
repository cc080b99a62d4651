package minutebook

import (
	"fmt"
	"strings"
	"time"
)

// Item is an agenda item of a meeting, holding the minute itself. Items nest
// one level: item 5 holds 5.1, 5.2 and 5.3.
type Item struct {
	ID        int64
	MeetingID int64
	ParentID  *int64
	Position  int    // order among siblings, from 1
	Number    string // "5" or "5.1", derived from the positions
	Title     string
	Minute    string // the minute, in the small safe text format
	// Classification is set when the item needs more protection than its
	// document; zero means "as the document".
	Classification Classification
	// Placement says where the item's own decisions and actions stand:
	// before its sub-items, or after them.
	Placement Placement
	// Access is what the reading rule needs of the item: its effective
	// level is the strictest of its document's, its own and its parent's.
	Access Access `json:"-"`
	// Withheld is set on an item the reader may not read, as
	// Reader.ReadableMinutes returns it: only its number and level remain.
	Withheld  bool `json:"-"`
	Decisions []Decision
	Actions   []Action
	// Declarations are the interests declared in the item.
	Declarations []Declaration
	// Children are the sub-items (5.1, 5.2) of a top-level item, in order.
	Children  []*Item
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks an item's own rules: a title, and a classification that,
// when set, protects the item more than its document.
func (i *Item) Validate(document Classification) error {
	fe := FieldErrors{}
	i.Title = strings.Join(strings.Fields(i.Title), " ")
	i.Minute = strings.TrimSpace(strings.ReplaceAll(i.Minute, "\r\n", "\n"))
	if i.Title == "" {
		fe.Add("title", "Enter the item's title, such as Previous Meeting Minutes.")
	} else if len(i.Title) > 300 {
		fe.Add("title", "The title is too long: 300 characters at most.")
	}
	if len(i.Minute) > 100000 {
		fe.Add("minute", "The minute is too long: 100,000 characters at most.")
	}
	if i.Placement == "" {
		i.Placement = BeforeSubItems
	} else if i.Placement != BeforeSubItems && i.Placement != AfterSubItems {
		fe.Add("placement", "Choose whether its decisions and actions come before or after its sub-items.")
	}
	if i.Classification != 0 {
		if !i.Classification.Valid() {
			fe.Add("classification", "Choose a classification.")
		} else if i.Classification <= document {
			fe.Add("classification", fmt.Sprintf("An item's own classification must be above its document's (%s); leave it as the document's instead.", document))
		}
	}
	return fe.Err()
}

// NumberItems gives every item its number from the positions: 1, 2, 5.1.
func NumberItems(items []*Item) {
	for i, it := range items {
		it.Number = fmt.Sprint(i + 1)
		for j, c := range it.Children {
			c.Number = fmt.Sprintf("%d.%d", i+1, j+1)
		}
	}
}

// HoldsPreviousMinutes reports whether the item is where the minutes
// record the approval of the previous meeting's: "Previous Meeting
// Minutes", as item 1 of the model document.
func (i *Item) HoldsPreviousMinutes() bool {
	return strings.EqualFold(strings.TrimSpace(i.Title), "Previous Meeting Minutes")
}

// HoldsOutstanding reports whether the item is where the minutes show the
// actions outstanding table: an item titled "Actions Outstanding", as item
// 2 of the model document. The first such item holds it.
func (i *Item) HoldsOutstanding() bool {
	return strings.EqualFold(strings.TrimSpace(i.Title), "Actions Outstanding")
}

// Placement is where an item's own decisions and actions stand among its
// sub-items. The model document records item 5's decision and three of its
// actions after 5.3; a secretariat typing an item's decisions as it goes
// puts them before its sub-items, the default.
type Placement string

// The placements of an item's own decisions and actions.
const (
	BeforeSubItems Placement = "before"
	AfterSubItems  Placement = "after"
)

// OwnAfterSubItems reports whether the item's own decisions, actions and
// reviews follow its sub-items, where they must be set apart so that
// nobody reads them as the last sub-item's.
func (i *Item) OwnAfterSubItems() bool {
	return i.Placement == AfterSubItems && len(i.Children) > 0
}

// ContinuedLabel sets apart what an item records after its sub-items:
// "Item 5 (continued)".
func (i *Item) ContinuedLabel() string { return "Item " + i.Number + " (continued)" }
