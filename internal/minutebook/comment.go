package minutebook

import "time"

// Comment is a member's comment on an item of a circulated draft.
type Comment struct {
	ID             int64
	MeetingID      int64
	ItemID         *int64
	AuthorID       int64
	AuthorName     string
	Body           string
	CreatedAt      time.Time
	ResolvedAt     *time.Time
	ResolvedByName string
	Resolution     string
	// Access is the reading rule's facts: those of the item it is on.
	Access Access
}

// Resolved reports whether the secretariat has dealt with the comment.
func (c *Comment) Resolved() bool { return c.ResolvedAt != nil }
