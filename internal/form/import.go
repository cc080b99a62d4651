package form

import (
	"net/http"
	"strconv"
	"strings"
)

// ImportCheck is the preview of an imported document as typed: the header,
// each item's title ("title-K", K its index as read) and the heading each
// person of the roll call is listed under ("group-I": attendees, then
// apologies).
type ImportCheck struct {
	Number, Kind, Date, Start, End, Venue, Classification string
	Titles                                                map[int]string
	Groups                                                map[int]string
	Errors                                                Errors
}

// ParseImportCheck reads the preview's form; items and people say how many
// titles and headings it holds.
func ParseImportCheck(r *http.Request, items, people int) (*ImportCheck, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	f := &ImportCheck{
		Number: value(r, "number"), Kind: value(r, "kind"), Date: value(r, "date"), Start: value(r, "start"),
		End: value(r, "end"), Venue: value(r, "venue"), Classification: value(r, "classification"),
		Titles: map[int]string{}, Groups: map[int]string{}, Errors: Errors{},
	}
	for k := range items {
		if v, ok := r.PostForm["title-"+strconv.Itoa(k)]; ok {
			f.Titles[k] = strings.TrimSpace(strings.Join(v, " "))
		}
	}
	for i := range people {
		if v, ok := r.PostForm["group-"+strconv.Itoa(i)]; ok {
			f.Groups[i] = strings.TrimSpace(strings.Join(v, " "))
		}
	}
	return f, nil
}

// MeetingNumber reads the meeting number, recording a message when it is
// not a whole number from 1.
func (f *ImportCheck) MeetingNumber() int {
	if f.Number == "" {
		f.Errors["number"] = "Enter the meeting number."
		return 0
	}
	n, err := strconv.Atoi(f.Number)
	if err != nil || n < 1 {
		f.Errors["number"] = "Enter the meeting number as a whole number, such as 105."
		return 0
	}
	return n
}
