package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// The reading rule applied to a meeting's minutes: which items the reader
// reads and which are withheld, and which rows of the actions outstanding
// table the reader may see. The page (minutes.go) and the read API
// (minutes_api.go) both build from these. They are domain and store
// decisions kept here until the issue "who may read each record" gives
// them their home beside mb.Reader; nothing else in the server decides
// what of the minutes a reader reads.

// readableItem is an agenda item as the reader may read it
// (mb.Reader.ReadableItems).
type readableItem = mb.ReadableItem

// readableItems applies the reader's level to the minutes' items.
func readableItems(rd *mb.Reader, doc *mb.Minutes, recorded bool) []*readableItem {
	return rd.ReadableItems(doc, recorded)
}

// readableOutstanding keeps the rows of the actions outstanding table whose
// actions the reader may see: an action raised in a meeting or item above
// the reader's level is counted, not shown.
func (s *Server) readableOutstanding(r *http.Request, rows []mb.OutstandingAction) ([]mb.OutstandingAction, int, error) {
	if len(rows) == 0 {
		return rows, 0, nil
	}
	rd := reader(r)
	ids := make([]int64, len(rows))
	for i, row := range rows {
		ids[i] = row.Action.ID
	}
	levels, err := s.store.ActionLevels(r.Context(), ids)
	if err != nil {
		return nil, 0, err
	}
	// Only RED admits by attendance: ask about the meetings that raised RED
	// actions, not every meeting the reader ever attended.
	var red []int64
	for _, lv := range levels {
		if lv.Level == mb.Red && lv.MeetingID != nil {
			red = append(red, *lv.MeetingID)
		}
	}
	recorded := map[int64]bool{}
	if rd.SignedIn() && len(red) > 0 {
		if recorded, err = s.store.RecordedAmong(r.Context(), rd.User.PersonID, red); err != nil {
			return nil, 0, err
		}
	}
	var out []mb.OutstandingAction
	withheld := 0
	for _, row := range rows {
		lv := levels[row.Action.ID]
		here := lv.MeetingID != nil && recorded[*lv.MeetingID]
		if lv.Level != 0 && !rd.CanRead(lv.Level, row.Action.CommitteeID, here) {
			withheld++
			continue
		}
		out = append(out, row)
	}
	return out, withheld, nil
}
