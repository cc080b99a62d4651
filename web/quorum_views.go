package web

import "strings"

// InquorateWarning tells the secretariat which decisions were taken while
// the meeting was inquorate.
func InquorateWarning(items []string) string {
	which := "item " + items[0]
	if len(items) > 1 {
		which = "items " + strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
	}
	return "The decisions at " + which + " were taken while the meeting was inquorate. Check the attendance before circulating the draft."
}
