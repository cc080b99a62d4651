package minutebook

// The reading rule applied to a meeting's minutes: which items the reader
// reads and which are withheld. The pages, the read API and the messages
// that carry a document's items all build from it.

// ReadableItem is an agenda item as the reader may read it. A withheld
// item keeps only its number and classification (a sub-item of a withheld
// item, its parent's classification), never its title or minute.
type ReadableItem struct {
	Item     *Item
	Withheld bool
	Children []*ReadableItem
}

// ReadableItems applies the reader's level to the minutes' items: items
// above it are withheld (never dropped), and so is everything beneath a
// withheld item. recorded says whether the reader was recorded present at
// the meeting.
func (r *Reader) ReadableItems(doc *Minutes, recorded bool) []*ReadableItem {
	var build func(it *Item, parentWithheld bool) *ReadableItem
	build = func(it *Item, parentWithheld bool) *ReadableItem {
		ri := &ReadableItem{Item: it, Withheld: parentWithheld || r.Withheld(it, doc.Meeting.CommitteeID, recorded)}
		if ri.Withheld {
			if parentWithheld && it.Classification == 0 {
				// A sub-item of a withheld item is withheld at its parent's level.
				ri.Item = &Item{Number: it.Number, Classification: parentLevel(doc, it)}
			}
			return ri
		}
		for _, c := range it.Children {
			ri.Children = append(ri.Children, build(c, false))
		}
		return ri
	}
	out := make([]*ReadableItem, 0, len(doc.Items))
	for _, it := range doc.Items {
		out = append(out, build(it, false))
	}
	return out
}

// parentLevel is the classification of the item holding the sub-item.
func parentLevel(doc *Minutes, sub *Item) Classification {
	for _, it := range doc.Items {
		for _, c := range it.Children {
			if c.ID == sub.ID {
				return it.Classification
			}
		}
	}
	return sub.Classification
}
